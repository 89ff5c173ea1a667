import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { mergeNotes } from '../../src-main/git/notes-tree.js'
import { Repository } from '../../src-main/git/repository.js'
import { listComments } from '../../src-main/review/comments.js'
import { median, row } from './measure.js'

/**
 * Review notes on a repository of 2,000 versions, each with a note (so git
 * fans the notes tree out): merging two notes histories that both changed
 * 300 notes, beside `git notes merge -s cat_sort_uniq`; and a contribution's
 * comments read, beside `git log --notes` over the same versions.
 */
export async function benchReviewNotes(runs: number): Promise<void> {
  console.log('\nReview notes (isomorphic-git) vs native git')
  const dir = await mkdtemp(path.join(os.tmpdir(), 'atelier-bench-notes-'))
  try {
    const run = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_CONFIG_GLOBAL: '/dev/null',
          GIT_AUTHOR_NAME: 'Banc',
          GIT_AUTHOR_EMAIL: 'banc@example.org',
          GIT_COMMITTER_NAME: 'Banc',
          GIT_COMMITTER_EMAIL: 'banc@example.org',
        },
        maxBuffer: 1 << 26,
      })
    run('init', '-q', '-b', 'main')
    execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: history(2000, 20) })
    run('checkout', '-q', 'main')
    const repository = await Repository.find(dir)
    if (!repository) throw new Error('no repository')
    const context = repository.context
    const author = { name: 'Banc', email: 'banc@example.org' }
    const ours = run('rev-parse', 'refs/notes/ours').trim()

    const merge = await median(runs, async () => {
      run('update-ref', 'refs/notes/atelier', ours)
      await mergeNotes(context, 'refs/notes/atelier', 'refs/notes/theirs', author, 'fusion')
    })
    const nativeMerge = await median(runs, async () => {
      run('update-ref', 'refs/notes/atelier', ours)
      run('notes', '--ref=atelier', 'merge', '-q', '-s', 'cat_sort_uniq', 'refs/notes/theirs')
    })
    console.log(
      row('merge 2 notes histories (300 notes each side)', merge, nativeMerge, 'git notes merge'),
    )

    const comments = await median(runs, () => listComments(context, 'aminata'))
    const nativeLog = await median(runs, async () =>
      run('log', '--notes=atelier', '--format=%H%n%N', 'main..aminata'),
    )
    console.log(
      row('comments of a 20-version contribution', comments, nativeLog, 'git log --notes'),
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * A fast-import stream: `versions` commits on main, `own` more on `aminata`,
 * notes on all of them (refs/notes/ours), then both note refs changing 300
 * notes each from there (refs/notes/ours and refs/notes/theirs).
 */
function history(versions: number, own: number): string {
  const lines: string[] = []
  const data = (text: string) => lines.push(`data ${Buffer.byteLength(text)}`, text)
  const who = 'committer Banc <banc@example.org> 1700000000 +0000'
  for (let i = 1; i <= versions + own; i++) {
    // One version a minute, as a real history is dated.
    const when = `committer Banc <banc@example.org> ${1_600_000_000 + i * 60} +0000`
    lines.push(`commit refs/heads/${i <= versions ? 'main' : 'aminata'}`, `mark :${i}`, when)
    data(`v${i}`)
    if (i === versions + 1) lines.push('from :' + versions)
    lines.push(`M 644 inline page.md`)
    data(`---\ntitle: Page\n---\n\nParagraphe ${i}.\n\nFin.\n`)
  }
  const comment = (i: number, side: string) =>
    JSON.stringify({
      kind: 'comment',
      id: `${side}-${i}`,
      author: { name: 'Banc', email: 'banc@example.org' },
      date: new Date(1_700_000_000_000 + i).toISOString(),
      path: 'page.md',
      block: { index: 1, hash: 'a'.repeat(40), excerpt: 'Paragraphe' },
      text: `Commentaire ${i}`,
    }) + '\n'
  lines.push('commit refs/notes/ours', `mark :${versions + own + 1}`, who)
  data('notes')
  for (let i = 1; i <= versions + own; i++) {
    lines.push(`N inline :${i}`)
    data(comment(i, 'base'))
  }
  for (const side of ['theirs', 'ours']) {
    lines.push(`commit refs/notes/${side}`, who)
    data(side)
    lines.push(`from :${versions + own + 1}`)
    for (let i = side === 'ours' ? 1 : 151; i <= (side === 'ours' ? 300 : 450); i++) {
      lines.push(`N inline :${versions + own + 1 - i}`)
      data(comment(versions + own + 1 - i, 'base') + comment(i, side))
    }
  }
  return lines.join('\n') + '\n'
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchReviewNotes(Number(process.argv[2] ?? 5))
}
