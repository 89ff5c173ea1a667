/**
 * The candidate closest to a misspelt name, when one is close enough to be what was meant
 * (at most a third of the name's letters differ), else null. Case and accents count as near.
 */
export function closest(wanted: string, candidates: Iterable<string>): string | null {
  const folded = fold(wanted)
  const limit = Math.max(2, Math.floor(folded.length / 3))
  let best: string | null = null
  let bestDistance = limit + 1
  for (const candidate of candidates) {
    if (candidate === wanted) continue
    const other = fold(candidate)
    if (Math.abs(other.length - folded.length) >= bestDistance) continue
    const distance = editDistance(folded, other, bestDistance)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Levenshtein distance, given up (returning `cap`) once every path costs `cap` or more. */
function editDistance(a: string, b: string, cap: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowBest = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      current.push(value)
      rowBest = Math.min(rowBest, value)
    }
    if (rowBest >= cap) return cap
    previous = current
  }
  return previous[b.length]!
}
