import type { DiffLine } from '../../src-shared/diff/line-diff.js'

/** One row of a side-by-side comparison; a side is null where the other has extra lines. */
export interface DiffRow {
  before: DiffLine | null
  after: DiffLine | null
}

/** Pairs removed lines with the added lines that follow them, as VS Code's diff editor does. */
export function sideBySide(lines: DiffLine[]): DiffRow[] {
  const rows: DiffRow[] = []
  let removed: DiffLine[] = []
  let added: DiffLine[] = []
  const flush = () => {
    for (let index = 0; index < Math.max(removed.length, added.length); index++) {
      rows.push({ before: removed[index] ?? null, after: added[index] ?? null })
    }
    removed = []
    added = []
  }
  for (const line of lines) {
    if (line.kind === 'removed') {
      if (added.length) flush()
      removed.push(line)
    } else if (line.kind === 'added') {
      added.push(line)
    } else {
      flush()
      rows.push({ before: line, after: line })
    }
  }
  flush()
  return rows
}
