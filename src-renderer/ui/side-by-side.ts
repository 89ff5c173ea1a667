import { changesOnly, type DiffLine } from '../../src-shared/diff/line-diff.js'

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

/**
 * Runs of nearby changes: the changed lines with `context` unchanged lines around
 * them, cut where `changesOnly` left out an unchanged stretch.
 */
export function changeRuns(lines: DiffLine[], context = 1): DiffLine[][] {
  const runs: DiffLine[][] = [[]]
  for (const line of changesOnly(lines, context)) {
    if (line === null) runs.push([])
    else runs[runs.length - 1]!.push(line)
  }
  return runs
}
