import { chmod, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import git_ from 'isomorphic-git'
import { describe, expect, it, vi } from 'vitest'
import { Repository } from '../../../../src-main/git/repository.js'
import { git, gitStatusCode, nativeRepository } from '../../../helpers/native-git.js'
import { tempDir } from '../../../helpers/temp-dir.js'

/**
 * A merge without conflicts (a fast-forward after « Recevoir les nouveautés »,
 * a merge after an approval) moves the work tree and the index by the files
 * that differ only (`git/move-work-tree.ts`). Native git is the judge of the
 * result on generated changes: files changed, added, removed, made executable,
 * a file turned into a folder and back, untracked files around; the other
 * line moved too or not.
 */
const NAMES = ['a.md', 'b.md', 'dir/c.md', 'dir/sub/d.md', 'e/f.md', 'x', 'x/y.md', 'dir/sub']
const AUTHOR = { name: 'Awa', email: 'awa@example.org' }

type Change =
  | { kind: 'write'; name: string; text: string }
  | { kind: 'remove'; name: string }
  | { kind: 'chmod'; name: string }

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({
    kind: fc.constant('write' as const),
    name: fc.constantFrom(...NAMES),
    text: fc.constantFrom('un\n', 'deux\n', 'trois\nlignes\n', ''),
  }),
  fc.record({ kind: fc.constant('remove' as const), name: fc.constantFrom(...NAMES) }),
  fc.record({ kind: fc.constant('chmod' as const), name: fc.constantFrom(...NAMES) }),
)

/** Applies a change as a person would: a file where a folder was replaces the folder. */
async function apply(dir: string, step: Change): Promise<void> {
  const file = path.join(dir, step.name)
  // Nothing to remove (a folder that is a file) is nothing done.
  if (step.kind === 'remove')
    return rm(file, { recursive: true, force: true }).catch(() => undefined)
  if (step.kind === 'chmod') return chmod(file, 0o755).catch(() => undefined)
  // Whatever is in the way (a file where a folder goes, a folder where the file goes) goes.
  for (let parent = path.dirname(step.name); parent !== '.'; parent = path.dirname(parent)) {
    await rm(path.join(dir, parent), { force: true }).catch(() => undefined)
  }
  await rm(file, { recursive: true, force: true })
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, step.text)
}

async function commitAll(dir: string, message: string): Promise<void> {
  git(dir, 'add', '-A')
  git(
    dir,
    '-c',
    'user.name=T',
    '-c',
    'user.email=t@example.org',
    'commit',
    '-q',
    '--allow-empty',
    '-m',
    message,
  )
}

describe('a merge moves only the files that differ', () => {
  it('leaves what native git would: clean status, work tree = the merged version, fsck passes', async () => {
    // Never the full checkout here (it left a folder where a page replaced it): no case needs it.
    const checkout = vi.spyOn(git_, 'checkout')
    await fc.assert(
      fc.asyncProperty(
        fc.array(change, { minLength: 1, maxLength: 8 }),
        fc.array(change, { maxLength: 3 }),
        fc.boolean(),
        async (theirs, ours, untracked) => {
          const dir = await nativeRepository({
            'a.md': 'a\n',
            'b.md': 'b\n',
            'dir/c.md': 'c\n',
            'dir/sub/d.md': 'd\n',
            x: 'x\n',
          })
          git(dir, 'checkout', '-q', '-b', 'autre')
          for (const step of theirs) await apply(dir, step)
          await commitAll(dir, 'Autre')
          git(dir, 'checkout', '-q', 'main')
          // Main moves on files the other line leaves alone (no conflict), or not at all.
          const touched = new Set(theirs.map((step) => step.name.split('/')[0]))
          for (const step of ours)
            if (!touched.has(step.name.split('/')[0]!)) await apply(dir, step)
          await commitAll(dir, 'Main')
          if (untracked) await writeFile(path.join(dir, 'brouillon.txt'), 'pas suivi\n')

          const repository = (await Repository.find(dir))!
          const outcome = await repository.merge('autre', AUTHOR)
          expect(outcome.kind).not.toBe('conflicts')
          expect(git(dir, 'status', '--porcelain', '-uall')).toBe(
            untracked ? '?? brouillon.txt\n' : '',
          )
          // The index is the merged version's tree, and every file its blob.
          expect(git(dir, 'write-tree').trim()).toBe(git(dir, 'rev-parse', 'HEAD^{tree}').trim())
          expect(git(dir, 'diff', '--stat', 'HEAD')).toBe('')
          for (const line of git(dir, 'ls-tree', '-r', 'HEAD').trim().split('\n').filter(Boolean)) {
            const [, , , oid, name] = /^(\d+) (\w+) (\w+)\t(.*)$/.exec(line)!
            expect(await readFile(path.join(dir, name!), 'utf8')).toBe(
              git(dir, 'cat-file', 'blob', oid!),
            )
          }
          expect(gitStatusCode(dir, 'fsck', '--strict', '--no-dangling')).toBe(0)
        },
      ),
      { numRuns: 25 },
    )
    expect(checkout).not.toHaveBeenCalled()
    checkout.mockRestore()
  }, 120_000)
})

describe('a merge never writes outside the guide', () => {
  it('through a link where a folder of the merged version goes', async () => {
    const dir = await nativeRepository({ 'a.md': 'a\n' })
    git(dir, 'checkout', '-q', '-b', 'autre')
    await mkdir(path.join(dir, 'foo'))
    await writeFile(path.join(dir, 'foo', 'x.md'), 'écrit ailleurs ?\n')
    await commitAll(dir, 'Autre')
    git(dir, 'checkout', '-q', 'main')
    await commitAll(dir, 'Main')
    // An untracked link, named as the folder the other line adds, to a folder outside.
    const outside = await tempDir('atelier-outside-')
    await symlink(outside, path.join(dir, 'foo'))

    const repository = (await Repository.find(dir))!
    await repository.merge('autre', AUTHOR).catch(() => null)
    expect(await readdir(outside)).toEqual([])
  })
})
