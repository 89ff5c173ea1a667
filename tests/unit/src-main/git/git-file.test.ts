import { mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AtelierError } from '../../../../src-shared/api/atelier-error.js'
import { translate } from '../../../../src-shared/i18n/translate.js'
import { runCli } from '../../../../src-main/cli.js'
import { Repository } from '../../../../src-main/git/repository.js'
import { Workspace } from '../../../../src-main/workspace/workspace.js'
import { git, gitStatusCode, nativeRepository } from '../../../helpers/native-git.js'
import { tempDir } from '../../../helpers/temp-dir.js'

/**
 * Every way git leaves a `.git` *file* in a folder instead of a `.git` folder:
 * a linked worktree, a repository made with `--separate-git-dir` (as submodules
 * are), and a stray file. Atelier reads `.git/` directly, so it must refuse
 * these folders' versions in French — never a raw ENOTDIR — and write nothing.
 */
async function gitFileFolders(): Promise<Array<{ shape: string; dir: string }>> {
  const main = await nativeRepository({ 'index.md': '# Accueil\n' })
  const base = await tempDir('atelier-gitfile-')
  const linked = path.join(base, 'linked')
  git(main, 'worktree', 'add', '-q', linked)

  const separate = path.join(base, 'separate')
  await mkdir(separate)
  git(separate, 'init', '-q', '-b', 'main', `--separate-git-dir=${path.join(base, 'separate.git')}`)
  await writeFile(path.join(separate, 'index.md'), '# Accueil\n')
  git(separate, 'add', '-A')
  git(separate, 'commit', '-q', '-m', 'Première version')

  const stray = path.join(base, 'stray')
  await mkdir(stray)
  await writeFile(path.join(stray, '.git'), 'pas un dépôt\n')
  await writeFile(path.join(stray, 'index.md'), '# Accueil\n')
  return [
    { shape: 'linked worktree', dir: linked },
    { shape: '--separate-git-dir', dir: separate },
    { shape: 'stray .git file', dir: stray },
  ]
}

describe('a folder whose .git is a file', () => {
  it('is refused in French by the repository, the CLI and the workspace, and nothing is written', async () => {
    const message = translate('fr', 'errors.git-file', { detail: '' })
    for (const { shape, dir } of await gitFileFolders()) {
      const before = await readdir(dir)

      const error = await Repository.find(dir).then(
        () => null,
        (e: unknown) => e,
      )
      expect(error, shape).toBeInstanceOf(AtelierError)
      expect((error as AtelierError).code, shape).toBe('git-file')

      const out: string[] = []
      const err: string[] = []
      const code = await runCli(
        ['status', dir],
        (t) => out.push(t),
        (t) => err.push(t),
      )
      expect(code, shape).toBe(1)
      expect(err.join(''), shape).toContain(message.trim())
      expect(err.join(''), shape).not.toMatch(/ENOTDIR|not a directory/)

      // The pages still open for writing; versions are refused with the same reason,
      // and starting a history would not write a second repository over the link.
      const workspace = await Workspace.open(dir)
      expect((await workspace.info()).branch, shape).toBeNull()
      expect(() => workspace.requireRepository(), shape).toThrow(/git-file/)
      await expect(
        workspace.startHistory({ name: 'A', email: 'a@example.org' }, 'Début'),
        shape,
      ).rejects.toThrow(/git-file/)
      expect(await readdir(dir), shape).toEqual(before)
      if (shape !== 'stray .git file') expect(gitStatusCode(dir, 'status'), shape).toBe(0)
    }
  })
})
