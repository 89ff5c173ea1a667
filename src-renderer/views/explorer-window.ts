/**
 * The explorer draws only the rows in view (a guide of 4,400 pages is 4,400 rows): every row
 * has the same height and sits at its index × that height inside a spacer as tall as all the
 * rows, so the scroll bar and the scroll position are those of the whole list. These are the
 * sums behind it, kept apart from React so they can be tested alone.
 */

/** Rows drawn, from `start` (included) to `end` (excluded). */
export interface RowRange {
  start: number
  end: number
}

/** Where the list is scrolled and how much of it shows, in pixels. */
export interface Viewport {
  scrollTop: number
  height: number
}

/**
 * The rows in view, plus `overscan` rows on each side (drawn before they scroll in, so a fast
 * wheel does not show blank rows), within the `count` rows of the list.
 */
export function visibleRange(
  viewport: Viewport,
  rowHeight: number,
  count: number,
  overscan: number,
): RowRange {
  if (count === 0) return { start: 0, end: 0 }
  const first = Math.floor(Math.max(0, viewport.scrollTop) / rowHeight)
  const last = Math.ceil(
    (Math.max(0, viewport.scrollTop) + Math.max(0, viewport.height)) / rowHeight,
  )
  return {
    start: Math.min(count, Math.max(0, first - overscan)),
    end: Math.min(count, last + overscan),
  }
}

/**
 * The rows to draw: those of `range`, and the row holding the keyboard's tab stop wherever it
 * is, so that focus stays on it (and Tab comes back to it) while it is scrolled out of view.
 */
export function rowsToDraw(range: RowRange, keep: number): number[] {
  const drawn: number[] = []
  if (keep >= 0 && keep < range.start) drawn.push(keep)
  for (let row = range.start; row < range.end; row++) drawn.push(row)
  if (keep >= range.end) drawn.push(keep)
  return drawn
}

/**
 * The scroll position that shows row `row` whole, moving as little as possible (none when it
 * is already in view): what moving the focus to a row out of view does.
 */
export function scrollToReveal(row: number, rowHeight: number, viewport: Viewport): number {
  const top = row * rowHeight
  const bottom = top + rowHeight
  // A view shorter than a row shows the row's top.
  if (top < viewport.scrollTop || rowHeight > viewport.height) return top
  if (bottom > viewport.scrollTop + viewport.height) return bottom - viewport.height
  return viewport.scrollTop
}

/** How many rows Page Up and Page Down move: a view's worth, less one kept for context. */
export function rowsPerPage(height: number, rowHeight: number): number {
  return Math.max(1, Math.floor(height / rowHeight) - 1)
}

/**
 * Type-ahead: the first row after `from` (going round) whose label starts with `typed`,
 * accents and case aside; or the row at `from` when typing more letters still matches it.
 * -1 when none does.
 */
export function typeAheadMatch(labels: readonly string[], from: number, typed: string): number {
  const wanted = fold(typed)
  if (!wanted) return -1
  const count = labels.length
  // A longer prefix keeps the current row if it still matches; a first letter moves on.
  const startAt = typed.length > 1 ? 0 : 1
  for (let step = startAt; step < count + startAt; step++) {
    const row = (from + step) % count
    if (fold(labels[row]!).startsWith(wanted)) return row
  }
  return -1
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('fr')
}

/** Every row's height in pixels, as `.tree-row` in workbench.css draws it. */
export const ROW_HEIGHT = 22
