import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { SiteProblem } from '../../src-shared/api/types.js'
import { readPageText } from '../site/front-matter.js'
import { checkAddresses } from './check-addresses.js'
import { checkLayouts } from './check-layouts.js'
import type { CheckContext } from './check-context.js'
import { checkOnePage } from './check-page.js'
import { checkPages, pagesOf, readCheckContext, type PageCheck } from './check-site.js'
import { compareProblems } from './site-problem.js'

type Listener = (problems: SiteProblem[]) => void

/**
 * « Problèmes » for the whole guide, kept in the background: a full check after the folder
 * opens, then, a moment after changes settle, the changed pages and the pages whose links
 * name them (a page added or removed, or any other file, checks everything again). Runs one
 * at a time and never holds a save up: saves only note what changed. The open page is also
 * checked as typed (`checkText`), against the site as last read.
 */
export class CheckService {
  private context: CheckContext | null = null
  private readonly byPage = new Map<string, PageCheck>()
  private current: SiteProblem[] = []
  private readonly listeners = new Set<Listener>()
  private readonly changed = new Set<string>()
  /** Of the changed files, those whose text alone changed (a save with the same settings). */
  private readonly textOnly = new Set<string>()
  private everything = false
  private started = false
  private timer: ReturnType<typeof setTimeout> | null = null
  private running: Promise<void> | null = null
  private firstRun: Promise<void> | null = null
  private closed = false

  constructor(
    private readonly root: string,
    /** How long changes must settle before a check (ms). */
    private readonly delay = 300,
  ) {}

  /** The first full check (idempotent): after the folder opens, or when first asked. */
  start(): Promise<void> {
    if (!this.started) {
      this.started = true
      this.everything = true
      this.firstRun = this.runNow()
    }
    return this.firstRun!
  }

  /**
   * Files changed (saved here or by another program): checked again once changes settle. A
   * change of a page's text alone (`textOnly`: same settings, so same address) keeps the site as
   * read and takes the page's new body; any other change reads the site again.
   */
  noteChanged(changes: readonly (string | { path: string; textOnly?: boolean })[]): void {
    if (!this.started || this.closed) return
    for (const change of changes) {
      const file = typeof change === 'string' ? change : change.path
      const textOnly = typeof change !== 'string' && change.textOnly === true
      if (textOnly && (!this.changed.has(file) || this.textOnly.has(file))) this.textOnly.add(file)
      else this.textOnly.delete(file)
      this.changed.add(file)
    }
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.runNow()
    }, this.delay)
  }

  /** Every problem known, errors first. */
  problems(): SiteProblem[] {
    return this.current
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** A page's text as the editor holds it, not saved: its problems against the site as read. */
  async checkText(path: string, text: string): Promise<SiteProblem[]> {
    await this.start()
    if (!this.context) return []
    return checkOnePage(this.context, path, text)
  }

  /** Resolves when no check is waiting or running (for tests and the CLI). */
  async idle(): Promise<void> {
    while (this.running || this.timer) {
      if (this.running) await this.running
      else await new Promise((resolve) => setTimeout(resolve, this.delay))
    }
  }

  close(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.listeners.clear()
  }

  private async runNow(): Promise<void> {
    // One at a time: changes noted meanwhile wait for the next run.
    while (this.running) await this.running
    if (this.closed) return
    this.running = this.run().finally(() => {
      this.running = null
    })
    return this.running
  }

  private async run(): Promise<void> {
    const changed = [...this.changed]
    const textOnly = changed.every((file) => this.textOnly.has(file))
    const everything = this.everything
    this.changed.clear()
    this.textOnly.clear()
    this.everything = false
    let context: CheckContext
    try {
      const previous = this.context
      context =
        !everything && textOnly && previous
          ? await withNewBodies(previous, changed).catch(() => readCheckContext(this.root))
          : await readCheckContext(this.root)
    } catch {
      // A site that cannot be read at all: its settings problems say why.
      return
    }
    if (this.closed) return
    const previous = this.context
    const pages = pagesOf(context.index)
    const sameDocuments =
      previous !== null &&
      previous.index.documents.size === context.index.documents.size &&
      pages.every((page) => previous.index.documents.has(page))
    const onlyPages = changed.every((file) => context.index.documents.has(file))
    let toCheck: Iterable<string>
    if (everything || !sameDocuments || !onlyPages) {
      this.byPage.clear()
      toCheck = pages
    } else {
      const touched = new Set(changed)
      for (const [page, check] of this.byPage)
        if (check.targets.some((target) => changed.includes(target))) touched.add(page)
      toCheck = touched
    }
    for (const [page, check] of await checkPages(context, toCheck)) this.byPage.set(page, check)
    if (this.closed) return
    this.context = context
    this.current = [
      ...[...this.byPage.values()].flatMap((check) => check.problems),
      ...checkAddresses(context.index),
      ...checkLayouts(context),
    ].sort(compareProblems)
    for (const listener of this.listeners) listener(this.current)
  }
}

/**
 * The site as last read, with the new bodies of pages whose text alone changed: their
 * addresses and settings are the same, only their headings (for anchors) may differ.
 */
async function withNewBodies(
  context: CheckContext,
  paths: readonly string[],
): Promise<CheckContext> {
  for (const page of paths) {
    const doc = context.index.documents.get(page)
    if (!doc) continue
    const { body, bodyLine } = readPageText(
      await readFile(path.join(context.index.site.root, page), 'utf8'),
    )
    doc.body = body
    doc.bodyLine = bodyLine
    context.headings.forget(page)
  }
  return context
}
