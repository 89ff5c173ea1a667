import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { appendToNote } from '../../../../src-main/git/notes-tree.js'
import { Repository } from '../../../../src-main/git/repository.js'
import { RECEIVED_NOTES_REF, REVIEW_NOTES_REF } from '../../../../src-main/git/review-refs.js'
import { reviewApproveCommand } from '../../../../src-main/commands/review-approve.js'
import { addComment, listComments, resolveComment } from '../../../../src-main/review/comments.js'
import {
  approveAndIntegrate,
  recordIntegration,
  requestChanges,
} from '../../../../src-main/review/decisions.js'
import type { ContributionRecords } from '../../../../src-main/review/contribution-records.js'
import { mergeReceivedNotes } from '../../../../src-main/review/merge-received-notes.js'
import { listReviews, reviewStatus } from '../../../../src-main/review/review-status.js'
import { AtelierError } from '../../../../src-shared/api/atelier-error.js'
import { git, gitStatusCode, nativeRepository, writeFiles } from '../../../helpers/native-git.js'

const OUSMANE = { name: 'Ousmane Sy', email: 'ousmane@example.org' }
const PAGE =
  '---\ntitle: Cas Sénégal\n---\n\n# Contexte\n\nPremier paragraphe.\n\nDeuxième paragraphe.\n'

async function open(dir: string): Promise<Repository> {
  const repository = await Repository.find(dir)
  if (!repository) throw new Error('no repository')
  return repository
}

function sound(dir: string): void {
  expect(gitStatusCode(dir, 'fsck', '--strict', '--no-dangling')).toBe(0)
}

/** main with one page; `aminata` changes it (one version) and adds a page; HEAD back on main. */
async function contribution(): Promise<{ dir: string; repository: Repository; tip: string }> {
  const dir = await nativeRepository({ 'cas/senegal.md': PAGE, 'autre.md': 'autre\n' })
  git(dir, 'checkout', '-q', '-b', 'aminata')
  await writeFiles(dir, {
    'cas/senegal.md': PAGE.replace('Premier paragraphe.', 'Premier paragraphe, revu.'),
    'cas/mali.md': '# Mali\n',
  })
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'Cas revus')
  git(dir, 'checkout', '-q', 'main')
  return { dir, repository: await open(dir), tip: git(dir, 'rev-parse', 'aminata').trim() }
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AtelierError) return error.code
    throw error
  }
  return 'no error'
}

/** Everything a failed command must leave as it was: refs, HEAD, index entries, work tree. */
async function snapshot(dir: string): Promise<string> {
  return [
    git(dir, 'for-each-ref', '--format=%(refname) %(objectname)'),
    git(dir, 'symbolic-ref', 'HEAD'),
    git(dir, 'status', '--porcelain', '-uall'),
    // The index's entries (stat data is refreshed when files are written back).
    git(dir, 'ls-files', '--stage'),
    await readFile(path.join(dir, 'cas/senegal.md'), 'utf8'),
  ].join('\n')
}

describe('comments', () => {
  it('are kept as notes native git shows, on the version they were made on', async () => {
    const { dir, repository, tip } = await contribution()
    const comment = await addComment(
      repository.context,
      { branch: 'aminata', path: 'cas/senegal.md', blockIndex: 1, text: 'Source ?' },
      OUSMANE,
    )
    expect(comment).toMatchObject({
      commit: tip,
      path: 'cas/senegal.md',
      block: { index: 1, excerpt: 'Premier paragraphe, revu.' },
      text: 'Source ?',
      replyTo: null,
      resolved: false,
    })
    const note = JSON.parse(git(dir, 'notes', '--ref=atelier', 'show', tip))
    expect(note).toMatchObject({ kind: 'comment', id: comment.id, text: 'Source ?' })
    expect(git(dir, 'log', '--notes=atelier', '-1', '--format=%N', 'aminata')).toContain(comment.id)
    sound(dir)
    const reply = await addComment(
      repository.context,
      {
        branch: 'aminata',
        path: 'cas/senegal.md',
        blockIndex: 1,
        text: 'Ajoutée',
        replyTo: comment.id,
      },
      { name: 'Aminata Diallo', email: 'aminata@example.org' },
    )
    expect(reply.replyTo).toBe(comment.id)
    expect((await listReviews(repository.context))[0]).toMatchObject({
      status: 'commented',
      comments: 2,
      unresolved: 1,
    })
    await resolveComment(repository.context, { branch: 'aminata', id: reply.id }, OUSMANE)
    const listed = await listComments(repository.context, 'aminata', 'cas/senegal.md')
    expect(listed.map((c) => [c.text, c.resolved])).toEqual([
      ['Source ?', true],
      ['Ajoutée', true],
    ])
    expect((await listReviews(repository.context))[0]).toMatchObject({
      status: 'to-review',
      unresolved: 0,
    })
    expect(git(dir, 'notes', '--ref=atelier', 'show', tip).trim().split('\n')).toHaveLength(3)
    sound(dir)
  })

  it('follow their block when it moves in a later version, and are outdated when it changes', async () => {
    const { dir, repository } = await contribution()
    const comment = await addComment(
      repository.context,
      { branch: 'aminata', path: 'cas/senegal.md', blockIndex: 2, text: 'Trop court' },
      OUSMANE,
    )
    const other = await addComment(
      repository.context,
      { branch: 'aminata', path: 'cas/senegal.md', blockIndex: 1, text: 'Bien' },
      OUSMANE,
    )
    git(dir, 'checkout', '-q', 'aminata')
    // The commented paragraph moves to the top; the other one is rewritten.
    await writeFiles(dir, {
      'cas/senegal.md':
        '---\ntitle: Cas Sénégal\n---\n\nDeuxième paragraphe.\n\n# Contexte\n\nTout autre chose.\n',
    })
    git(dir, 'commit', '-q', '-am', 'Réorganisé')
    const listed = await listComments((await open(dir)).context, 'aminata')
    const byId = new Map(listed.map((c) => [c.id, c]))
    expect(byId.get(comment.id)).toMatchObject({ outdated: false, block: { index: 0 } })
    expect(byId.get(other.id)).toMatchObject({
      outdated: true,
      block: { index: 1, excerpt: 'Premier paragraphe, revu.' },
    })
  })

  it('refuse a block that does not exist, a reply to nothing, an overlong text; nothing is written', async () => {
    const { dir, repository } = await contribution()
    const request = { branch: 'aminata', path: 'cas/senegal.md', blockIndex: 1, text: 'x' }
    expect(
      await codeOf(addComment(repository.context, { ...request, blockIndex: 9 }, OUSMANE)),
    ).toBe('comment-block-not-found')
    expect(
      await codeOf(addComment(repository.context, { ...request, path: 'absent.md' }, OUSMANE)),
    ).toBe('comment-block-not-found')
    expect(
      await codeOf(addComment(repository.context, { ...request, replyTo: 'nope' }, OUSMANE)),
    ).toBe('comment-not-found')
    expect(
      await codeOf(
        addComment(repository.context, { ...request, text: 'x'.repeat(10_001) }, OUSMANE),
      ),
    ).toBe('comment-too-long')
    expect(
      await codeOf(resolveComment(repository.context, { branch: 'aminata', id: 'nope' }, OUSMANE)),
    ).toBe('comment-not-found')
    expect(gitStatusCode(dir, 'rev-parse', '-q', '--verify', REVIEW_NOTES_REF)).not.toBe(0)
  })

  it('skip hostile note lines: malformed, unknown kinds, wrong types, overlong texts', async () => {
    const { dir, repository, tip } = await contribution()
    const good = await addComment(
      repository.context,
      { branch: 'aminata', path: 'cas/senegal.md', blockIndex: 0, text: 'Titre ?' },
      OUSMANE,
    )
    const hostile = [
      '{"kind":"comment"',
      'not json at all',
      '[1,2,3]',
      'null',
      '{"kind":"vote","id":"v1"}',
      '{"kind":"__proto__","id":"p"}',
      JSON.stringify({
        ...JSON.parse(git(dir, 'notes', '--ref=atelier', 'show', tip)),
        id: 'long',
        text: 'y'.repeat(20_000),
      }),
      JSON.stringify({
        kind: 'comment',
        id: 'bad',
        author: 'x',
        date: 'hier',
        path: 'a',
        block: {},
        text: 1,
      }),
      JSON.stringify({
        kind: 'decision',
        id: 'd',
        decision: 'rejected',
        author: OUSMANE,
        date: new Date().toISOString(),
      }),
    ]
    await appendToNote(repository.context, REVIEW_NOTES_REF, tip, hostile, OUSMANE, 'hostile')
    const listed = await listComments(repository.context, 'aminata')
    expect(listed.map((c) => c.id)).toEqual([good.id])
    expect((await listReviews(repository.context))[0]!.status).toBe('commented')
  })
})

describe('review status', () => {
  it('lists received and local contributions with the pages git diff main...branch lists', async () => {
    const { dir, repository, tip } = await contribution()
    git(dir, 'branch', 'recu/ousmane', 'main')
    git(dir, 'checkout', '-q', 'recu/ousmane')
    await writeFiles(dir, { 'autre.md': 'autre, revu\n' })
    git(dir, 'commit', '-q', '-am', 'Autre')
    git(dir, 'checkout', '-q', 'main')
    const reviews = await listReviews((await open(dir)).context)
    expect(reviews.map((r) => r.branch).sort()).toEqual(['aminata', 'recu/ousmane'])
    for (const review of reviews) {
      expect(review.pages.join('\n') + '\n').toBe(
        git(dir, 'diff', '--name-only', `main...${review.branch}`),
      )
      expect(review.base).toBe(git(dir, 'merge-base', 'main', review.branch).trim())
      expect(review).toMatchObject({ status: 'to-review', author: { name: 'Native Git' } })
    }
    expect(reviews.find((r) => r.branch === 'aminata')!.tip).toBe(tip)
    void repository
  })

  it('counts a renamed page once, under its new name, as git diff --name-only does', async () => {
    const { dir } = await contribution()
    git(dir, 'checkout', '-q', 'aminata')
    git(dir, 'mv', 'cas/senegal.md', 'cas/senegal-2024.md')
    git(dir, 'commit', '-q', '-m', 'Renommé')
    git(dir, 'checkout', '-q', 'main')
    const [review] = await listReviews((await open(dir)).context)
    expect(review!.pages.join('\n') + '\n').toBe(git(dir, 'diff', '--name-only', 'main...aminata'))
    expect(review!.pages).toEqual(['cas/mali.md', 'cas/senegal-2024.md'])
  })

  it('changes requested until a new version is added; approved and integrated after approval', async () => {
    const { dir, repository } = await contribution()
    const status = async () => (await listReviews((await open(dir)).context))[0]!.status
    await requestChanges(repository.context, 'aminata', OUSMANE)
    expect(await status()).toBe('changes-requested')
    expect(git(dir, 'notes', '--ref=atelier', 'show', 'aminata')).toContain('"changes-requested"')
    git(dir, 'checkout', '-q', 'aminata')
    await writeFiles(dir, { 'cas/mali.md': '# Mali, revu\n' })
    git(dir, 'commit', '-q', '-am', 'Corrigé')
    expect(await status()).toBe('to-review')

    const fresh = await open(dir)
    const outcome = await approveAndIntegrate(
      fresh.context,
      () => fresh.tracker.status({ fresh: true }),
      'aminata',
      OUSMANE,
    )
    expect(outcome.kind).toBe('fast-forward')
    expect(git(dir, 'symbolic-ref', '--short', 'HEAD').trim()).toBe('main')
    expect(git(dir, 'rev-parse', 'main')).toBe(git(dir, 'rev-parse', 'aminata'))
    expect(git(dir, 'status', '--porcelain')).toBe('')
    const note = git(dir, 'notes', '--ref=atelier', 'show', 'aminata')
    expect(note).toContain('"approved"')
    expect(note).toContain('"integrated"')
    expect(note).toContain('"Ousmane Sy"')
    expect(await status()).toBe('integrated')
    sound(dir)
  })

  it('on conflicts, leaves the merge to the conflict flow and records nothing until it is saved', async () => {
    const { dir, repository, tip } = await contribution()
    await writeFiles(dir, { 'cas/senegal.md': PAGE.replace('Premier paragraphe.', 'Autre texte.') })
    git(dir, 'commit', '-q', '-am', 'Sur main')
    const fresh = await open(dir)
    const outcome = await approveAndIntegrate(
      fresh.context,
      () => fresh.tracker.status({ fresh: true }),
      'aminata',
      OUSMANE,
    )
    expect(outcome).toEqual({ kind: 'conflicts', conflicts: ['cas/senegal.md'] })
    expect(git(dir, 'rev-parse', 'MERGE_HEAD').trim()).toBe(tip)
    expect(gitStatusCode(dir, 'rev-parse', '-q', '--verify', REVIEW_NOTES_REF)).not.toBe(0)
    await writeFiles(dir, { 'cas/senegal.md': PAGE })
    git(dir, 'commit', '-q', '-am', 'Fusion résolue')
    await recordIntegration(fresh.context, tip, OUSMANE)
    expect((await listReviews((await open(dir)).context))[0]!.status).toBe('integrated')
    expect(git(dir, 'notes', '--ref=atelier', 'show', tip)).toContain('"integrated"')
    sound(dir)
    void repository
  })

  it('approval refuses unsaved changes on another contribution, changing nothing', async () => {
    const { dir } = await contribution()
    git(dir, 'checkout', '-q', 'aminata')
    await writeFiles(dir, { 'autre.md': 'pas encore enregistré\n' })
    const before = await snapshot(dir)
    const repository = await open(dir)
    expect(
      await codeOf(
        approveAndIntegrate(
          repository.context,
          () => repository.tracker.status({ fresh: true }),
          'aminata',
          OUSMANE,
        ),
      ),
    ).toBe('unsaved-changes')
    expect(await snapshot(dir)).toBe(before)
  })
})

describe('status rules', () => {
  const person = { name: 'R', email: 'r@example.org' }
  const found = (
    decisions: [string, 'approved' | 'changes-requested' | 'integrated'][],
    comments = 0,
  ): ContributionRecords => ({
    branch: 'b',
    mainLine: 'main',
    tip: 'tip',
    base: 'base',
    mainTip: 'main-tip',
    commits: [],
    records: [
      ...Array.from({ length: comments }, (_, i) => ({
        commit: 'old',
        record: {
          kind: 'comment' as const,
          id: `c${i}`,
          author: person,
          date: '2026-01-01T00:00:00.000Z',
          path: 'p.md',
          block: { index: 0, hash: 'a'.repeat(40), excerpt: '' },
          text: 't',
        },
      })),
      ...decisions.map(([commit, decision], i) => ({
        commit,
        record: {
          kind: 'decision' as const,
          id: `d${i}`,
          decision,
          author: person,
          date: `2026-01-0${i + 2}T00:00:00.000Z`,
        },
      })),
    ],
    skipped: 0,
  })
  it('takes the latest decision on the current tip; a later version makes it new to review', () => {
    expect(reviewStatus(found([]))).toBe('to-review')
    expect(reviewStatus(found([], 2))).toBe('commented')
    expect(reviewStatus(found([['tip', 'changes-requested']], 2))).toBe('changes-requested')
    expect(reviewStatus(found([['old', 'changes-requested']], 2))).toBe('commented')
    expect(reviewStatus(found([['old', 'changes-requested']]))).toBe('to-review')
    expect(
      reviewStatus(
        found([
          ['tip', 'changes-requested'],
          ['tip', 'approved'],
        ]),
      ),
    ).toBe('approved')
    expect(
      reviewStatus(
        found([
          ['tip', 'approved'],
          ['tip', 'changes-requested'],
        ]),
      ),
    ).toBe('changes-requested')
    expect(reviewStatus(found([['old', 'integrated']]))).toBe('integrated')
    expect(reviewStatus({ ...found([]), base: 'tip' })).toBe('integrated')
  })
})

describe('review approve (command line)', () => {
  it('exits 1 on conflicts with refs, index, work tree and notes as before', async () => {
    const { dir, repository } = await contribution()
    await requestChanges(repository.context, 'aminata', OUSMANE)
    // main changes the same paragraph: the merge conflicts.
    await writeFiles(dir, { 'cas/senegal.md': PAGE.replace('Premier paragraphe.', 'Autre texte.') })
    git(dir, 'commit', '-q', '-am', 'Sur main')
    git(dir, 'checkout', '-q', 'aminata')
    const before = await snapshot(dir)
    const output: string[] = []
    const usage = (text: string): never => {
      throw new Error(text)
    }
    const code = await reviewApproveCommand(
      [dir, 'aminata', '--author', 'Ousmane Sy <ousmane@example.org>'],
      (text) => output.push(text),
      usage,
    )
    expect(code).toBe(1)
    expect(output.join('')).toContain('rien n’a été intégré')
    expect(output.join('')).toContain('cas/senegal.md')
    expect(await snapshot(dir)).toBe(before)
    expect(gitStatusCode(dir, 'rev-parse', '-q', '--verify', 'MERGE_HEAD')).not.toBe(0)
    // No approval left waiting for a merge that was given up.
    expect(existsSync(path.join(dir, '.git', 'ATELIER_APPROVAL'))).toBe(false)
    sound(dir)
  })

  it('approves and integrates with a merge when main moved elsewhere', async () => {
    const { dir } = await contribution()
    await writeFiles(dir, { 'autre.md': 'autre, sur main\n' })
    git(dir, 'commit', '-q', '-am', 'Sur main')
    const output: string[] = []
    const code = await reviewApproveCommand(
      [dir, 'aminata', '--author', 'Ousmane Sy <ousmane@example.org>'],
      (text) => output.push(text),
      (text) => {
        throw new Error(text)
      },
    )
    expect(code).toBe(0)
    expect(output.join('')).toContain('approuvée et intégrée')
    expect(git(dir, 'log', '-1', '--format=%P', 'main').trim().split(' ')).toHaveLength(2)
    expect(gitStatusCode(dir, 'merge-base', '--is-ancestor', 'aminata', 'main')).toBe(0)
    expect(git(dir, 'notes', '--ref=atelier', 'show', 'aminata')).toContain('"integrated"')
    sound(dir)
  })
})

describe('received notes', () => {
  it('are merged into the review notes (union of lines) and their ref deleted', async () => {
    const { dir, repository, tip } = await contribution()
    const context = repository.context
    const mine = await addComment(
      context,
      { branch: 'aminata', path: 'cas/senegal.md', blockIndex: 0, text: 'Le mien' },
      OUSMANE,
    )
    const theirLine = JSON.stringify({
      kind: 'comment',
      id: 'leur-commentaire',
      author: { name: 'Aminata Diallo', email: 'aminata@example.org' },
      date: new Date().toISOString(),
      path: 'cas/senegal.md',
      block: { index: 1, hash: 'a'.repeat(40), excerpt: 'x' },
      text: 'Le leur',
    })
    await appendToNote(context, RECEIVED_NOTES_REF, tip, [theirLine], OUSMANE, 'reçu')
    await mergeReceivedNotes(context)
    expect(gitStatusCode(dir, 'rev-parse', '-q', '--verify', RECEIVED_NOTES_REF)).not.toBe(0)
    const ids = (await listComments(context, 'aminata')).map((c) => c.id).sort()
    expect(ids).toEqual([mine.id, 'leur-commentaire'].sort())
    expect(git(dir, 'log', '-1', '--format=%P', REVIEW_NOTES_REF).trim().split(' ')).toHaveLength(2)
    sound(dir)
    // Nothing waiting: nothing to do.
    await mergeReceivedNotes(context)
  })

  it('a received history that cannot be read is refused; the review notes stay as they were', async () => {
    const { dir, repository } = await contribution()
    await requestChanges(repository.context, 'aminata', OUSMANE)
    const before = git(dir, 'rev-parse', REVIEW_NOTES_REF)
    // A notes history whose fan-out folder is missing (a truncated or forged file).
    const missing = '0123456789abcdef0123456789abcdef01234567'
    const tree = execFileSync('git', ['mktree', '--missing'], {
      cwd: dir,
      input: `040000 tree ${missing}\tab\n`,
    })
      .toString()
      .trim()
    const commit = git(dir, 'commit-tree', tree, '-m', 'reçu').trim()
    git(dir, 'update-ref', RECEIVED_NOTES_REF, commit)
    expect(await codeOf(mergeReceivedNotes(repository.context))).toBe('review-notes-damaged')
    expect(git(dir, 'rev-parse', REVIEW_NOTES_REF)).toBe(before)
    expect(git(dir, 'rev-parse', RECEIVED_NOTES_REF).trim()).toBe(commit)
  })

  it('a note too large to be a review note is not read; the others are', async () => {
    const { dir, repository, tip } = await contribution()
    git(dir, 'checkout', '-q', 'aminata')
    git(dir, 'commit', '-q', '--allow-empty', '-m', 'encore')
    git(dir, 'checkout', '-q', 'main')
    const context = (await open(dir)).context
    const comment = await addComment(
      context,
      { branch: 'aminata', path: 'cas/senegal.md', blockIndex: 0, text: 'Titre' },
      OUSMANE,
    )
    await appendToNote(
      context,
      REVIEW_NOTES_REF,
      tip,
      // Valid records, but 2 MB of them: over the note size limit, so none is read.
      Array.from({ length: 230 }, (_, i) =>
        JSON.stringify({
          kind: 'comment',
          id: `gros-${i}`,
          author: OUSMANE,
          date: new Date().toISOString(),
          path: 'cas/senegal.md',
          block: { index: 0, hash: 'a'.repeat(40), excerpt: '' },
          text: 'y'.repeat(9000),
        }),
      ),
      OUSMANE,
      'gros',
    )
    expect((await listComments(context, 'aminata')).map((c) => c.id)).toEqual([comment.id])
    void repository
  })
})
