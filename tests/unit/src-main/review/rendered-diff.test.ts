import { cp, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { AtelierError } from '../../../../src-shared/api/atelier-error.js'
import { sideOf } from '../../../../src-shared/review/word-diff.js'
import { Repository } from '../../../../src-main/git/repository.js'
import { BoundedRenderer } from '../../../../src-main/preview/bounded-renderer.js'
import { readSite } from '../../../../src-main/preview/read-site.js'
import { comparePublished, reviewDiff } from '../../../../src-main/review/rendered-diff.js'
import { bundledStarterPlaybook } from '../../../../src-main/paths.js'
import { git } from '../../../helpers/native-git.js'
import { tempDir } from '../../../helpers/temp-dir.js'

const CASE = '_cas_pratiques/senegal-budget-communal.md'
const THEME = '_themes/acces-information.md'
const renderer = new BoundedRenderer()
afterAll(() => renderer.close())

/** The starter playbook as a repository on `main`, and a contribution branch checked out. */
async function starterRepository(): Promise<string> {
  const dir = path.join(await tempDir('atelier-review-'), 'guide')
  await cp(bundledStarterPlaybook, dir, { recursive: true })
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'Guide de départ')
  git(dir, 'switch', '-q', '-c', 'contribution')
  return dir
}

async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(dir, file)
  await writeFile(target, change(await readFile(target, 'utf8')))
}

function commit(dir: string, message: string): void {
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', message)
}

async function diffOf(dir: string, branch = 'contribution') {
  const repository = await Repository.find(dir)
  if (!repository) throw new Error('no repository')
  return reviewDiff(repository.context, branch, { renderer })
}

const nameOnly = (dir: string) =>
  git(dir, 'diff', '--name-only', '-z', 'main...contribution').split('\0').filter(Boolean)

const count = (html: string, tag: string) => html.split(`<${tag}>`).length - 1

describe('reviewDiff', () => {
  it('marks a one-word change on a case study page as one deletion and one insertion', async () => {
    const dir = await starterRepository()
    await edit(dir, CASE, (text) =>
      text.replace('plusieurs dizaines de pages', 'plusieurs centaines de pages'),
    )
    commit(dir, 'Un mot')
    // The main line moves on meanwhile: only the branch's own change is shown (three dots).
    git(dir, 'switch', '-q', 'main')
    await edit(dir, THEME, (text) => `${text}\nUn ajout sur la ligne principale.\n`)
    commit(dir, 'Ailleurs')

    const diff = await diffOf(dir)
    expect(diff.pages.map((page) => page.path)).toEqual(nameOnly(dir))
    const [page] = diff.pages
    expect(page).toMatchObject({ path: CASE, change: 'modified', page: true, fields: [] })
    expect(page!.title).toBe('Exemple – Sénégal : présenter le budget communal en une page')
    expect([count(page!.html!, 'del'), count(page!.html!, 'ins')]).toEqual([1, 1])
    expect(page!.html).toContain('<del>dizaines</del><ins>centaines</ins>')
    expect(page!.html).toContain('<details class="atelier-unchanged"')
    expect(diff.base).toBe(git(dir, 'merge-base', 'main', 'contribution').trim())
  })

  it('lists exactly what git diff main...branch lists: added, deleted, renamed, images, files outside pages', async () => {
    const dir = await starterRepository()
    await edit(dir, THEME, (text) =>
      text
        .replace(/^title: .*$/m, 'title: Accès à l’information publique')
        .replace(/^(\s+)title: .*$/m, '$1title: Un nouveau bandeau')
        .replace('---\n\n', '---\n\n![Carte](/uploads/carte.png)\n\n'),
    )
    await writeFile(
      path.join(dir, 'uploads-carte.png'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]),
    )
    await writeFile(
      path.join(dir, '_cas_pratiques/nouveau.md'),
      '---\ntitle: Nouveau cas\n---\n\nUn texte neuf.\n',
    )
    await rm(path.join(dir, '_posts/2024-05-14-lancer-un-plan-d-action-local.md'))
    git(dir, 'mv', 'contribuer.md', 'participer.md')
    await edit(dir, '_config.yml', (text) => `${text}\n# fin\n`)
    commit(dir, 'Plusieurs changements')

    const diff = await diffOf(dir)
    expect(diff.pages.map((page) => page.path)).toEqual(nameOnly(dir))
    const byPath = new Map(diff.pages.map((page) => [page.path, page]))

    const theme = byPath.get(THEME)!
    expect(theme.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          key: 'title',
          label: 'Titre',
          after: 'Accès à l’information publique',
        }),
        expect.objectContaining({
          key: 'hero.title',
          label: 'Bandeau d’accueil › Titre du bandeau'.replace('’', "'"),
        }),
      ]),
    )
    expect(theme.images).toEqual({ added: ['/uploads/carte.png'], removed: [] })
    expect(theme.html).toMatch(
      /<ins><p><img src="\/uploads\/carte.png" alt="Carte" ?\/?><\/p>\n*<\/ins>/,
    )

    expect(byPath.get('_cas_pratiques/nouveau.md')).toMatchObject({
      change: 'added',
      page: true,
      title: 'Nouveau cas',
    })
    expect(byPath.get('_cas_pratiques/nouveau.md')!.html).toBe(
      '<ins>\n<p>Un texte neuf.</p>\n</ins>',
    )
    const removed = byPath.get('_posts/2024-05-14-lancer-un-plan-d-action-local.md')!
    expect(removed).toMatchObject({ change: 'deleted', page: true })
    expect(sideOf(removed.html!, 'after')).toBe('')
    expect(byPath.get('participer.md')).toMatchObject({
      change: 'renamed',
      from: 'contribuer.md',
      page: true,
    })
    expect(byPath.get('_config.yml')).toMatchObject({ change: 'modified', page: false, html: null })
    expect(byPath.get('uploads-carte.png')).toMatchObject({
      page: false,
      images: { added: ['uploads-carte.png'], removed: [] },
    })
  })

  it('shows a version whose Liquid fails as a French notice, on a received contribution', async () => {
    const dir = await starterRepository()
    git(dir, 'branch', '-m', 'recu/aminata')
    await edit(dir, CASE, (text) => `${text}\n{% if %}\n`)
    commit(dir, 'Liquid cassé')
    const diff = await diffOf(dir, 'recu/aminata')
    const html = diff.pages[0]!.html!
    expect(html).toContain('Cette version de la page ne peut pas être affichée')
    expect(html).not.toMatch(/Error|\.js\b|tag|unexpected|illegal/)
    // The version before still shows as published, whole.
    expect(html).toContain('<del>\n<h2 id="contexte">Contexte</h2>')
    expect(html).not.toContain('<ins>')
  })

  it('renders a body once when only the settings changed, with the same result', async () => {
    const dir = await starterRepository()
    await edit(dir, CASE, (text) => text.replace(/^title: .*$/m, 'title: Un autre titre'))
    commit(dir, 'Titre seulement')
    const repository = (await Repository.find(dir))!
    const renders: string[] = []
    const counting = {
      render: (...args: Parameters<BoundedRenderer['render']>) => {
        renders.push(args[1].relativePath)
        return renderer.render(...args)
      },
    } as BoundedRenderer
    const diff = await reviewDiff(repository.context, 'contribution', { renderer: counting })
    const [page] = diff.pages
    expect(page!.fields.map((field) => field.key)).toEqual(['title'])
    expect(renders).toEqual([CASE])
    // The same html as the body rendered alone: nothing marked, unchanged blocks folded.
    expect(page!.html).not.toMatch(/<(ins|del)>/)
    const site = await readSite(dir)
    const alone = await comparePublished(
      site,
      renderer,
      CASE,
      await readFile(path.join(dir, CASE), 'utf8'),
      `${await readFile(path.join(dir, CASE), 'utf8')}\n`,
      null,
    )
    expect(sideOf(page!.html!, 'after')).toBe(sideOf(alone.html!, 'before'))
  })

  it('refuses an unknown branch with a French message and changes nothing', async () => {
    const dir = await starterRepository()
    const refs = git(dir, 'show-ref')
    const error = await diffOf(dir, 'personne').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AtelierError)
    expect((error as AtelierError).code).toBe('contribution-not-found')
    expect(git(dir, 'show-ref')).toBe(refs)
  })
})

describe('comparePublished', () => {
  it('labels the settings as _atelier.yml does, as the review does', async () => {
    const dir = await starterRepository()
    const site = await readSite(dir)
    const before = await readFile(path.join(dir, THEME), 'utf8')
    const after = before
      .replace(/^title: .*$/m, 'title: Accès à l’information publique')
      .replace('\n---\n\n', '\n---\n\nUne phrase ajoutée.\n\n')
    const contentTypes = await readFile(path.join(dir, '_atelier.yml'), 'utf8')
    const page = await comparePublished(site, renderer, THEME, before, after, contentTypes)
    expect(page.fields).toEqual([
      {
        key: 'title',
        label: 'Titre',
        before: expect.any(String),
        after: 'Accès à l’information publique',
      },
    ])
    // Without `_atelier.yml`, the keys themselves.
    const bare = await comparePublished(site, renderer, THEME, before, after, null)
    expect(bare.fields.map((field) => field.label)).toEqual(['title'])
  })
})
