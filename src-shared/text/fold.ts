/**
 * French-friendly matching: text folded for comparison, case and accents
 * dropped (« Égalité » and « egalite » fold alike), with a map back to the
 * original text so a match found in the folded text can be shown and
 * selected where it was written. Search, checks and the editor's reveal
 * share this one folding.
 */

/** One character folded: accents (combining marks after NFD) dropped, lower case; `œ` and `æ` spelled out. */
function foldChar(char: string): string {
  const plain = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  return plain === 'œ' ? 'oe' : plain === 'æ' ? 'ae' : plain
}

/**
 * Characters folded so far: a page repeats the same few accented letters, and normalising
 * each one again is most of the time a whole site's folding takes. Bounded for texts in
 * scripts with thousands of letters.
 */
const folded = new Map<string, string>()
function foldKnown(char: string): string {
  let out = folded.get(char)
  if (out === undefined) {
    out = foldChar(char)
    if (folded.size < 4096) folded.set(char, out)
  }
  return out
}

/**
 * Plain ASCII from tab up (control characters below it take the long way): folding is lower
 * case alone. Search folds whole sites, mostly ASCII, so runs of it are lowered at once.
 */
const NOT_ASCII = /[^\t-\u007f]/
const NOT_ASCII_RUN = /[^\t-\u007f]+/g

/** The text folded for comparison. */
export function fold(text: string): string {
  if (!NOT_ASCII.test(text)) return text.toLowerCase()
  let out = ''
  let last = 0
  for (const run of text.matchAll(NOT_ASCII_RUN)) {
    out += text.slice(last, run.index).toLowerCase()
    for (const char of run[0]) out += foldKnown(char)
    last = run.index + run[0].length
  }
  return out + text.slice(last).toLowerCase()
}

export interface FoldedText {
  folded: string
  /** For each UTF-16 index of `folded` (and its end), the index in the original text it came from. */
  origin: number[]
}

/** The text folded, with each folded index mapped back to the original. */
export function foldWithMap(text: string): FoldedText {
  let folded = ''
  const origin: number[] = []
  let index = 0
  for (const char of text) {
    const piece = foldKnown(char)
    for (let unit = 0; unit < piece.length; unit++) origin.push(index)
    folded += piece
    index += char.length
  }
  origin.push(index)
  return { folded, origin }
}

/** The original range of the folded range [from, to): whole characters, never half of a pair. */
export function originalRange(map: FoldedText, from: number, to: number): [number, number] {
  const start = map.origin[from]!
  // The end is the start of the next original character after the last folded unit.
  const last = map.origin[Math.max(from, to - 1)]!
  let next = Math.max(from + 1, to)
  while (next < map.origin.length - 1 && map.origin[next]! <= last) next++
  return [start, map.origin[next]!]
}
