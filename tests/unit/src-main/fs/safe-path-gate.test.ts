import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  isGitFolderName,
  resolveExistingFileSync,
  resolveInside,
} from '../../../../src-main/fs/safe-path.js'
import { tempDir } from '../../../helpers/temp-dir.js'

/**
 * base/guide: the workspace, a git folder, links that stay and links that leave;
 * base/dehors: what must never be reached.
 */
async function fixture() {
  const base = await tempDir('atelier-gate-')
  const root = path.join(base, 'guide')
  const outside = path.join(base, 'dehors')
  await mkdir(path.join(root, '.git', 'hooks'), { recursive: true })
  await mkdir(path.join(root, 'pages'), { recursive: true })
  await mkdir(outside)
  await writeFile(path.join(outside, 'secret.md'), 'secret')
  await writeFile(path.join(root, '.git', 'config'), '[core]\n')
  await writeFile(path.join(root, 'pages', 'a.md'), 'a')
  await symlink(outside, path.join(root, 'lien-dehors'))
  await symlink(path.join(outside, 'secret.md'), path.join(root, 'fichier-dehors.md'))
  await symlink(path.join(outside, 'nouveau.md'), path.join(root, 'lien-casse.md'))
  await symlink(path.join(root, 'pages'), path.join(root, 'lien-dedans'))
  await symlink(path.join(root, '.git'), path.join(root, 'notes'))
  return { base, root, outside }
}

async function listAll(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map((file) => String(file)).sort()
}

describe('the gate', () => {
  it.each([
    ['lien-casse.md', 'outside-workspace'],
    ['fichier-dehors.md', 'outside-workspace'],
    ['lien-dehors', 'outside-workspace'],
    ['notes/config', 'git-folder'],
    ['notes', 'git-folder'],
    ['.git', 'git-folder'],
    ['.Git/config', 'git-folder'],
    ['.git. /config', 'git-folder'],
    ['.git::$INDEX_ALLOCATION/config', 'git-folder'],
    ['GIT~1/config', 'git-folder'],
    ['pages/../.git/hooks/pre-commit', 'git-folder'],
    ['pages\\..\\..\\dehors\\secret.md', 'outside-workspace'],
    ['C:secret.md', 'outside-workspace'],
  ])('refuses %j with %s', async (candidate, code) => {
    const { root } = await fixture()
    await expect(resolveInside(root, candidate)).rejects.toMatchObject({ code })
  })

  it('keeps names that only look like git’s folder', async () => {
    const { root } = await fixture()
    for (const name of ['.github/workflows/a.yml', '.gitignore', 'pages/git.md', '.gitx/a']) {
      await expect(resolveInside(root, name)).resolves.toBe(path.join(root, name))
    }
    expect(
      ['.git', '.GIT', '.git.', '.git ', '.git::$DATA', 'git~1', '.g\u200cit', '.\u202egit'].every(
        isGitFolderName,
      ),
    ).toBe(true)
  })

  it('refuses the gitdir of the repository holding a nested workspace, whatever its name', async () => {
    const { root } = await fixture()
    await mkdir(path.join(root, 'historique'))
    await symlink(path.join(root, 'historique'), path.join(root, 'pages', 'h'))
    const forbidden = [path.join(root, 'historique')]
    await expect(resolveInside(root, 'pages/h/HEAD', { forbidden })).rejects.toMatchObject({
      code: 'git-folder',
    })
    await expect(resolveInside(root, 'pages/a.md', { forbidden })).resolves.toBe(
      path.join(root, 'pages', 'a.md'),
    )
  })

  it('answers the same synchronously for an existing file', async () => {
    const { root } = await fixture()
    expect(resolveExistingFileSync(root, 'lien-dedans/a.md')).toBe(
      path.join(root, 'lien-dedans', 'a.md'),
    )
    for (const candidate of ['fichier-dehors.md', 'notes/config', 'pages', 'absent.md']) {
      expect(() => resolveExistingFileSync(root, candidate), candidate).toThrow()
    }
  })

  it('accepts only paths where a write lands inside the workspace and outside .git', async () => {
    const { base, root, outside } = await fixture()
    const outsideBefore = await listAll(outside)
    const gitBefore = await listAll(path.join(root, '.git'))
    const segment = fc.constantFrom(
      '..',
      '.',
      'pages',
      'nouveau',
      'lien-dehors',
      'lien-dedans',
      'lien-casse.md',
      'fichier-dehors.md',
      'notes',
      '.git',
      '.GIT.',
      'x.md',
      'dehors',
      '',
    )
    const candidate = fc
      .tuple(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.constantFrom('/', '\\'))
      .map(([parts, separator]) => parts.join(separator))
    let written = 0
    await fc.assert(
      fc.asyncProperty(candidate, async (relative) => {
        let target: string
        try {
          target = await resolveInside(root, relative)
        } catch {
          return
        }
        // An accepted path is used as it would be: folders made, then a file written.
        try {
          await mkdir(path.dirname(target), { recursive: true })
          await writeFile(target, 'écrit')
          written++
        } catch {
          // A folder where a file was asked (EISDIR, ENOTDIR) writes nothing.
        }
        expect(await listAll(outside), relative).toEqual(outsideBefore)
        expect(await listAll(path.join(root, '.git')), relative).toEqual(gitBefore)
        expect(path.relative(base, target).startsWith('guide'), relative).toBe(true)
      }),
      { numRuns: 300 },
    )
    expect(written).toBeGreaterThan(0)
  })
})
