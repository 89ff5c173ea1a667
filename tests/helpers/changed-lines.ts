/**
 * The region of lines that differ between two texts, after their common first
 * and last lines: enough to check that an edit touched only the lines it should.
 */
export function changedRegion(before: string, after: string) {
  const a = before.split('\n')
  const b = after.split('\n')
  let prefix = 0
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++
  let suffix = 0
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++
  return {
    identical: before === after,
    /** 0-based first changed line, and the end (exclusive) in the old and new text. */
    start: prefix,
    oldEnd: a.length - suffix,
    newEnd: b.length - suffix,
  }
}
