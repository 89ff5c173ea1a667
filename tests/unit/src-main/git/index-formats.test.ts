import { createHash } from 'node:crypto'
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AtelierError } from '../../../../src-shared/api/atelier-error.js'
import { translate } from '../../../../src-shared/i18n/translate.js'
import { readIndexFile } from '../../../../src-main/git/index-file.js'
import { formatPorcelain } from '../../../../src-main/git/porcelain.js'
import { Repository } from '../../../../src-main/git/repository.js'
import {
  git,
  gitStatusCode,
  nativePorcelain,
  nativeRepository,
  writeFiles,
} from '../../../helpers/native-git.js'

/**
 * Differential test over the index formats native git can write: for each
 * one, the same changes are made, Atelier's status is compared with
 * `git status --porcelain -uall`, a version is recorded by Atelier, and the
 * same version by native git in a copy of the repository. Both must give the
 * same tree, the same index flags and a sound repository.
 */

const AUTHOR = { name: 'Test', email: 't@example.org' }

const BASE = {
  'a.md': 'racine\n',
  'd/b.md': 'b\n',
  'd/sub/c.md': 'c\n',
  'd/au.md': 'suppose inchangé\n',
  'd/sw.md': 'hors du disque\n',
  'd/staged.md': 'avant\n',
  'e/f.md': 'hors du sparse\n',
  'e/g/h.md': 'profond\n',
}

interface Format {
  name: string
  /** Switches the repository to the format (before the changes). */
  setup: (dir: string) => void
  /** What `.git/index` must show to prove the format is really in use. */
  proof?: (dir: string, index: Buffer) => void
}

const FORMATS: Format[] = [
  { name: 'version 2', setup: () => {} },
  {
    name: 'version 4',
    setup: (dir) => git(dir, 'update-index', '--index-version', '4'),
    proof: (_, index) => expect(index.readUInt32BE(4)).toBe(4),
  },
  {
    name: 'split index',
    setup: (dir) => git(dir, 'update-index', '--split-index'),
    proof: (dir, index) => {
      expect(index.includes(Buffer.from('link'))).toBe(true)
      expect(git(dir, 'rev-parse', '--shared-index-path').trim()).not.toBe('')
    },
  },
  {
    name: 'split index, version 4',
    setup: (dir) => {
      git(dir, 'update-index', '--index-version', '4')
      git(dir, 'config', 'core.splitIndex', 'true')
      git(dir, 'update-index', '--split-index')
    },
    proof: (_, index) => expect(index.includes(Buffer.from('link'))).toBe(true),
  },
  {
    name: 'sparse checkout (non-cone)',
    setup: (dir) => git(dir, 'sparse-checkout', 'set', '--no-cone', '/d/'),
  },
  {
    name: 'sparse checkout (cone)',
    setup: (dir) => git(dir, 'sparse-checkout', 'set', '--cone', 'd'),
  },
  {
    name: 'sparse index',
    setup: (dir) => {
      git(dir, 'sparse-checkout', 'init', '--cone', '--sparse-index')
      git(dir, 'sparse-checkout', 'set', 'd')
    },
    proof: (_, index) => expect(index.includes(Buffer.from('sdir'))).toBe(true),
  },
  {
    name: 'untracked cache',
    setup: (dir) => {
      git(dir, 'config', 'core.untrackedCache', 'true')
      git(dir, 'update-index', '--untracked-cache')
      git(dir, 'status')
    },
    proof: (_, index) => expect(index.includes(Buffer.from('UNTR'))).toBe(true),
  },
  {
    name: 'end-of-index and offset table',
    setup: (dir) => {
      git(dir, 'config', 'index.recordEndOfIndexEntries', 'true')
      git(dir, 'config', 'index.recordOffsetTable', 'true')
      git(dir, 'config', 'index.threads', '2')
      git(dir, 'update-index', '--really-refresh')
    },
    proof: (_, index) => expect(index.includes(Buffer.from('EOIE'))).toBe(true),
  },
]

/**
 * Inside `d/` (kept by every sparse set): a modified, a new, a deleted and a
 * staged file, a file added with `git add -N`, one assumed unchanged (then
 * modified) and one marked skip-worktree (then removed from disk). Outside
 * it, `e/f.md` modified on disk.
 */
async function makeChanges(dir: string): Promise<void> {
  await writeFiles(dir, {
    'd/b.md': 'b modifié\n',
    'd/nouveau.md': 'nouveau\n',
    'd/prévu.md': 'prévu\n',
    'd/staged.md': 'après\n',
    // Outside the sparse set, but put on disk anyway: git compares it again.
    'e/f.md': 'revenu sur le disque\n',
  })
  await rm(path.join(dir, 'd/sub/c.md'))
  git(dir, 'add', 'd/staged.md')
  git(dir, 'add', '-N', 'd/prévu.md')
  git(dir, 'update-index', '--assume-unchanged', 'd/au.md')
  await writeFiles(dir, { 'd/au.md': 'changé sans que git le voie\n' })
  git(dir, 'update-index', '--skip-worktree', 'd/sw.md')
  await rm(path.join(dir, 'd/sw.md'))
}

async function ourPorcelain(dir: string): Promise<string> {
  const repository = await Repository.find(dir)
  return formatPorcelain(await repository!.statusEntries())
}

describe('every index format native git writes is read and kept as git does', () => {
  for (const format of FORMATS) {
    it(`${format.name}: same status, same version, same flags, sound repository`, async () => {
      const dir = await nativeRepository(BASE)
      format.setup(dir)
      await makeChanges(dir)
      format.proof?.(dir, await readFile(path.join(dir, '.git', 'index')))
      const twin = `${dir}-natif`
      await cp(dir, twin, { recursive: true })

      // Status before git touches the index again, then against git's own.
      const before = await ourPorcelain(dir)
      expect(before).toBe(nativePorcelain(dir))
      expect(before).toContain(' A "d/pr')
      expect(before).not.toContain('d/sw.md')
      expect(before).not.toContain('e/g/')

      const repository = await Repository.find(dir)
      await repository!.commit({ message: 'Par Atelier', author: AUTHOR })
      // `--sparse`: stage the file outside the sparse set too, as Atelier
      // records every change its status shows (plain `git add -A` skips it).
      git(twin, 'add', '-A', '--sparse')
      git(twin, 'commit', '-q', '-m', 'Par git')

      expect(gitStatusCode(dir, 'fsck', '--strict', '--no-dangling')).toBe(0)
      const tree = git(dir, 'ls-tree', '-r', 'HEAD')
      expect(tree).toBe(git(twin, 'ls-tree', '-r', 'HEAD'))
      for (const file of ['a.md', 'd/sw.md', 'd/au.md', 'e/f.md', 'e/g/h.md', 'd/nouveau.md']) {
        expect(tree).toContain(`\t${file}\n`)
      }
      expect(tree).not.toContain('d/sub/c.md')
      // Flags survive: S (skip-worktree), h (assume-unchanged), as native git leaves them.
      expect(git(dir, 'ls-files', '-v')).toBe(git(twin, 'ls-files', '-v'))
      expect(nativePorcelain(dir)).toBe(nativePorcelain(twin))
      expect(await ourPorcelain(dir)).toBe(nativePorcelain(dir))
      // A second version on top keeps the repository sound (no `.git` or empty name in a tree).
      await writeFiles(dir, { 'd/b.md': 'encore\n' })
      await (await Repository.find(dir))!.commit({ message: 'Encore', author: AUTHOR })
      expect(gitStatusCode(dir, 'fsck', '--strict', '--no-dangling')).toBe(0)
      expect(git(dir, 'ls-tree', '-r', '--name-only', 'HEAD')).toBe(
        git(twin, 'ls-tree', '-r', '--name-only', 'HEAD'),
      )
      expect(nativePorcelain(dir)).toBe('')
    }, 30_000)
  }

  it('split index with hundreds of entries: runs of deleted and replaced entries read as git lists them', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 400; i++) files[`p/page-${String(i).padStart(3, '0')}.md`] = `page ${i}\n`
    const dir = await nativeRepository(files)
    // Keep every change in `.git/index` (git would otherwise fold them into a new shared index).
    git(dir, 'config', 'splitIndex.maxPercentChange', '100')
    git(dir, 'update-index', '--split-index')
    for (let i = 100; i < 300; i++)
      await rm(path.join(dir, `p/page-${String(i).padStart(3, '0')}.md`))
    const edits: Record<string, string> = { 'p/zz-nouvelle.md': 'nouvelle\n' }
    for (let i = 0; i < 400; i += 7) {
      if (i < 100 || i >= 300) edits[`p/page-${String(i).padStart(3, '0')}.md`] = `revue ${i}\n`
    }
    await writeFiles(dir, edits)
    git(dir, 'add', '-A')
    await writeFiles(dir, { 'p/page-001.md': 'après le staging\n' })

    const ours = readIndexFile(path.join(dir, '.git'))
    const listed = ours.entries
      .map((e) => `${e.mode.toString(8)} ${e.oid} ${e.stage}\t${e.path}\0`)
      .join('')
    expect(listed).toBe(git(dir, 'ls-files', '-s', '-z'))
    expect(await ourPorcelain(dir)).toBe(nativePorcelain(dir))
    await (await Repository.find(dir))!.commit({ message: 'Par Atelier', author: AUTHOR })
    expect(gitStatusCode(dir, 'fsck', '--strict', '--no-dangling')).toBe(0)
    expect(nativePorcelain(dir)).toBe('')
    expect(git(dir, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n').length - 1).toBe(201)
  }, 30_000)

  it('refuses, changing nothing, to switch or merge contributions in a sparse checkout', async () => {
    const dir = await nativeRepository(BASE)
    git(dir, 'sparse-checkout', 'set', '--no-cone', '/d/')
    git(dir, 'branch', 'autre')
    const index = path.join(dir, '.git', 'index')
    const state = async () => ({
      refs: git(dir, 'for-each-ref'),
      head: git(dir, 'symbolic-ref', 'HEAD'),
      files: (await readdir(dir, { recursive: true })).filter((f) => !f.startsWith('.git')).sort(),
      index: (await readFile(index)).toString('hex'),
    })
    const before = await state()
    const repository = (await Repository.find(dir))!
    const attempts = [
      () => repository.switchContribution('autre'),
      () => repository.createContribution('essai', { switchTo: true }),
      () => repository.merge('autre', AUTHOR),
    ]
    for (const attempt of attempts) {
      const error = await attempt().then(
        () => null,
        (caught: unknown) => caught,
      )
      expect(error).toBeInstanceOf(AtelierError)
      expect((error as AtelierError).code).toBe('unsupported-index')
    }
    expect(await state()).toEqual(before)
    expect(gitStatusCode(dir, 'fsck', '--strict', '--no-dangling')).toBe(0)
  }, 30_000)

  it('refuses, in French and changing nothing, an index extension git requires and Atelier does not know', async () => {
    const dir = await nativeRepository(BASE)
    await writeFiles(dir, { 'd/b.md': 'modifié\n' })
    const file = path.join(dir, '.git', 'index')
    const original = await readFile(file)
    const body = original.subarray(0, original.length - 20)
    const extension = Buffer.concat([Buffer.from('zzzz'), Buffer.from([0, 0, 0, 0])])
    const withExtension = Buffer.concat([body, extension])
    const index = Buffer.concat([withExtension, createHash('sha1').update(withExtension).digest()])
    await writeFile(file, index)
    const head = git(dir, 'rev-parse', 'HEAD')

    const repository = await Repository.find(dir)
    let error: unknown
    try {
      await repository!.commit({ message: 'Refusée', author: AUTHOR })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(AtelierError)
    const code = (error as AtelierError).code
    expect(code).toBe('unsupported-index')
    expect(translate('fr', `errors.${code}`, { detail: file })).toContain('rien n’a été modifié')
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head)
    expect((await readFile(file)).equals(index)).toBe(true)
  }, 30_000)
})
