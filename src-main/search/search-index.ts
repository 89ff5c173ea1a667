import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { PageIndexSnapshot } from '../../src-shared/api/types.js'
import { decodePage } from '../../src-shared/markdown/page-bytes.js'
import { fold } from '../../src-shared/text/fold.js'
import { visibleText } from '../../src-shared/text/visible-text.js'
import { unlessNotFound } from '../fs/not-found.js'
import type { WorkspaceChange } from '../workspace/workspace-change.js'
import { searchLines, type SearchLine } from './page-lines.js'

/** One page as search reads it: its searchable lines, and all of them folded in one string. */
export interface IndexedPage {
  path: string
  title: string
  collection: string
  lines: SearchLine[]
  /**
   * Every searchable line folded, joined by `\n` (a query never holds one): one scan per page.
   * A body line with markup is there twice: as written (`{% link`), and as shown (its words
   * past emphasis marks, link targets and tags, `visible-text.ts`).
   */
  folded: string
  /** Where each of those pieces starts in `folded`. */
  starts: number[]
  /** The line (index in `lines`) each piece is of. */
  lineOf: number[]
}

/** What the index reads: the workspace's page listing and its files. */
export interface SearchSource {
  root: string
  pages(): Promise<PageIndexSnapshot>
}

type Text = Pick<IndexedPage, 'lines' | 'folded' | 'starts' | 'lineOf'>

/** A page's text folded for search (an empty page, or one that is not text, finds nothing). */
export function indexText(text: string | null): Text {
  const lines = text === null ? [] : searchLines(text)
  const starts: number[] = []
  const lineOf: number[] = []
  let folded = ''
  const add = (piece: string, line: number) => {
    if (starts.length > 0) folded += '\n'
    starts.push(folded.length)
    lineOf.push(line)
    folded += piece
  }
  lines.forEach((line, at) => {
    const written = fold(line.text)
    add(written, at)
    if (line.settings) return
    const shown = fold(visibleText(line.text).text)
    if (shown !== written) add(shown, at)
  })
  return { lines, folded, starts, lineOf }
}

/**
 * The searchable text of every page of a workspace, read once and then kept up to date from
 * the workspace's changes: a saved, created, renamed or deleted page is read again (or
 * dropped) at the next query; the others are not read again. Titles and collections come
 * from the page index, which keeps itself up to date the same way.
 */
export class SearchIndex {
  private readonly texts = new Map<string, Text>()
  /** Bumped on each change of a path, so a read that a change overtook is not kept. */
  private readonly generations = new Map<string, number>()
  /** Files read during the last `pages()`: lets tests and the benchmark see the index work. */
  lastReads = 0
  /** The last answer, and the listing it was made from: kept until a change or a new listing. */
  private answer: { listing: PageIndexSnapshot; pages: IndexedPage[] } | null = null
  /** Bumped on every change told. */
  private changesTold = 0

  constructor(private readonly source: SearchSource) {}

  /** Forgets what changed: those pages are read again when next searched. */
  noteChanged(changes: readonly WorkspaceChange[]): void {
    this.answer = null
    this.changesTold++
    for (const change of changes) {
      this.texts.delete(change.path)
      this.generations.set(change.path, (this.generations.get(change.path) ?? 0) + 1)
    }
  }

  /** Every page of the workspace with its text, in the page index's order. */
  async pages(): Promise<IndexedPage[]> {
    const told = this.changesTold
    const listing = await this.source.pages()
    this.lastReads = 0
    if (this.answer?.listing === listing) return this.answer.pages
    const { pages } = listing
    const listed = new Set(pages.map((page) => page.path))
    for (const known of this.texts.keys()) if (!listed.has(known)) this.texts.delete(known)
    const missing = pages.filter((page) => !this.texts.has(page.path))
    this.lastReads = missing.length
    await Promise.all(missing.map((page) => this.read(page.path)))
    const answer = pages.map((page) => ({
      path: page.path,
      title: page.title,
      collection: page.collection,
      ...(this.texts.get(page.path) ?? indexText(null)),
    }))
    // A change told while the pages were read makes this answer stale: it is not kept.
    if (this.changesTold === told) this.answer = { listing, pages: answer }
    return answer
  }

  private async read(file: string): Promise<void> {
    // A page changed while it was read is read again (a few times: then its last read is kept).
    for (let attempt = 0; attempt < 3; attempt++) {
      const generation = this.generations.get(file) ?? 0
      // The page index lists files found by its walk through the gate: they are inside.
      const bytes = await unlessNotFound(readFile(path.join(this.source.root, file)))
      const decoded = bytes === null ? null : decodePage(bytes)
      this.texts.set(file, indexText(decoded?.ok ? decoded.text : null))
      if ((this.generations.get(file) ?? 0) === generation) return
    }
  }
}
