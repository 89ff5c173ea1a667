/** Folded candidates of a list used again and again (a site read's addresses). */
const foldedLists = new WeakMap<readonly string[], string[]>()

/**
 * The candidate closest to a misspelt name, when one is close enough to be what was meant
 * (at most a third of the name's letters differ), else null. Case and accents count as near.
 */
export function closest(wanted: string, candidates: Iterable<string>): string | null {
  const list = Array.isArray(candidates) ? (candidates as string[]) : [...candidates]
  let foldedList = foldedLists.get(list)
  if (!foldedList) {
    foldedList = list.map(fold)
    foldedLists.set(list, foldedList)
  }
  const folded = fold(wanted)
  const counts = letterCounts(folded)
  const limit = Math.max(2, Math.floor(folded.length / 3))
  let best: string | null = null
  let bestDistance = limit + 1
  foldedList.forEach((other, at) => {
    const candidate = list[at]!
    if (candidate === wanted) return
    if (Math.abs(other.length - folded.length) >= bestDistance) return
    // Each edit changes at most two letters' counts: a cheap bound skips most candidates.
    if (countsDistance(counts, other) / 2 >= bestDistance) return
    const distance = editDistance(folded, other, bestDistance)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  })
  return best
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

function letterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1)
  return counts
}

/** How many letters must be added or taken away to turn one text's letters into the other's. */
function countsDistance(counts: Map<string, number>, other: string): number {
  const left = new Map(counts)
  let extra = 0
  for (const char of other) {
    const have = left.get(char) ?? 0
    if (have > 0) left.set(char, have - 1)
    else extra++
  }
  let missing = 0
  for (const value of left.values()) missing += value
  return extra + missing
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
