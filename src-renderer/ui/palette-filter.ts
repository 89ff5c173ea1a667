/** Accent- and case-insensitive matching, so `cote` finds « Côte d’Ivoire ». */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

/** Every word typed must appear somewhere in the candidate's text. */
export function matchesQuery(query: string, ...texts: string[]): boolean {
  const haystack = fold(texts.join(' '))
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word))
}
