import { chmod, mkdir, rename, rm, symlink, writeFile, utimes } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatPorcelain } from '../../../../src-main/git/porcelain.js'
import { Repository } from '../../../../src-main/git/repository.js'
import { git, nativePorcelain, nativeRepository, writeFiles } from '../../../helpers/native-git.js'

async function ourPorcelain(dir: string, ignored = false): Promise<string> {
  const repository = await Repository.find(dir)
  if (!repository) throw new Error('no repository')
  return formatPorcelain(await repository.statusEntries({ ignored }))
}

/** Our status and native git's, byte for byte. */
async function expectSameAsGit(dir: string): Promise<string> {
  const ours = await ourPorcelain(dir)
  expect(ours).toBe(nativePorcelain(dir))
  return ours
}

const NFC = 'Côte d’Ivoire.md'.normalize('NFC')
const NFD = 'Bénin.md'.normalize('NFD')

describe('status agrees with native git', () => {
  it('reports added, modified, deleted, untracked and staged files in nested folders', async () => {
    const dir = await nativeRepository({
      'index.md': '# Accueil\n',
      '_themes/budget.md': '---\ntitle: Budget\n---\n',
      '_themes/sous/dossier/page.md': 'profond\n',
      'gone.md': 'bientôt supprimé\n',
    })
    await writeFiles(dir, {
      'index.md': '# Accueil modifié\n',
      'nouveau/dossier/cas.md': 'nouveau\n',
      '_themes/sous/dossier/autre.md': 'autre\n',
    })
    await rm(path.join(dir, 'gone.md'))
    await writeFiles(dir, { 'staged.md': 'ajouté\n' })
    git(dir, 'add', 'staged.md')
    await writeFiles(dir, { 'staged.md': 'ajouté puis modifié\n' })
    const ours = await expectSameAsGit(dir)
    expect(ours).toContain(' M index.md')
    expect(ours).toContain('AM staged.md')
    expect(ours).toContain('?? nouveau/dossier/cas.md')
  })

  it('quotes names with accents (NFC and NFD), quotes, tabs and spaces like core.quotePath', async () => {
    const dir = await nativeRepository({ [NFC]: 'a\n' })
    await writeFiles(dir, {
      [NFC]: 'changé\n',
      [NFD]: 'b\n',
      'avec espace.md': 'c\n',
      'guil"lemet.md': 'd\n',
      'tab\there.md': 'e\n',
      'dossier é/fichier.md': 'f\n',
    })
    const ours = await expectSameAsGit(dir)
    expect(ours).toContain('"C\\303\\264te d\\342\\200\\231Ivoire.md"')
    expect(ours).toContain('"Be\\314\\201nin.md"')
  })

  it('compares CRLF files byte for byte and sees line-ending-only changes', async () => {
    const dir = await nativeRepository({ 'crlf.md': 'ligne 1\r\nligne 2\r\n', 'lf.md': 'a\nb\n' })
    await writeFiles(dir, { 'lf.md': 'a\r\nb\r\n' })
    const ours = await expectSameAsGit(dir)
    expect(ours).toBe(' M lf.md\n')
  })

  it('respects .gitignore, nested .gitignore files, negations and info/exclude', async () => {
    const dir = await nativeRepository({
      '.gitignore': '_site/\n*.log\n!garder.log\n',
      'docs/.gitignore': 'brouillon-*\n',
      'suivi/page.md': 'suivi\n',
    })
    await writeFiles(dir, {
      '.git/info/exclude': 'local.txt\n',
      '_site/index.html': '<p>construit</p>\n',
      'erreur.log': 'x\n',
      'garder.log': 'y\n',
      'docs/brouillon-1.md': 'z\n',
      'docs/final.md': 'w\n',
      'local.txt': 'v\n',
      '.jekyll-cache/x': 'cache\n',
    })
    const ours = await expectSameAsGit(dir)
    expect(ours).toBe('?? .jekyll-cache/x\n?? docs/final.md\n?? garder.log\n')
    expect(await ourPorcelain(dir, true)).toBe(nativePorcelain(dir, '--ignored'))
  })

  it('still reports a tracked file inside an ignored folder', async () => {
    const dir = await nativeRepository({ 'build/keep.md': 'suivi\n' })
    await writeFiles(dir, {
      '.gitignore': 'build/\n',
      'build/keep.md': 'modifié\n',
      'build/new.md': 'x\n',
    })
    await expectSameAsGit(dir)
  })

  it('sees renames staged by git, executable bits and symbolic links', async () => {
    const dir = await nativeRepository({
      'ancien.md': 'texte qui sera déplacé\n',
      'script.sh': 'echo\n',
    })
    git(dir, 'mv', 'ancien.md', 'nouveau.md')
    await chmod(path.join(dir, 'script.sh'), 0o755)
    await symlink('nouveau.md', path.join(dir, 'lien.md'))
    const ours = await expectSameAsGit(dir)
    expect(ours).toContain('R  ancien.md -> nouveau.md')
  })

  it('lists a nested repository as one folder', async () => {
    const dir = await nativeRepository({ 'a.md': 'a\n' })
    await mkdir(path.join(dir, 'theme'))
    git(path.join(dir, 'theme'), 'init', '-q')
    await writeFiles(dir, { 'theme/x.md': 'x\n' })
    await expectSameAsGit(dir)
  })

  it('reports each kind of merge conflict with git’s two letters', async () => {
    const dir = await nativeRepository({
      'both.md': 'base\n',
      'deleted-by-them.md': 'x\n',
      'deleted-by-us.md': 'y\n',
    })
    git(dir, 'checkout', '-q', '-b', 'autre')
    await writeFiles(dir, { 'both.md': 'eux\n', 'added.md': 'eux\n', 'deleted-by-us.md': 'eux\n' })
    await rm(path.join(dir, 'deleted-by-them.md'))
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', 'eux')
    git(dir, 'checkout', '-q', 'main')
    await writeFiles(dir, {
      'both.md': 'nous\n',
      'added.md': 'nous\n',
      'deleted-by-them.md': 'nous\n',
    })
    await rm(path.join(dir, 'deleted-by-us.md'))
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', 'nous')
    expect(() => git(dir, 'merge', 'autre')).toThrow()
    const ours = await expectSameAsGit(dir)
    expect(ours).toContain('UU both.md')
    expect(ours).toContain('AA added.md')
    expect(ours).toContain('UD deleted-by-them.md')
    expect(ours).toContain('DU deleted-by-us.md')
  })

  it('works before the first version and from a folder nested in the repository', async () => {
    const dir = await nativeRepository()
    await writeFiles(dir, { 'guide/a.md': 'a\n', 'b.md': 'b\n' })
    git(dir, 'add', 'b.md')
    const repository = await Repository.find(path.join(dir, 'guide'))
    expect(repository?.root).toBe(dir)
    await expectSameAsGit(dir)
  })

  it('leaves Git LFS pointer files as they are', async () => {
    const pointer =
      'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n'
    const dir = await nativeRepository({
      '.gitattributes': '*.pdf filter=lfs diff=lfs merge=lfs -text\n',
      'rapport.pdf': pointer,
    })
    expect(await expectSameAsGit(dir)).toBe('')
  })
})

describe('incremental status', () => {
  it('hashes nothing on a fresh repository and only the file that changed afterwards', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 50; i++) files[`_cas/page-${i}.md`] = `page ${i}\n`
    const dir = await nativeRepository(files)
    // Files older than the index, as after a checkout some time ago.
    const past = new Date(Date.now() - 60_000)
    for (const file of Object.keys(files)) await utimes(path.join(dir, file), past, past)
    git(dir, 'update-index', '--refresh')
    const repository = (await Repository.find(dir))!
    expect(await repository.statusEntries()).toEqual([])
    expect(repository.tracker.hashed).toBe(0)

    await writeFile(path.join(dir, '_cas/page-7.md'), 'page 7 modifiée\n')
    repository.noteChanged(['_cas/page-7.md'])
    expect(formatPorcelain(await repository.statusEntries())).toBe(' M _cas/page-7.md\n')
    expect(repository.tracker.hashed).toBe(1)
    expect(formatPorcelain(await repository.statusEntries())).toBe(nativePorcelain(dir))
  })

  it('follows new folders, deletions and renames reported by the watcher', async () => {
    const dir = await nativeRepository({ 'a/b.md': 'b\n', 'c.md': 'c\n' })
    const repository = (await Repository.find(dir))!
    await repository.statusEntries()
    await writeFiles(dir, { 'neuf/sous/d.md': 'd\n' })
    await rm(path.join(dir, 'a'), { recursive: true })
    await rename(path.join(dir, 'c.md'), path.join(dir, 'e.md'))
    repository.noteChanged(['neuf', 'a', 'c.md', 'e.md'])
    expect(formatPorcelain(await repository.statusEntries())).toBe(nativePorcelain(dir))
  })

  it('notices a version recorded by native git without any file event', async () => {
    const dir = await nativeRepository({ 'a.md': 'a\n' })
    const repository = (await Repository.find(dir))!
    await writeFiles(dir, { 'a.md': 'a modifié\n' })
    expect(formatPorcelain(await repository.statusEntries())).toBe(' M a.md\n')
    git(dir, 'commit', '-q', '-am', 'par git')
    expect(await repository.statusEntries()).toEqual([])
  })

  it('starts again when a .gitignore changes', async () => {
    const dir = await nativeRepository({ 'a.md': 'a\n' })
    const repository = (await Repository.find(dir))!
    await writeFiles(dir, { 'tmp.log': 'x\n' })
    await repository.statusEntries()
    await writeFiles(dir, { '.gitignore': '*.log\n' })
    repository.noteChanged(['.gitignore'])
    expect(formatPorcelain(await repository.statusEntries())).toBe(nativePorcelain(dir))
  })
})
