import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findReferences, type PageReference } from '../../../../src-main/links/page-references.js'
import {
  readLinkIndex,
  resolveReference,
  type LinkIndex,
} from '../../../../src-main/links/resolve-reference.js'
import { dataReferences } from '../../../../src-main/rename/data-references.js'
import { planSiteRename } from '../../../../src-main/rename/rename-site.js'
import { AtelierError } from '../../../../src-shared/api/atelier-error.js'
import { parseContentTypes } from '../../../../src-shared/content-types/content-types.js'
import { page, writeSite } from '../../../helpers/site-fixture.js'
import { tempDir } from '../../../helpers/temp-dir.js'

/**
 * Moving a page to another folder keeps every link of the site leading where it led: for each
 * page of a small guide and each folder it could go to, every reference of every file resolves
 * (as Jekyll or a browser finds it) to the same file after the move as before, the moved page
 * standing for itself. References that could not follow (a `theme:` when the page leaves the
 * themes, a page moved where the site publishes nothing) refuse the move instead.
 */

const CONFIG = `title: Guide
baseurl: /guide
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
`

const SITE: Record<string, string> = {
  '_config.yml': CONFIG,
  '_atelier.yml': TYPES,
  'index.md': page(
    'title: Accueil',
    [
      '[Accès](/guide/themes/acces/#pourquoi) ; [méthode](guides/methode.html) ; {% link guides/methode.md %}',
      '<a href="{{ \'/cas/benin/\' | relative_url }}">Bénin</a> ; {% post_url 2024-01-02-annonce %}',
      '',
    ].join('\n'),
  ),
  'guides/methode.md': page(
    'title: Méthode',
    [
      '[Accueil](../) ; [accès](../themes/acces/) ; ![Carte](../assets/carte.png)',
      '[Outil](avance/outil.html#etapes) ; [moi](methode.html) ; [ancre](#haut)',
      '{% include_relative extrait.md %}',
      '',
    ].join('\n'),
  ),
  'guides/extrait.md': 'Un extrait sans réglages.\n',
  'guides/avance/outil.md': page(
    'title: Outil',
    '[Méthode](../methode.html) ; [Bénin](/guide/cas/benin/#contexte) ; [relatif](../../cas/benin/)\n',
  ),
  '_themes/acces.md': page(
    'title: Acces',
    '[Bénin](../../cas/benin/) ; <a href="../../guides/methode.html">méthode</a>\n',
  ),
  '_cas_pratiques/benin.md': page(
    'title: Benin\ntheme: acces',
    '{% link _themes/acces.md %} ; [méthode]({{ site.baseurl }}/guides/methode.html) ; [outil](../../guides/avance/outil.html)\n',
  ),
  '_posts/2024-01-02-annonce.md': page(
    'title: Annonce',
    '[Méthode](/guide/guides/methode.html) ; [Bénin](../../../../cas/benin/)\n',
  ),
  '_data/navigation.yml': '- url: /themes/acces/\n- url: /guides/methode.html\n',
  'assets/carte.png': 'png',
}

const PAGES = [
  'guides/methode.md',
  'guides/avance/outil.md',
  '_themes/acces.md',
  '_cas_pratiques/benin.md',
  '_posts/2024-01-02-annonce.md',
]
const FOLDERS = [
  '',
  'guides',
  'guides/avance',
  'autres/tres/loin',
  '_themes',
  '_cas_pratiques',
  '_posts',
  '_drafts',
]

const types = () => {
  const result = parseContentTypes(TYPES)
  if (!result.ok) throw new Error(result.message)
  return result.value
}

/** Where every reference of the site leads: `file → [target or null, …]` in text order. */
async function resolvedLinks(
  root: string,
  index: LinkIndex,
): Promise<Map<string, (string | null)[]>> {
  const links = new Map<string, (string | null)[]>()
  for (const file of [...index.files].sort()) {
    const isData = file.startsWith('_data/')
    if (!isData && !index.documents.has(file)) continue
    const text = await readFile(path.join(root, file), 'utf8')
    const references: PageReference[] = isData ? dataReferences(text) : findReferences(text)
    const collection = index.documents.get(file)?.collection
    links.set(
      file,
      references.map((reference) =>
        resolveReference(
          index,
          file,
          reference,
          reference.kind === 'field' &&
            reference.field === 'theme' &&
            collection === 'cas_pratiques'
            ? { collection: 'themes' }
            : {},
        ),
      ),
    )
  }
  return links
}

/** The site at `root` copied with the plan's edits written, as `rename.apply` writes them. */
async function moved(root: string, plan: Awaited<ReturnType<typeof planSiteRename>>) {
  const copy = await tempDir('atelier-moved-')
  await cp(root, copy, { recursive: true })
  for (const edit of plan.edits) {
    const target = edit.path === plan.from ? plan.to : edit.path
    await mkdir(path.dirname(path.join(copy, target)), { recursive: true })
    await writeFile(path.join(copy, target), edit.after)
  }
  if (plan.to !== plan.from) await rm(path.join(copy, plan.from))
  return copy
}

describe('moving a page to another folder', () => {
  it('keeps every link of the site leading where it led, or refuses the move', async () => {
    const root = await writeSite(SITE)
    const before = await readLinkIndex(root)
    const linksBefore = await resolvedLinks(root, before)
    const titles = new Map(
      PAGES.map((file) => [file, String(before.documents.get(file)!.data.title)]),
    )
    let done = 0
    let refused = 0
    for (const pagePath of PAGES) {
      for (const folder of FOLDERS) {
        if (folder === path.posix.dirname(pagePath).replace(/^\.$/, '')) continue
        const title = titles.get(pagePath)!
        const planning = planSiteRename(root, pagePath, title, types(), before, folder)
        const plan = await planning.catch((error: unknown) => error)
        if (plan instanceof AtelierError) {
          expect(plan.code, `${pagePath} → ${folder}`).toBe('move-strands-links')
          refused++
          continue
        }
        if (plan instanceof Error) throw plan
        const result = plan as Awaited<typeof planning>
        const copy = await moved(root, result)
        const after = await readLinkIndex(copy)
        const linksAfter = await resolvedLinks(copy, after)
        const follow = (target: string | null) => (target === result.from ? result.to : target)
        for (const [file, targets] of linksBefore) {
          const now = linksAfter.get(file === result.from ? result.to : file)
          const where = `${pagePath} → « ${folder} »: ${file}`
          // A page moved where the site does not publish it has no links read any more.
          if (now === undefined && file === result.from) continue
          expect(now, where).toBeDefined()
          expect(
            now!.map((target, at) => (targets[at] === null ? null : target)),
            where,
          ).toEqual(targets.map(follow))
        }
        done++
      }
    }
    // Both outcomes are exercised: the test would pass vacuously if every move were refused.
    expect(done).toBeGreaterThan(8)
    expect(refused).toBeGreaterThan(3)
  })

  it('refuses to take a theme named by `theme:` out of the themes, and says where', async () => {
    const root = await writeSite(SITE)
    const error = await planSiteRename(
      root,
      '_themes/acces.md',
      'Acces',
      types(),
      undefined,
      'guides',
    )
      .then(() => null)
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AtelierError)
    expect((error as AtelierError).code).toBe('move-strands-links')
    expect((error as AtelierError).detail).toBe('_cas_pratiques/benin.md (3)')
  })

  it('moves a page with its title and rewrites its own relative links from the new place', async () => {
    const root = await writeSite(SITE)
    const plan = await planSiteRename(
      root,
      'guides/methode.md',
      'La méthode',
      types(),
      undefined,
      '',
    )
    expect(plan.to).toBe('la-methode.md')
    expect(plan.newUrl).toBe('/la-methode.html')
    const own = plan.edits[0]!
    expect(own.path).toBe('guides/methode.md')
    expect(own.after).toContain(
      '[Accueil](./) ; [accès](themes/acces/) ; ![Carte](assets/carte.png)',
    )
    expect(own.after).toContain('[Outil](guides/avance/outil.html#etapes) ; [moi](la-methode.html)')
    expect(own.after).toContain('{% include_relative guides/extrait.md %}')
    const index = plan.edits.find((edit) => edit.path === 'index.md')!
    expect(index.after).toContain('[méthode](la-methode.html) ; {% link la-methode.md %}')
  })
})

describe('moving without a new title', () => {
  it('keeps the file’s name, however it was first named', async () => {
    const root = await writeSite({ ...SITE, 'guides/ancien-nom.md': page('title: Outil') })
    const plan = await planSiteRename(root, 'guides/ancien-nom.md', 'Outil', types(), undefined, '')
    expect(plan.to).toBe('ancien-nom.md')
  })
})
