/** One line of a comparison: kept, only in the first text, or only in the second. */
export interface DiffLine {
  kind: 'same' | 'removed' | 'added'
  text: string
}

/**
 * Line-by-line comparison (longest common subsequence), for showing what
 * differs between two versions of a page. Common first and last lines are
 * matched first, so a small change in a long page stays cheap.
 */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split(/\r\n|\n|\r/)
  const b = after.split(/\r\n|\n|\r/)
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const midA = a.slice(start, endA)
  const midB = b.slice(start, endB)
  // lengths[i][j]: LCS length of midA[i..] and midB[j..].
  const lengths = Array.from({ length: midA.length + 1 }, () => new Uint32Array(midB.length + 1))
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      lengths[i]![j] =
        midA[i] === midB[j]
          ? lengths[i + 1]![j + 1]! + 1
          : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!)
    }
  }
  const lines: DiffLine[] = a.slice(0, start).map((text) => ({ kind: 'same', text }))
  let i = 0
  let j = 0
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      lines.push({ kind: 'same', text: midA[i]! })
      i++
      j++
    } else if (
      i < midA.length &&
      (j === midB.length || lengths[i + 1]![j]! >= lengths[i]![j + 1]!)
    ) {
      // Removed lines before the added ones that replace them, as reviewers read a change.
      lines.push({ kind: 'removed', text: midA[i++]! })
    } else {
      lines.push({ kind: 'added', text: midB[j++]! })
    }
  }
  for (const text of a.slice(endA)) lines.push({ kind: 'same', text })
  return lines
}

/** The changed lines with `context` unchanged lines around each change. */
export function changesOnly(lines: DiffLine[], context = 1): (DiffLine | null)[] {
  const keep = lines.map((line, index) =>
    lines
      .slice(Math.max(0, index - context), index + context + 1)
      .some((near) => near.kind !== 'same'),
  )
  const out: (DiffLine | null)[] = []
  lines.forEach((line, index) => {
    if (keep[index]) out.push(line)
    else if (out.length && out[out.length - 1] !== null) out.push(null)
  })
  return out
}
