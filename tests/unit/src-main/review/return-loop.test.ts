import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Repository } from '../../../../src-main/git/repository.js'
import { addComment, listComments } from '../../../../src-main/review/comments.js'
import { approveAndIntegrate, requestChanges } from '../../../../src-main/review/decisions.js'
import { openReceivedFile, takeReviewerFixes } from '../../../../src-main/review/reviewer-fixes.js'
import { listReviews } from '../../../../src-main/review/review-status.js'
import { sendContribution } from '../../../../src-main/review/send-contribution.js'
import { AtelierError } from '../../../../src-shared/api/atelier-error.js'
import { git, gitStatusCode, nativeRepository, writeFiles } from '../../../helpers/native-git.js'
import { tempDir } from '../../../helpers/temp-dir.js'

/**
 * The return loop between two repositories that share nothing but files: the
 * reviewer fixes a word and comments on his own version, sends it back; the
 * contributor sees the comment on her own branch, has his fix, fixes in turn
 * and sends again; the reviewer's import accepts it and approval brings both
 * fixes to his main line. Native `git fsck --strict` judges both sides.
 */
const KOFI = { name: 'Kofi Mensah', email: 'kofi@example.org' }
const AMINATA = { name: 'Aminata Diallo', email: 'aminata@example.org' }
const PAGE_PATH = 'cas/senegal.md'
const PAGE =
  '---\ntitle: Cas Sénégal\n---\n\n# Contexte\n\nPremier paragraphe.\n\nDeuxième paragraphe.\n\nTroisième paragraphe.\n'

async function open(dir: string): Promise<Repository> {
  const repository = await Repository.find(dir)
  if (!repository) throw new Error('no repository')
  return repository
}

function sound(dir: string): void {
  expect(gitStatusCode(dir, 'fsck', '--strict')).toBe(0)
}

async function page(dir: string): Promise<string> {
  return readFile(path.join(dir, PAGE_PATH), 'utf8')
}

/** Opens `file` in `dir` as the app does (a fresh repository object, as after a restart). */
async function receive(dir: string, file: string) {
  const repository = await open(dir)
  return repository.run((context, status) => openReceivedFile(context, status, file), {
    mayMove: true,
  })
}

async function send(dir: string, branch: string, file: string): Promise<void> {
  const repository = await open(dir)
  await repository.run((context) => sendContribution(context, { branch, full: false, file }))
}

/** Kofi's guide; Aminata's clone of it, on her contribution `aminata` with one version sent to Kofi. */
async function sentOnce() {
  const kofi = await nativeRepository({ [PAGE_PATH]: PAGE })
  const aminata = path.join(await tempDir('atelier-aminata-'), 'guide')
  git(kofi, 'clone', '-q', kofi, aminata)
  git(aminata, 'switch', '-q', '-c', 'aminata')
  await writeFiles(aminata, { [PAGE_PATH]: PAGE.replace('Premier', 'Au Sénégal, premier') })
  git(aminata, 'commit', '-q', '-am', 'Accès : Sénégal')
  const exchange = await tempDir('atelier-exchange-')
  const first = path.join(exchange, 'aminata-1.bundle')
  await send(aminata, 'aminata', first)
  await receive(kofi, first)
  return { kofi, aminata, exchange }
}

/** Kofi fixes a word on the received contribution, comments on his version, and sends it back. */
async function reviewerFixesAndComments(kofi: string, exchange: string): Promise<string> {
  git(kofi, 'switch', '-q', 'recu/aminata')
  await writeFiles(kofi, { [PAGE_PATH]: (await page(kofi)).replace('Deuxième', 'Second') })
  git(kofi, 'commit', '-q', '-am', 'Relecture : un mot')
  const repository = await open(kofi)
  await addComment(
    repository.context,
    { branch: 'recu/aminata', path: PAGE_PATH, blockIndex: 1, text: 'Précisez la source.' },
    KOFI,
  )
  await requestChanges(repository.context, 'recu/aminata', KOFI)
  const back = path.join(exchange, 'retour.bundle')
  await send(kofi, 'recu/aminata', back)
  return back
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

describe('the return loop', () => {
  it('brings the reviewer’s fix and comment to the contributor, and her second file to approval', async () => {
    const { kofi, aminata, exchange } = await sentOnce()
    const back = await reviewerFixesAndComments(kofi, exchange)
    const kofiTip = git(kofi, 'rev-parse', 'recu/aminata').trim()

    // Aminata opens the return file: her own branch fast-forwards to Kofi's version.
    const opened = await receive(aminata, back)
    expect(opened.returns).toEqual([
      { received: 'recu/aminata', own: 'aminata', taken: { kind: 'fast-forward', oid: kofiTip } },
    ])
    expect(git(aminata, 'rev-parse', 'aminata').trim()).toBe(kofiTip)
    expect(git(aminata, 'symbolic-ref', '--short', 'HEAD').trim()).toBe('aminata')
    expect(await page(aminata)).toContain('Second paragraphe.')
    expect(git(aminata, 'status', '--porcelain')).toBe('')
    // His comment, made on his version, is among her branch's comments.
    const comments = await listComments((await open(aminata)).context, 'aminata', PAGE_PATH)
    expect(comments.map((c) => [c.text, c.commit, c.outdated])).toEqual([
      ['Précisez la source.', kofiTip, false],
    ])
    // The received copy was taken in: it is not a second contribution to review.
    expect((await listReviews((await open(aminata)).context)).map((r) => r.branch)).toEqual([
      'aminata',
    ])
    sound(aminata)

    // She fixes and sends again; Kofi's import accepts it (it extends what he sent back).
    await writeFiles(aminata, {
      [PAGE_PATH]: (await page(aminata)).replace(
        'Troisième',
        'Source : Journal officiel. Troisième',
      ),
    })
    git(aminata, 'commit', '-q', '-am', 'Accès : la source')
    const second = path.join(exchange, 'aminata-2.bundle')
    await send(aminata, 'aminata', second)
    await receive(kofi, second)
    expect(git(kofi, 'rev-parse', 'recu/aminata')).toBe(git(aminata, 'rev-parse', 'aminata'))
    // Kofi is still on her contribution, where he fixed his word: its pages came along.
    expect(await page(kofi)).toContain('Source : Journal officiel.')
    expect(git(kofi, 'status', '--porcelain')).toBe('')

    const repository = await open(kofi)
    const outcome = await repository.run(
      (context, status) => approveAndIntegrate(context, status, 'recu/aminata', KOFI),
      { moves: true },
    )
    expect(outcome.kind).toBe('fast-forward')
    const published = git(kofi, 'show', `main:${PAGE_PATH}`)
    expect(published).toContain('Second paragraphe.')
    expect(published).toContain('Source : Journal officiel.')
    expect(git(kofi, 'log', '--notes=atelier', '--format=%N', 'main')).toContain(
      'Précisez la source.',
    )
    sound(kofi)
    sound(aminata)
  })

  it('when both moved, offers the reviewer’s fixes and merges them when asked', async () => {
    const { kofi, aminata, exchange } = await sentOnce()
    const back = await reviewerFixesAndComments(kofi, exchange)
    // Meanwhile Aminata recorded another version on another paragraph.
    await writeFiles(aminata, {
      [PAGE_PATH]: (await page(aminata)).replace('Troisième', 'Le troisième'),
    })
    git(aminata, 'commit', '-q', '-am', 'Accès : troisième')
    const mine = git(aminata, 'rev-parse', 'aminata').trim()

    const opened = await receive(aminata, back)
    expect(opened.returns).toEqual([{ received: 'recu/aminata', own: 'aminata', taken: null }])
    expect(git(aminata, 'rev-parse', 'aminata').trim()).toBe(mine)
    // Not taken in yet, his comment is already shown on her branch.
    const before = await listComments((await open(aminata)).context, 'aminata', PAGE_PATH)
    expect(before.map((c) => c.text)).toEqual(['Précisez la source.'])
    // Sending now would give Kofi a file his import refuses: she is told to take his fixes first.
    expect(await codeOf(send(aminata, 'aminata', path.join(exchange, 'trop-tot.bundle')))).toBe(
      'contribution-return-pending',
    )

    const repository = await open(aminata)
    const outcome = await repository.run(
      (context, status) => takeReviewerFixes(context, status, 'recu/aminata', AMINATA),
      { moves: true },
    )
    expect(outcome.kind).toBe('merged')
    const text = await page(aminata)
    expect(text).toContain('Second paragraphe.')
    expect(text).toContain('Le troisième')
    expect(git(aminata, 'status', '--porcelain')).toBe('')
    expect(gitStatusCode(aminata, 'rev-parse', '-q', '--verify', 'refs/heads/recu/aminata')).toBe(1)
    sound(aminata)

    const second = path.join(exchange, 'aminata-2.bundle')
    await send(aminata, 'aminata', second)
    await receive(kofi, second)
    expect(git(kofi, 'rev-parse', 'recu/aminata')).toBe(git(aminata, 'rev-parse', 'aminata'))
    sound(kofi)
  })

  it('with conflicting fixes, leaves the merge to the conflict flow', async () => {
    const { kofi, aminata, exchange } = await sentOnce()
    const back = await reviewerFixesAndComments(kofi, exchange)
    await writeFiles(aminata, { [PAGE_PATH]: (await page(aminata)).replace('Deuxième', 'Autre') })
    git(aminata, 'commit', '-q', '-am', 'Accès : autre mot')
    await receive(aminata, back)
    const repository = await open(aminata)
    const outcome = await repository.run(
      (context, status) => takeReviewerFixes(context, status, 'recu/aminata', AMINATA),
      { moves: true },
    )
    expect(outcome).toEqual({ kind: 'conflicts', conflicts: [PAGE_PATH] })
    expect(git(aminata, 'rev-parse', 'MERGE_HEAD')).toBe(git(aminata, 'rev-parse', 'recu/aminata'))
    expect((await listReviews((await open(aminata)).context)).map((r) => r.takeInto)).toContain(
      'aminata',
    )

    // She settles the page and saves the merge: the return is taken in, not listed again,
    // and her next file extends what Kofi sent.
    await writeFiles(aminata, { [PAGE_PATH]: PAGE.replace('Deuxième', 'Second') })
    git(aminata, 'commit', '-q', '-am', 'Fusion des corrections')
    expect((await listReviews((await open(aminata)).context)).map((r) => r.branch)).toEqual([
      'aminata',
    ])
    const second = path.join(exchange, 'aminata-2.bundle')
    await send(aminata, 'aminata', second)
    await receive(kofi, second)
    expect(git(kofi, 'rev-parse', 'recu/aminata')).toBe(git(aminata, 'rev-parse', 'aminata'))
    sound(kofi)
    sound(aminata)
  })

  it('a reviewer with unsaved changes on the received contribution is asked to save first; nothing changes', async () => {
    const { kofi, aminata, exchange } = await sentOnce()
    const back = await reviewerFixesAndComments(kofi, exchange)
    await receive(aminata, back)
    await writeFiles(aminata, {
      [PAGE_PATH]: (await page(aminata)).replace('Troisième', 'Le troisième'),
    })
    git(aminata, 'commit', '-q', '-am', 'Accès : troisième')
    const second = path.join(exchange, 'aminata-2.bundle')
    await send(aminata, 'aminata', second)

    await writeFiles(kofi, { [PAGE_PATH]: `${await page(kofi)}\nPas encore enregistré.\n` })
    const refs = git(kofi, 'for-each-ref', '--format=%(refname) %(objectname)')
    expect(await codeOf(receive(kofi, second))).toBe('unsaved-changes')
    expect(git(kofi, 'for-each-ref', '--format=%(refname) %(objectname)')).toBe(refs)
    expect(await page(kofi)).toContain('Pas encore enregistré.')
  })

  it('in a sparse checkout, only refs move: the fixes wait and no page is written', async () => {
    const { kofi, aminata, exchange } = await sentOnce()
    const back = await reviewerFixesAndComments(kofi, exchange)
    git(aminata, 'sparse-checkout', 'set', '--no-cone', '/aucune-page')
    const mine = git(aminata, 'rev-parse', 'aminata').trim()
    const opened = await receive(aminata, back)
    expect(opened.returns).toEqual([{ received: 'recu/aminata', own: 'aminata', taken: null }])
    expect(git(aminata, 'rev-parse', 'aminata').trim()).toBe(mine)
    expect(git(aminata, 'status', '--porcelain')).toBe('')
    sound(aminata)
  })
})
