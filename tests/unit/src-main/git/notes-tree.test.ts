import { execFileSync } from 'node:child_process'
import fc from 'fast-check'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  appendToNote,
  catSortUniq,
  mergeNotes,
  readNotes,
  readNoteText,
} from '../../../../src-main/git/notes-tree.js'
import { Repository } from '../../../../src-main/git/repository.js'
import type { RepositoryContext } from '../../../../src-main/git/repository-context.js'
import { AtelierError } from '../../../../src-shared/api/atelier-error.js'
import { git, gitStatusCode, nativeRepository } from '../../../helpers/native-git.js'

const REVIEWER = { name: 'Ousmane Sy', email: 'ousmane@example.org' }

async function contextOf(dir: string): Promise<RepositoryContext> {
  const repository = await Repository.find(dir)
  if (!repository) throw new Error('no repository')
  return repository.context
}

/** A repository with `count` commits on main; returns the folder and the commit ids, oldest first. */
async function repositoryWithCommits(count: number): Promise<{ dir: string; commits: string[] }> {
  const dir = await nativeRepository({ 'a.md': 'a\n' })
  for (let i = 1; i < count; i++) git(dir, 'commit', '-q', '--allow-empty', '-m', `v${i}`)
  const commits = git(dir, 'rev-list', '--reverse', 'HEAD').trim().split('\n')
  return { dir, commits }
}

/** Every note of a ref as native git reads it: annotated id → note text. */
function nativeNotes(dir: string, ref: string): Map<string, string> {
  const notes = new Map<string, string>()
  const list = git(dir, 'notes', `--ref=${ref}`, 'list').trim()
  if (list === '') return notes
  const pairs = list.split('\n').map((line) => line.split(' ') as [string, string])
  // One `cat-file --batch` for all notes: its output is `<oid> blob <size>\n<bytes>\n` per note.
  const output = execFileSync('git', ['cat-file', '--batch'], {
    cwd: dir,
    input: pairs.map(([blob]) => blob).join('\n') + '\n',
  })
  let offset = 0
  for (const [, annotated] of pairs) {
    const header = output.indexOf(10, offset)
    const size = Number(output.subarray(offset, header).toString().split(' ')[2])
    notes.set(annotated, output.subarray(header + 1, header + 1 + size).toString('utf8'))
    offset = header + 1 + size + 1
  }
  return notes
}

async function ourNotes(context: RepositoryContext, ref: string): Promise<Map<string, string>> {
  const result = new Map<string, string>()
  for (const [annotated, blob] of (await readNotes(context, ref)).notes) {
    result.set(annotated, (await readNoteText(context, blob, Infinity))!)
  }
  return result
}

describe('notes written in git’s format', () => {
  it('appends lines that native git shows as notes', async () => {
    const { dir, commits } = await repositoryWithCommits(2)
    const context = await contextOf(dir)
    await appendToNote(context, 'refs/notes/atelier', commits[0]!, ['{"a":1}'], REVIEWER, 'm1')
    await appendToNote(context, 'refs/notes/atelier', commits[0]!, ['{"b":2}'], REVIEWER, 'm2')
    await appendToNote(context, 'refs/notes/atelier', commits[1]!, ['{"c":3}'], REVIEWER, 'm3')
    expect(git(dir, 'notes', '--ref=atelier', 'show', commits[0]!)).toBe('{"a":1}\n{"b":2}\n')
    expect(git(dir, 'log', '--notes=atelier', '--format=%H%n%N', '-1')).toBe(
      `${commits[1]}\n{"c":3}\n\n`,
    )
    expect(git(dir, 'rev-list', '--count', 'refs/notes/atelier')).toBe('3\n')
    expect(gitStatusCode(dir, 'fsck', '--strict', '--no-dangling')).toBe(0)
  })

  it('reads notes that native git fanned out into folders, and keeps them when adding one', async () => {
    const dir = await nativeRepository({ 'a.md': 'a\n' })
    const commits = [git(dir, 'rev-parse', 'HEAD').trim()]
    // One fast-import stream (300 versions, a note on each; git fans the notes
    // tree out itself) rather than 600 git processes.
    const count = 300
    const stream: string[] = []
    for (let i = 1; i <= count; i++) {
      stream.push('commit refs/heads/many', `mark :${i}`, 'committer N <n@example.org> 0 +0000')
      stream.push(`data ${`v${i}`.length}`, `v${i}`)
    }
    stream.push(
      'commit refs/notes/atelier',
      'committer N <n@example.org> 0 +0000',
      'data 5',
      'notes',
    )
    for (let i = 1; i <= count; i++) {
      stream.push(`N inline :${i}`, `data ${`note ${i}\n`.length}`, `note ${i}`)
    }
    execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: `${stream.join('\n')}\n\n` })
    const many = git(dir, 'rev-list', '--reverse', 'refs/heads/many').trim().split('\n')
    expect(git(dir, 'ls-tree', 'refs/notes/atelier')).toMatch(
      /^040000 tree [0-9a-f]{40}\t[0-9a-f]{2}$/m,
    )
    const context = await contextOf(dir)
    expect(await ourNotes(context, 'refs/notes/atelier')).toEqual(
      nativeNotes(dir, 'refs/notes/atelier'),
    )
    await appendToNote(context, 'refs/notes/atelier', commits[0]!, ['{"x":1}'], REVIEWER, 'm')
    const after = nativeNotes(dir, 'refs/notes/atelier')
    expect(after.size).toBe(301)
    expect(after.get(many[6]!)).toBe('note 7\n')
    expect(after.get(commits[0]!)).toBe('{"x":1}\n')
    expect(gitStatusCode(dir, 'fsck', '--strict', '--no-dangling')).toBe(0)
  })

  it('cat_sort_uniq: every non-empty line once, in byte order', () => {
    expect(catSortUniq('b\na\n\n', 'a\nc\nB\n')).toBe('B\na\nb\nc\n')
    expect(catSortUniq('é\n', 'z\n')).toBe('z\né\n')
  })

  it('refuses a notes ref pointing at a missing object, and changes nothing', async () => {
    const { dir, commits } = await repositoryWithCommits(1)
    const context = await contextOf(dir)
    const missing = '0123456789012345678901234567890123456789'
    await mkdir(path.join(dir, '.git', 'refs', 'notes'), { recursive: true })
    await writeFile(path.join(dir, '.git', 'refs', 'notes', 'recues'), `${missing}\n`)
    const error = await mergeNotes(
      context,
      'refs/notes/atelier',
      'refs/notes/recues',
      REVIEWER,
      'fusion',
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AtelierError)
    expect((error as AtelierError).code).toBe('review-notes-damaged')
    expect(gitStatusCode(dir, 'rev-parse', '--verify', '-q', 'refs/notes/atelier')).not.toBe(0)
    void commits
  })
})

/**
 * Differential: two people add records (lines) to notes on random commits,
 * starting from a shared history; Atelier's merge and native
 * `git notes merge -s cat_sort_uniq` must leave the same notes.
 */
describe('merging notes agrees with git notes merge -s cat_sort_uniq', () => {
  const line = fc.stringMatching(/^\{"r":"[a-z0-9 ]{1,8}"\}$/)
  const additions = fc.array(fc.tuple(fc.nat(3), fc.array(line, { minLength: 1, maxLength: 3 })), {
    maxLength: 5,
  })
  it('for random records on random commits', async () => {
    await fc.assert(
      fc.asyncProperty(additions, additions, additions, async (shared, mine, theirs) => {
        const { dir, commits } = await repositoryWithCommits(4)
        const context = await contextOf(dir)
        const add = async (ref: string, list: [number, string[]][]) => {
          for (const [commit, lines] of list) {
            await appendToNote(context, ref, commits[commit]!, lines, REVIEWER, 'ajout')
          }
        }
        await add('refs/notes/ours', shared)
        const sharedOid = (await readNotes(context, 'refs/notes/ours')).commit
        if (sharedOid) git(dir, 'update-ref', 'refs/notes/theirs', sharedOid)
        await add('refs/notes/ours', mine)
        await add('refs/notes/theirs', theirs)
        const ours = (await readNotes(context, 'refs/notes/ours')).commit
        if (ours) git(dir, 'update-ref', 'refs/notes/native', ours)
        const nativeCode = gitStatusCode(
          dir,
          'notes',
          '--ref=native',
          'merge',
          '-q',
          '-s',
          'cat_sort_uniq',
          'refs/notes/theirs',
        )
        const outcome = await mergeNotes(
          context,
          'refs/notes/ours',
          'refs/notes/theirs',
          REVIEWER,
          'fusion',
        )
        const theirsOid = (await readNotes(context, 'refs/notes/theirs')).commit
        if (theirsOid === null) {
          expect(outcome).toBe('up-to-date')
          return
        }
        expect(nativeCode).toBe(0)
        expect(await ourNotes(context, 'refs/notes/ours')).toEqual(
          nativeNotes(dir, 'refs/notes/native'),
        )
        // Same shape of history: a fast-forward where git fast-forwards, else a two-parent merge.
        const parents = (ref: string) => git(dir, 'log', '-1', '--format=%P', ref).trim()
        expect(parents('refs/notes/ours').split(' ').length).toBe(
          parents('refs/notes/native').split(' ').length,
        )
        expect(gitStatusCode(dir, 'fsck', '--strict', '--no-dangling')).toBe(0)
      }),
      { numRuns: 15 },
    )
  }, 120_000)
})
