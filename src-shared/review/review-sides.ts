/**
 * The two sides of a body marked with `<ins>`/`<del>`: what was there before
 * (insertions dropped, deletions kept as plain text) and what is there after
 * (the other way round), for the side-by-side view. The marks are never
 * nested (the word diff writes them flat), so a lazy match is exact.
 */
export function sideOf(marked: string, side: 'before' | 'after'): string {
  const drop = side === 'before' ? 'ins' : 'del'
  const keep = side === 'before' ? 'del' : 'ins'
  return marked
    .replace(new RegExp(`<${drop}\\b[^>]*>[\\s\\S]*?</${drop}>`, 'gi'), '')
    .replace(new RegExp(`</?${keep}\\b[^>]*>`, 'gi'), '')
}
