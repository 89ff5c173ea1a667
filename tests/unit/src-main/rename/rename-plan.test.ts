import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseContentTypes } from '../../../../src-shared/content-types/content-types.js'
import { renamedPath } from '../../../../src-main/rename/rename-plan.js'
import { findBacklinks } from '../../../../src-main/rename/backlinks.js'
import { planSiteRename } from '../../../../src-main/rename/rename-site.js'
import { page, writeSite } from '../../../helpers/site-fixture.js'

const CONFIG = `title: Guide
collections:
  themes:
    output: true
    permalink: /themes/:name/
  cas_pratiques:
    output: true
    permalink: /cas/:name/
`

const TYPES = `types:
  cas:
    label: Cas
    collection: cas_pratiques
    fields:
      - { name: title, label: Titre, type: text }
      - { name: theme, label: Thème, type: reference, collection: themes }
      - name: voir
        label: Voir aussi
        type: object
        fields:
          - { name: theme, label: Autre thème, type: reference, collection: themes }
`

const types = () => {
  const result = parseContentTypes(TYPES)
  if (!result.ok) throw new Error(result.message)
  return result.value
}

const CASE_BODY = [
  'Voir {% link _themes/acces.md %} et {% link _themes/acces-information.md %}.',
  '',
  '[Pourquoi](/themes/acces/#pourquoi) ; [voisin](/themes/acces-information/) ; [relatif](../../themes/acces/).',
  '',
  '<a href="{{ \'/themes/acces/\' | relative_url }}">thème</a> <a href="/themes/acces">html</a>',
  '',
  'Le mot acces et _themes/acces.md restent du texte.',
  '',
  '{% raw %}{% link _themes/acces.md %}{% endraw %}',
  '',
].join('\n')

async function guide() {
  return writeSite({
    '_config.yml': CONFIG,
    '_atelier.yml': TYPES,
    '_themes/acces.md': page(
      'title: Accès # Le titre\norder: 1',
      'Lien vers [moi-même](/themes/acces/).\n',
    ),
    '_themes/acces-information.md': page('title: Accès à l’information'),
    '_cas_pratiques/benin.md': page('title: Bénin\ntheme: acces # Le thème', CASE_BODY),
    '_cas_pratiques/togo.md': page(
      'title: Togo\ntheme: acces-information\nvoir:\n  theme: "acces" # Dans un groupe',
    ),
    '_data/navigation.yml':
      '- title: Accès\n  url: /themes/acces/\n- title: Voisin\n  url: "/themes/acces-information/"\n- title: Ancre\n  url: /themes/acces/#debut\n',
    'index.md': page('title: Accueil', 'Notes : `{% link _themes/acces-information.md %}`\n'),
  })
}

describe('planSiteRename', () => {
  it('renames by the title and rewrites every reference to the page, anchors kept', async () => {
    const root = await guide()
    const plan = await planSiteRename(root, '_themes/acces.md', 'Le droit de savoir', types())
    expect(plan.from).toBe('_themes/acces.md')
    expect(plan.to).toBe('_themes/le-droit-de-savoir.md')
    expect(plan.oldUrl).toBe('/themes/acces/')
    expect(plan.newUrl).toBe('/themes/le-droit-de-savoir/')
    expect(plan.edits.map((edit) => edit.path)).toEqual([
      '_themes/acces.md',
      '_cas_pratiques/benin.md',
      '_cas_pratiques/togo.md',
      '_data/navigation.yml',
    ])
    const [own, benin, togo, navigation] = plan.edits
    // A reference field inside a group, quoted: its value alone changes.
    expect(togo!.lines).toEqual([
      {
        line: 5,
        before: '  theme: "acces" # Dans un groupe',
        after: '  theme: "le-droit-de-savoir" # Dans un groupe',
      },
    ])
    expect(own!.lines).toEqual([
      { line: 2, before: 'title: Accès # Le titre', after: 'title: Le droit de savoir # Le titre' },
      {
        line: 6,
        before: 'Lien vers [moi-même](/themes/acces/).',
        after: 'Lien vers [moi-même](/themes/le-droit-de-savoir/).',
      },
    ])
    expect(benin!.after).toBe(
      page(
        'title: Bénin\ntheme: le-droit-de-savoir # Le thème',
        [
          'Voir {% link _themes/le-droit-de-savoir.md %} et {% link _themes/acces-information.md %}.',
          '',
          '[Pourquoi](/themes/le-droit-de-savoir/#pourquoi) ; [voisin](/themes/acces-information/) ; [relatif](../../themes/le-droit-de-savoir/).',
          '',
          '<a href="{{ \'/themes/le-droit-de-savoir/\' | relative_url }}">thème</a> <a href="/themes/le-droit-de-savoir">html</a>',
          '',
          'Le mot acces et _themes/acces.md restent du texte.',
          '',
          '{% raw %}{% link _themes/acces.md %}{% endraw %}',
          '',
        ].join('\n'),
      ),
    )
    expect(navigation!.lines).toEqual([
      { line: 2, before: '  url: /themes/acces/', after: '  url: /themes/le-droit-de-savoir/' },
      {
        line: 6,
        before: '  url: /themes/acces/#debut',
        after: '  url: /themes/le-droit-de-savoir/#debut',
      },
    ])
  })

  it('leaves alone a page whose name only starts the same', async () => {
    const root = await guide()
    const plan = await planSiteRename(root, '_themes/acces-information.md', 'Savoir', types())
    expect(plan.to).toBe('_themes/savoir.md')
    expect(plan.edits.map((edit) => edit.path)).toEqual([
      '_themes/acces-information.md',
      '_cas_pratiques/benin.md',
      '_cas_pratiques/togo.md',
      '_data/navigation.yml',
      'index.md',
    ])
    const benin = plan.edits[1]!
    expect(benin.lines.map((line) => line.after)).toEqual([
      'Voir {% link _themes/acces.md %} et {% link _themes/savoir.md %}.',
      '[Pourquoi](/themes/acces/#pourquoi) ; [voisin](/themes/savoir/) ; [relatif](../../themes/acces/).',
    ])
    expect(plan.edits[2]!.lines).toEqual([
      { line: 3, before: 'theme: acces-information', after: 'theme: savoir' },
    ])
    expect(plan.edits[3]!.lines.map((line) => line.after)).toEqual(['  url: "/themes/savoir/"'])
    // Jekyll runs Liquid before Markdown, so a `{% link %}` in a code span is followed too.
    expect(plan.edits[4]!.lines.map((line) => line.after)).toEqual([
      'Notes : `{% link _themes/savoir.md %}`',
    ])
  })

  it('changes only the title when the file name stays, and refuses a taken name', async () => {
    const root = await guide()
    const same = await planSiteRename(root, '_themes/acces.md', 'ACCÈS', types())
    expect(same.to).toBe('_themes/acces.md')
    expect(same.edits.map((edit) => edit.path)).toEqual(['_themes/acces.md'])
    await expect(
      planSiteRename(root, '_themes/acces.md', 'Accès information', types()),
    ).rejects.toMatchObject({ code: 'already-exists' })
    await expect(planSiteRename(root, '_themes/acces.md', '!!!', types())).rejects.toMatchObject({
      code: 'invalid-input',
    })
    await expect(planSiteRename(root, '_config.yml', 'Réglages', types())).rejects.toMatchObject({
      code: 'not-a-page',
    })
    // A page the site does not read: its title and file name only.
    await mkdir(path.join(root, '_drafts'))
    await writeFile(path.join(root, '_drafts/brouillon.md'), page('title: Brouillon'))
    const draft = await planSiteRename(root, '_drafts/brouillon.md', 'Idée', types())
    expect([draft.to, draft.edits.map((edit) => edit.path)]).toEqual([
      '_drafts/idee.md',
      ['_drafts/brouillon.md'],
    ])
  })

  it('keeps a post’s date and a page’s extension in the new file name', () => {
    const post = {
      path: '_posts/2024-05-14-plan.markdown',
      collection: 'posts',
      url: '/',
      fixedUrl: false,
    }
    expect(renamedPath(post, 'Un plan d’action')).toBe(
      '_posts/2024-05-14-un-plan-d-action.markdown',
    )
    expect(renamedPath({ ...post, path: 'contribuer.md', collection: 'pages' }, 'Aider')).toBe(
      'aider.md',
    )
  })
})

describe('findBacklinks', () => {
  it('lists every place that names the page, by title, one per line', async () => {
    const root = await guide()
    const titles = new Map([
      ['_cas_pratiques/benin.md', 'Bénin'],
      ['_cas_pratiques/togo.md', 'Togo'],
    ])
    const links = await findBacklinks(root, '_themes/acces.md', types(), titles)
    expect(links.map((link) => [link.title, link.line])).toEqual([
      ['_data/navigation.yml', 2],
      ['_data/navigation.yml', 6],
      ['Bénin', 3],
      ['Bénin', 6],
      ['Bénin', 8],
      ['Bénin', 10],
      ['Togo', 5],
    ])
    expect(links[2]!.text).toBe('theme: acces # Le thème')
    // Togo names the other theme only.
    expect(
      (await findBacklinks(root, '_themes/acces-information.md', types(), titles)).map(
        (link) => link.title,
      ),
    ).toContain('Togo')
  })
})
