import type { MergeOutcome } from './types.js'

/**
 * What review shows, as it crosses from main to the renderer: contributions to
 * review, their rendered differences, the comments on them, and the files that
 * carry them between people. Main's `review/` modules build these.
 */

/** Where a contribution stands, as the « Relecture » view names it. */
export type ReviewStatus =
  'to-review' | 'commented' | 'changes-requested' | 'approved' | 'integrated'

export interface ReviewPerson {
  name: string
  email: string
}

/** One contribution to review: a received one (`recu/…`) or a local branch other than the main line. */
export interface ReviewSummary {
  branch: string
  tip: string
  /** Where it left the main line; null when they share no history. */
  base: string | null
  /** The author and date of its latest version. */
  author: ReviewPerson
  date: string
  pages: string[]
  status: ReviewStatus
  comments: number
  unresolved: number
  /**
   * For a reviewer's return of the user's own contribution (`recu/aminata` beside `aminata`)
   * whose versions `aminata` lacks: `aminata`, where « Reprendre les corrections » brings them.
   */
  takeInto: string | null
}

/** A comment on one block of a page, at the version it was made on. */
export interface ReviewComment {
  id: string
  commit: string
  author: ReviewPerson
  date: string
  path: string
  /** The block's position, a hash of its text (to find it again) and its first words. */
  block: { index: number; hash: string; excerpt: string }
  text: string
  replyTo: string | null
  resolved: boolean
  /** The block is no longer in the latest version of the page. */
  outdated?: boolean
}

export type FileChangeKind = 'added' | 'modified' | 'deleted' | 'renamed'

/** A setting of a page before and after, labelled as the form labels it. */
export interface ReviewField {
  key: string
  label: string
  before: string | null
  after: string | null
}

/** A file the contribution changes; for pages, what will be published, changes marked. */
export interface ReviewPage {
  path: string
  from?: string
  title: string
  change: FileChangeKind
  /** A page of the site (Markdown with front matter); false for images and other files. */
  page: boolean
  fields: ReviewField[]
  /** The body as it will be published, with `<ins>`/`<del>`; null for other files. */
  html: string | null
  images: { added: string[]; removed: string[] }
  /**
   * Where the preview shows the body in the site's look (set by the handler, as the preview's
   * origin serves it): changes marked inline, and each side alone for side by side.
   */
  frames?: { inline: string; before: string; after: string } | null
}

export interface ReviewDiff {
  branch: string
  base: string
  tip: string
  pages: ReviewPage[]
}

/** A contribution written to a file (« Envoyer ma contribution »). */
export interface SentContribution {
  file: string
  bytes: number
  prerequisites: string[]
  refs: { name: string; oid: string }[]
}

/** What opening a received file brought in. */
export interface ReceivedContribution {
  branches: { name: string; oid: string }[]
  notes: string | null
  /**
   * Returns of the user's own contributions (`recu/aminata` beside `aminata`): whether the
   * reviewer's versions were taken in (fast-forward, or already there), null when they wait
   * for « Reprendre les corrections » (both sides moved, or unsaved pages).
   */
  returns?: ReturnedFixes[]
}

export interface ReturnedFixes {
  received: string
  own: string
  taken: MergeOutcome | null
}
