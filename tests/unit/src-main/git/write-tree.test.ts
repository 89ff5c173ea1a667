import { execFileSync } from 'node:child_process'
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AtelierError } from '../../../../src-shared/api/atelier-error.js'
import { formatPorcelain } from '../../../../src-main/git/porcelain.js'
import { Repository } from '../../../../src-main/git/repository.js'
import {
  git,
  gitStatusCode,
  nativePorcelain,
  nativeRepository,
} from '../../../helpers/native-git.js'

const AUTHOR = { name: 'Aminata Diallo', email: 'aminata@example.org' }

/**
 * Names chosen to meet git's sorting rules: a file and a folder of the same
 * stem (`a`, `a.md`, `a-b`, `a/`), accents (UTF-8 byte order), digits.
 */
const NAMES = ['a', 'a.md', 'a-b', 'b.md', 'é.md', 'Z.md', '0.md']
const FOLDERS = ['', 'a/', 'a/b/', 'a/b/c/', 'docs/', 'docs/é/', 'a-b/']

type Edit =
  | { kind: 'write'; file: string; text: string }
  | { kind: 'delete'; file: string }
  | { kind: 'chmod'; file: string }
  | { kind: 'drop-folder'; folder: string }

const file = fc
  .tuple(fc.constantFrom(...FOLDERS), fc.constantFrom(...NAMES))
  .map(([folder, name]) => `${folder}${name}`)
const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('write' as const), file, text: fc.string() }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), file }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('chmod' as const), file }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('drop-folder' as const),
      folder: fc.constantFrom(...FOLDERS.filter(Boolean)),
    }),
  },
)

/** Applies an edit to the work tree; one a file/folder clash makes impossible is skipped. */
async function apply(dir: string, change: Edit): Promise<void> {
  try {
    if (change.kind === 'write') {
      await mkdir(path.dirname(path.join(dir, change.file)), { recursive: true })
      await writeFile(path.join(dir, change.file), change.text)
    } else if (change.kind === 'delete') {
      await rm(path.join(dir, change.file), { force: true })
    } else if (change.kind === 'chmod') {
      await chmod(path.join(dir, change.file), 0o755)
    } else {
      await rm(path.join(dir, change.folder), { recursive: true, force: true })
    }
  } catch {
    // `a` is a folder and a file is written there, or the file to chmod is absent.
  }
}

/** The tree native git records for the work tree as it is (a scratch index of its own). */
function nativeTree(dir: string): string {
  const env = { ...process.env, GIT_INDEX_FILE: path.join(dir, '.git', 'scratch-index') }
  const run = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' }).trim()
  run('add', '-A')
  const tree = run('write-tree')
  execFileSync('rm', ['-f', env.GIT_INDEX_FILE])
  return tree
}

describe('the trees of a version are the ones native git writes', () => {
  it('after random edits in nested folders, version after version', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(edit, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
        async (rounds) => {
          const dir = await nativeRepository({
            'a/b/c/a.md': 'un\n',
            'a/b.md': 'deux\n',
            'docs/é/0.md': 'trois\n',
            'a.md': 'quatre\n',
            'a-b/Z.md': 'cinq\n',
          })
          const repository = (await Repository.find(dir))!
          await repository.statusEntries()
          for (const changes of rounds) {
            for (const change of changes) await apply(dir, change)
            // The watcher's events are not needed: a version looks at the whole work tree.
            try {
              await repository.commit({ message: 'Des changements', author: AUTHOR })
            } catch (error) {
              if (!(error instanceof AtelierError && error.code === 'nothing-to-commit'))
                throw error
            }
            const head = git(dir, 'rev-parse', 'HEAD^{tree}').trim()
            expect(head).toBe(nativeTree(dir))
            // Native git writes the same tree from the index Atelier wrote.
            expect(git(dir, 'write-tree').trim()).toBe(head)
            expect(gitStatusCode(dir, 'fsck', '--strict', '--no-dangling')).toBe(0)
            expect(nativePorcelain(dir)).toBe('')
            expect(formatPorcelain(await repository.statusEntries())).toBe('')
          }
        },
      ),
      { numRuns: 12 },
    )
  }, 300_000)
})

describe('a page’s history is what native git lists', () => {
  // Commit i (from 1) has one or two parents among the earlier ones; each changes a few pages.
  const history = fc.integer({ min: 2, max: 12 }).chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(
        fc.tuple(
          fc.nat(),
          fc.option(fc.nat(), { nil: undefined }),
          fc.array(fc.tuple(fc.constantFrom('p.md', 'a/p.md', 'a/b/p.md', 'a/q.md'), fc.nat(3)), {
            maxLength: 3,
          }),
        ),
        { minLength: n, maxLength: n },
      ),
    ),
  )

  it('for random histories with merges, page by page', async () => {
    await fc.assert(
      fc.asyncProperty(history, async ([n, commits]) => {
        const dir = await nativeRepository()
        const lines: string[] = []
        for (let i = 1; i <= n; i++) {
          const [first, second, changes] = commits[i - 1]!
          lines.push(`commit refs/heads/c${i}`, `mark :${i}`)
          // Increasing dates: the order of two versions of the same instant is git's own business.
          lines.push(
            `committer N <n@example.org> ${1_700_000_000 + i * 60} +0000`,
            `data ${`v${i}`.length}`,
            `v${i}`,
          )
          if (i > 1) {
            const p = (first % (i - 1)) + 1
            lines.push(`from :${p}`)
            if (second !== undefined && i > 2) {
              const q = (second % (i - 1)) + 1
              if (q !== p) lines.push(`merge :${q}`)
            }
          }
          for (const [page, version] of changes) {
            if (version === 0) lines.push(`D ${page}`)
            else lines.push(`M 644 inline ${page}`, 'data 2', `${version}\n`)
          }
        }
        execFileSync('git', ['fast-import', '--quiet'], {
          cwd: dir,
          input: lines.join('\n') + '\n',
        })
        const repository = (await Repository.find(dir))!
        const tip = `c${n}`
        for (const page of ['p.md', 'a/p.md', 'a/b/p.md', 'a/q.md', 'absent.md']) {
          const ours = await repository.history({ ref: tip, path: page })
          // git's history simplification: a merge's side that did not reach it is not walked.
          const native = git(dir, 'log', '--format=%H', tip, '--', page)
          expect(ours.map((entry) => `${entry.oid}\n`).join('')).toBe(native)
        }
      }),
      { numRuns: 30 },
    )
  }, 300_000)

  it('is the plain `git log -- <page>` on a line of versions', async () => {
    const dir = await nativeRepository({ 'a/b/p.md': '0\n', 'a/q.md': '0\n' })
    for (let i = 1; i <= 12; i++) {
      const page = i % 3 === 0 ? 'a/b/p.md' : 'a/q.md'
      execFileSync('sh', ['-c', `echo ${i} > ${page}`], { cwd: dir })
      git(dir, 'commit', '-qam', `v${i}`)
    }
    const repository = (await Repository.find(dir))!
    for (const page of ['a/b/p.md', 'a/q.md']) {
      const ours = await repository.history({ path: page })
      expect(ours.map((entry) => `${entry.oid}\n`).join('')).toBe(
        git(dir, 'log', '--format=%H', '--', page),
      )
    }
  })

  it('stays right through the history index when versions are rewritten by native git', async () => {
    const dir = await nativeRepository({ 'a/p.md': '0\n', 'q.md': '0\n' })
    const log = () => git(dir, 'log', '--format=%H', '--', 'a/p.md')
    const ours = async () =>
      (await (await Repository.find(dir))!.history({ path: 'a/p.md' }))
        .map((entry) => `${entry.oid}\n`)
        .join('')
    for (let i = 1; i <= 4; i++) {
      await writeFile(path.join(dir, i % 2 ? 'a/p.md' : 'q.md'), `${i}\n`)
      git(dir, 'commit', '-qam', `v${i}`)
    }
    expect(await ours()).toBe(log())
    // A version replaced (amend), a branch moved back, new versions on top.
    await writeFile(path.join(dir, 'a/p.md'), 'amendé\n')
    git(dir, 'commit', '-qa', '--amend', '-m', 'v4 bis')
    git(dir, 'reset', '-q', '--hard', 'HEAD~2')
    await writeFile(path.join(dir, 'a/p.md'), 'nouveau\n')
    git(dir, 'commit', '-qam', 'v5')
    expect(await ours()).toBe(log())
    // A damaged index is only a cache: rebuilt.
    await writeFile(path.join(dir, '.git/atelier/history-index.json'), '{"version":1,"commits":')
    expect(await ours()).toBe(log())
  })
})
