import { randomUUID } from 'node:crypto'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { blockExcerpt, pageBlocks, type PageBlock } from '../../src-shared/review/page-blocks.js'
import { appendToNote } from '../git/notes-tree.js'
import { readAtVersion } from '../git/read-version.js'
import type { RepositoryContext } from '../git/repository-context.js'
import { REVIEW_NOTES_REF } from '../git/review-refs.js'
import { contributionRecords, type ContributionRecords } from './contribution-records.js'
import {
  COMMENT_MAX_CHARS,
  serialiseRecord,
  type ReviewComment,
  type ReviewRecord,
} from './review-records.js'

/**
 * Comments on a contribution's pages, anchored to a block of a page at the
 * version they were made on. Shown on the tip's version of the page: at the
 * block with the same text (wherever it moved), else flagged `outdated` with
 * the block as it was.
 */
export async function listComments(
  context: RepositoryContext,
  branch: string,
  path?: string,
): Promise<ReviewComment[]> {
  const found = await contributionRecords(context, branch)
  const comments = commentsOf(found).filter((c) => path === undefined || c.path === path)
  const pages = new Map<string, PageBlock[]>()
  for (const comment of comments) {
    let blocks = pages.get(comment.path)
    if (!blocks) {
      blocks = await blocksAt(context, found.tip, comment.path)
      pages.set(comment.path, blocks)
    }
    const same = blocks.filter((b) => b.hash === comment.block.hash)
    if (same.length === 0) {
      comment.outdated = true
      continue
    }
    // Of several identical blocks, the one nearest to where the comment was made.
    const nearest = same.reduce((best, b) =>
      Math.abs(b.index - comment.block.index) < Math.abs(best.index - comment.block.index)
        ? b
        : best,
    )
    comment.block = { ...comment.block, index: nearest.index }
    comment.outdated = false
  }
  return comments
}

export async function addComment(
  context: RepositoryContext,
  request: { branch: string; path: string; blockIndex: number; text: string; replyTo?: string },
  author: { name: string; email: string },
): Promise<ReviewComment> {
  const text = request.text.trim()
  if (text === '') throw new AtelierError('invalid-input', 'empty comment')
  if (text.length > COMMENT_MAX_CHARS) throw new AtelierError('comment-too-long')
  const found = await contributionRecords(context, request.branch)
  if (request.replyTo !== undefined && !commentsOf(found).some((c) => c.id === request.replyTo)) {
    throw new AtelierError('comment-not-found', request.replyTo)
  }
  const blocks = await blocksAt(context, found.tip, request.path)
  const block = blocks[request.blockIndex]
  if (!block) throw new AtelierError('comment-block-not-found', request.path)
  const record: Extract<ReviewRecord, { kind: 'comment' }> = {
    kind: 'comment',
    id: randomUUID(),
    author: { name: author.name, email: author.email },
    date: new Date().toISOString(),
    path: request.path,
    block: { index: block.index, hash: block.hash, excerpt: blockExcerpt(block.text) },
    text,
    ...(request.replyTo === undefined ? {} : { replyTo: request.replyTo }),
  }
  await appendToNote(
    context,
    REVIEW_NOTES_REF,
    found.tip,
    [serialiseRecord(record)],
    author,
    `Relecture : commentaire sur ${request.path}`,
  )
  return toComment(found.tip, record, false)
}

/** Marks a comment's thread resolved (a reply resolves the comment it answers). */
export async function resolveComment(
  context: RepositoryContext,
  request: { branch: string; id: string },
  author: { name: string; email: string },
): Promise<void> {
  const found = await contributionRecords(context, request.branch)
  const comment = commentsOf(found).find((c) => c.id === request.id)
  if (!comment) throw new AtelierError('comment-not-found', request.id)
  const record: ReviewRecord = {
    kind: 'resolve',
    id: randomUUID(),
    comment: comment.replyTo ?? comment.id,
    author: { name: author.name, email: author.email },
    date: new Date().toISOString(),
  }
  await appendToNote(
    context,
    REVIEW_NOTES_REF,
    found.tip,
    [serialiseRecord(record)],
    author,
    'Relecture : commentaire résolu',
  )
}

/** The comments of a contribution, oldest first, each with its thread's resolution. */
export function commentsOf(found: ContributionRecords): ReviewComment[] {
  const resolved = new Set<string>()
  for (const { record } of found.records)
    if (record.kind === 'resolve') resolved.add(record.comment)
  const seen = new Set<string>()
  const comments: ReviewComment[] = []
  for (const { commit, record } of found.records) {
    // The same id twice (a copied line) is one comment.
    if (record.kind !== 'comment' || seen.has(record.id)) continue
    seen.add(record.id)
    comments.push(toComment(commit, record, resolved.has(record.replyTo ?? record.id)))
  }
  return comments
}

function toComment(
  commit: string,
  record: Extract<ReviewRecord, { kind: 'comment' }>,
  resolved: boolean,
): ReviewComment {
  return {
    id: record.id,
    commit,
    author: { name: record.author.name, email: record.author.email },
    date: record.date,
    path: record.path,
    block: { ...record.block },
    text: record.text,
    replyTo: record.replyTo ?? null,
    resolved,
  }
}

async function blocksAt(
  context: RepositoryContext,
  version: string,
  path: string,
): Promise<PageBlock[]> {
  const bytes = await readAtVersion(context, version, path)
  return bytes === null ? [] : pageBlocks(Buffer.from(bytes).toString('utf8'))
}
