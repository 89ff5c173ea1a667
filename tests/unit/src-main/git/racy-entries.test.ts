import { mkdir, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatPorcelain } from '../../../../src-main/git/porcelain.js'
import { Repository } from '../../../../src-main/git/repository.js'
import { git, nativePorcelain, nativeRepository } from '../../../helpers/native-git.js'

const AUTHOR = { name: 'Test', email: 't@example.org' }

/**
 * Racy git: a file changed in the same second as the index was written, with
 * the same size, looks unchanged by its stat. Git knows such entries by their
 * time (not older than the index) and compares their content; when it writes
 * the index again it "smudges" them so that the next reader still does. An
 * index rewritten later without that hides the change from git for good.
 */
describe('racily clean entries', () => {
  it('stay visible as changes to native git and to Atelier after Atelier writes the index', async () => {
    const repo = await nativeRepository({ 'a.md': 'a\n' })
    // ctime cannot be set from a test; without it git judges by size and mtime alone.
    git(repo, 'config', 'core.trustctime', 'false')
    const script = path.join(repo, 'outils', 'x.sh')
    await mkdir(path.dirname(script))
    // Everything happens in one past second: the file added, the index written, the file changed.
    const second = new Date(Math.floor(Date.now() / 1000 - 100) * 1000)
    await writeFile(script, 'x\n')
    await utimes(script, second, second)
    git(repo, 'add', 'outils/x.sh')
    git(repo, 'commit', '-q', '-m', 'Outil')
    await writeFile(script, 'y\n')
    await utimes(script, second, second)
    await utimes(path.join(repo, '.git', 'index'), second, second)
    await writeFile(path.join(repo, 'a.md'), 'a modifié\n')
    // Looking must not write: a plain `git status` would smudge the entry itself.
    expect(git(repo, '--no-optional-locks', 'status', '--porcelain', '-uall')).toBe(
      ' M a.md\n M outils/x.sh\n',
    )

    const repository = await Repository.find(repo)
    if (!repository) throw new Error('no repository')
    await repository.commit({ message: 'Page a', author: AUTHOR, paths: ['a.md'] })

    expect(formatPorcelain(await repository.statusEntries())).toBe(' M outils/x.sh\n')
    expect(nativePorcelain(repo)).toBe(' M outils/x.sh\n')
    git(repo, 'fsck', '--strict')
  })
})
