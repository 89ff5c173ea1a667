import { chmod, lstat, readFile, rm, symlink } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cloneRepository } from '../../../../src-main/sync/clone.js'
import { MemoryCredentials } from '../../../../src-main/sync/credentials.js'
import '../../../helpers/fast-check-seed.js'
import { nativeGit, startGitServer, type GitServer } from '../../../helpers/git-server.js'
import { git, nativeRepository, writeFiles } from '../../../helpers/native-git.js'
import { tempDir } from '../../../helpers/temp-dir.js'
import { fsck, TOKEN, USER } from './sync-fixture.js'

/**
 * Our clone (own pack request, own checkout) against native git's, on generated
 * repositories: nested folders, names that sort in git's tricky order, empty and
 * executable files, accents, several lines of work, merges, and now and then a
 * link (which our checkout hands to isomorphic-git's). Native git judges: the
 * same refs, index, work tree and configuration, a clean status, fsck.
 */
const NAMES = ['a.md', 'a-b.md', 'a', 'b.md', 'été.md', 'Index.md', 'z_z.md', 'x']
const FOLDERS = ['', 'a/', '_cas/', '_cas/sous/', 'a/b/c/']

interface Step {
  file: string
  content: string
  executable: boolean
}

const step = fc.record({
  file: fc
    .tuple(fc.constantFrom(...FOLDERS), fc.constantFrom(...NAMES))
    .map(([folder, name]) => folder + name),
  content: fc.oneof(fc.constant(''), fc.string({ maxLength: 40 }), fc.lorem({ maxCount: 30 })),
  executable: fc.boolean(),
})

const shape = fc.record({
  first: fc.array(step, { minLength: 1, maxLength: 12 }),
  later: fc.array(fc.array(step, { minLength: 1, maxLength: 3 }), { maxLength: 4 }),
  side: fc.array(step, { maxLength: 3 }),
  merge: fc.boolean(),
  link: fc.boolean(),
})

type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never

/** Writes steps, skipping those whose path crosses what is on disk (a folder `a/`, a file `a`). */
async function apply(dir: string, steps: Step[]): Promise<void> {
  for (const s of steps) {
    const parts = s.file.split('/')
    const prefixes = parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'))
    const kinds = await Promise.all(
      [...prefixes, s.file].map((p) => lstat(path.join(dir, p)).catch(() => null)),
    )
    const self = kinds.pop()
    if (self?.isDirectory() || kinds.some((k) => k !== null && !k.isDirectory())) continue
    await rm(path.join(dir, s.file), { force: true })
    await writeFiles(dir, { [s.file]: s.content })
    if (s.executable) await chmod(path.join(dir, s.file), 0o755)
  }
  git(dir, 'add', '-A')
}

async function generate(s: Shape): Promise<string> {
  const dir = await nativeRepository()
  await apply(dir, s.first)
  if (s.link) await symlink('a.md', path.join(dir, 'lien'))
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'Première version')
  git(dir, 'branch', 'aminata')
  // Tags as maintainers make them: a light one and an annotated one.
  git(dir, 'tag', 'v1')
  git(dir, 'tag', '-a', 'edition-2026', '-m', 'Édition 2026')
  for (const [i, steps] of s.later.entries()) {
    await apply(dir, steps)
    git(dir, 'commit', '-q', '--allow-empty', '-m', `Version ${i}`)
  }
  git(dir, 'checkout', '-q', 'aminata')
  await apply(dir, s.side)
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'Contribution')
  git(dir, 'checkout', '-q', 'main')
  if (s.merge) git(dir, 'merge', '-q', '-s', 'ours', '--no-edit', 'aminata')
  return dir
}

/** Everything a user or git sees of a copy, as native git reads it. */
async function portrait(dir: string): Promise<Record<string, string>> {
  const files = git(dir, 'ls-files', '-z').split('\0').filter(Boolean)
  const bytes: string[] = []
  for (const file of files) {
    const content = await readFile(path.join(dir, file)).catch(() => null)
    bytes.push(`${file} ${content?.toString('base64') ?? '(link)'}`)
  }
  const config = (key: string) => {
    try {
      return git(dir, 'config', '--get', key)
    } catch {
      return '(none)'
    }
  }
  return {
    refs: git(
      dir,
      'for-each-ref',
      '--format=%(objectname) %(refname)',
      'refs/heads',
      'refs/remotes',
      'refs/tags',
    ),
    head: git(dir, 'symbolic-ref', 'HEAD'),
    index: git(dir, 'ls-files', '-s'),
    status: git(dir, 'status', '--porcelain', '--ignored'),
    files: bytes.join('\n'),
    shallow: git(dir, 'rev-parse', '--is-shallow-repository'),
    log: git(dir, 'log', '--format=%H %P', '--all'),
    config: [
      'remote.origin.url',
      'remote.origin.fetch',
      'branch.main.remote',
      'branch.main.merge',
      // As native git's init writes them for this disk: executable bits and links kept.
      'core.filemode',
      'core.symlinks',
      'core.ignorecase',
      'core.bare',
    ]
      .map(config)
      .join(''),
  }
}

describe('cloneRepository against native git’s clone', () => {
  let server: GitServer
  beforeAll(async () => {
    server = await startGitServer({ user: USER, token: TOKEN })
  })
  afterAll(() => server.close())

  it('makes the same copy, full and light, of generated repositories', async () => {
    let count = 0
    let links = 0
    await fc.assert(
      fc.asyncProperty(shape, async (s) => {
        const name = `guide-${count++}`
        server.create(name, await generate(s))
        if (s.link) links++
        const base = await tempDir()
        for (const depth of [undefined, 1]) {
          const ours = path.join(base, `ours-${depth ?? 'full'}`)
          const native = path.join(base, `native-${depth ?? 'full'}`)
          await cloneRepository({
            url: server.url(name),
            dir: ours,
            credentials: new MemoryCredentials(),
            ...(depth ? { depth } : {}),
          })
          // Native git asynchronously: the server answers from this process.
          await nativeGit(
            base,
            'clone',
            '-q',
            // A light copy keeps every line's last version (contributions to review), not only
            // main's, and no tags.
            ...(depth ? ['--depth', String(depth), '--no-single-branch', '--no-tags'] : []),
            server.url(name),
            native,
          )
          const [a, b] = [await portrait(ours), await portrait(native)]
          expect(a.status).toBe('')
          expect(a).toEqual(b)
          await fsck(ours)
        }
      }),
      { numRuns: 8 },
    )
    // Both checkouts were exercised: ours, and isomorphic-git's for a version holding a link.
    expect(links).toBeGreaterThan(0)
    expect(links).toBeLessThan(count)
  }, 120_000)
})
