import { readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Workspace } from '../../../../src-main/workspace/workspace.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../../../helpers/site-fixture.js'
import { tempDir } from '../../../helpers/temp-dir.js'

async function open() {
  const root = await writeSite({
    '_config.yml': CONFIG_WITH_COLLECTIONS,
    '_themes/acces.md': page('title: Accès\norder: 1', '## Pourquoi ?\n\nParce que.\n'),
  })
  return { root, workspace: await Workspace.open(root) }
}

describe('Workspace', () => {
  it('reads a page: text, body and parsed settings', async () => {
    const { workspace } = await open()
    const content = await workspace.readPage('_themes/acces.md')
    expect(content.frontMatter).toEqual({ title: 'Accès', order: 1 })
    expect(content.body).toBe('\n## Pourquoi ?\n\nParce que.\n')
    expect(content.problem).toBeNull()
  })

  it('reads a non-UTF-8 file as a problem, not as mangled text', async () => {
    const { root, workspace } = await open()
    await writeFile(path.join(root, 'latin1.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]))
    const content = await workspace.readPage('latin1.md')
    expect(content.problem?.code).toBe('not-utf8')
    expect(content.text).toBe('')
  })

  it('creates a page in its collection with a slug from the title, and lists it', async () => {
    const { root, workspace } = await open()
    const created = await workspace.createPage('themes', "Côte d'Ivoire – budget")
    expect(created).toBe('_themes/cote-d-ivoire-budget.md')
    expect(await readFile(path.join(root, created), 'utf8')).toBe(
      "---\ntitle: Côte d'Ivoire – budget\n---\n\n",
    )
    const { pages } = await workspace.pages()
    expect(pages.map((entry) => entry.title)).toContain("Côte d'Ivoire – budget")
    await expect(workspace.createPage('themes', "Côte d'Ivoire – budget")).rejects.toMatchObject({
      code: 'already-exists',
    })
  })

  it('dates a new article, as Jekyll posts need', async () => {
    const { workspace } = await open()
    expect(await workspace.createPage('posts', 'Un atelier à Lomé')).toMatch(
      /^_posts\/\d{4}-\d{2}-\d{2}-un-atelier-a-lome\.md$/,
    )
  })

  it('renames within the folder, keeping the extension, and refuses to overwrite', async () => {
    const { root, workspace } = await open()
    expect(await workspace.renamePage('_themes/acces.md', 'acces-information')).toBe(
      '_themes/acces-information.md',
    )
    await writeFile(path.join(root, '_themes/autre.md'), page('title: Autre'))
    await expect(
      workspace.renamePage('_themes/autre.md', 'acces-information.md'),
    ).rejects.toMatchObject({
      code: 'already-exists',
    })
    await expect(workspace.renamePage('_themes/autre.md', '../../dehors.md')).rejects.toMatchObject(
      {
        code: 'invalid-input',
      },
    )
  })

  it('deletes a page, and refuses paths outside the folder', async () => {
    const { root, workspace } = await open()
    await workspace.deletePage('_themes/acces.md')
    await expect(stat(path.join(root, '_themes/acces.md'))).rejects.toThrow()
    await expect(workspace.deletePage('../x.md')).rejects.toMatchObject({
      code: 'outside-workspace',
    })
    await expect(workspace.readPage('/etc/passwd')).rejects.toMatchObject({
      code: 'outside-workspace',
    })
  })
})

describe('Workspace.savePage', () => {
  it('writes a page atomically and leaves no temporary file', async () => {
    const { root, workspace } = await open()
    const { hash } = await workspace.readPage('_themes/acces.md')
    await workspace.savePage('_themes/acces.md', '---\ntitle: Accès\n---\nNouveau.\n', hash)
    expect(await readFile(path.join(root, '_themes/acces.md'), 'utf8')).toBe(
      '---\ntitle: Accès\n---\nNouveau.\n',
    )
    const { readdir } = await import('node:fs/promises')
    expect(
      (await readdir(path.join(root, '_themes'))).filter((name) => name.includes('atelier-tmp')),
    ).toEqual([])
  })

  it('never overwrites a page it could not read safely (not UTF-8, binary)', async () => {
    const { root, workspace } = await open()
    const latin1 = Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a])
    await writeFile(path.join(root, 'latin1.md'), latin1)
    const latin1Hash = (await workspace.readPage('latin1.md')).hash
    await expect(workspace.savePage('latin1.md', 'écrasé', latin1Hash)).rejects.toMatchObject({
      code: 'read-only-page',
    })
    expect(await readFile(path.join(root, 'latin1.md'))).toEqual(latin1)

    await writeFile(path.join(root, 'image.md'), Buffer.from([0x89, 0x50, 0x00, 0x47]))
    expect((await workspace.readPage('image.md')).problem?.code).toBe('binary')
    const imageHash = (await workspace.readPage('image.md')).hash
    await expect(workspace.savePage('image.md', 'x', imageHash)).rejects.toMatchObject({
      code: 'read-only-page',
    })
  })

  it('keeps a BOM in the text it reads, so a later save can keep it', async () => {
    const { root, workspace } = await open()
    await writeFile(path.join(root, 'bom.md'), '\uFEFF---\ntitle: B\n---\nCorps\n')
    const content = await workspace.readPage('bom.md')
    expect(content.text.startsWith('\uFEFF')).toBe(true)
    expect(content.frontMatter).toEqual({ title: 'B' })
    expect(content.body).toBe('Corps\n')
  })
})

describe('pages whose settings are not YAML', () => {
  it('open with a French message and their text intact', async () => {
    const { root, workspace } = await open()
    await writeFile(path.join(root, 'toml.md'), '+++\ntitle = "A"\n+++\nCorps\n')
    const content = await workspace.readPage('toml.md')
    expect(content.problem).toMatchObject({ code: 'not-yaml' })
    expect(content.problem?.message).toMatch(/pas écrits en YAML/)
    expect(content.body).toBe('Corps\n')
  })
})

describe('new pages from content types', () => {
  async function starterCopy() {
    const { cp } = await import('node:fs/promises')
    const { bundledStarterPlaybook } = await import('../../../../src-main/paths.js')
    const root = path.join(await tempDir(), 'guide')
    await cp(bundledStarterPlaybook, root, { recursive: true })
    return { root, workspace: await Workspace.open(root) }
  }

  it('« Nouveau cas pratique » writes the template with its comments, the country and the five sections', async () => {
    const { root, workspace } = await starterCopy()
    const created = await workspace.createPage('cas_pratiques', "Côte d'Ivoire – budget", {
      pays: "Côte d'Ivoire",
    })
    expect(created).toBe('_cas_pratiques/cote-d-ivoire-budget.md')
    const text = await readFile(path.join(root, created), 'utf8')
    expect(text).toMatch(
      /^---\n# Réglages de la page\ntitle: Côte d'Ivoire – budget # Titre affiché/,
    )
    expect(text).toContain("pays: Côte d'Ivoire # Pays concerné\n")
    expect(text.match(/^## .+$/gm)).toEqual([
      '## Contexte',
      '## Étapes de mise en place',
      '## Principaux messages clés',
      '## Bonnes pratiques et écueils à éviter',
      '## Contact',
    ])
    const { pages } = await workspace.pages()
    expect(pages.find((entry) => entry.path === created)).toMatchObject({
      title: "Côte d'Ivoire – budget",
      error: null,
    })
  })

  it('quotes a title YAML would misread, and dates an article in its name and its settings', async () => {
    const { root, workspace } = await starterCopy()
    const theme = await workspace.createPage('themes', 'Thème 6 : les communs')
    expect(await readFile(path.join(root, theme), 'utf8')).toContain(
      'title: "Thème 6 : les communs" #',
    )
    const article = await workspace.createPage('posts', 'Un atelier à Lomé')
    const today = new Date().toISOString().slice(0, 10)
    expect(article).toBe(`_posts/${today}-un-atelier-a-lome.md`)
    expect(await readFile(path.join(root, article), 'utf8')).toContain(
      `date: ${today} # Date de publication`,
    )
  })
})

describe('images', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

  it('copies an image into the media folder under a safe, unique name and gives its site URL', async () => {
    const { root, workspace } = await open()
    expect(await workspace.addMedia('Carte du Bénin (2018).PNG', png)).toEqual({
      path: 'uploads/carte-du-benin-2018.png',
      url: '/uploads/carte-du-benin-2018.png',
    })
    expect((await workspace.addMedia('Carte du Bénin (2018).PNG', png)).path).toBe(
      'uploads/carte-du-benin-2018-2.png',
    )
    expect(
      new Uint8Array(await readFile(path.join(root, 'uploads/carte-du-benin-2018.png'))),
    ).toEqual(png)
    const shown = await workspace.readMedia('uploads/carte-du-benin-2018.png')
    expect(shown.type).toBe('image/png')
  })

  it('refuses what is not an image, and anything outside the folder', async () => {
    const { workspace } = await open()
    await expect(workspace.addMedia('script.js', png)).rejects.toMatchObject({
      code: 'invalid-input',
    })
    await expect(workspace.readMedia('../../etc/passwd.png')).rejects.toMatchObject({
      code: 'outside-workspace',
    })
    await expect(workspace.readMedia('_config.yml')).rejects.toMatchObject({ code: 'not-found' })
  })
})
