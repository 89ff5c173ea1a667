/**
 * Liquid blocks an excerpt opens but whose end lies past the cut (`{% if %}`
 * before the first blank line, `{% endif %}` after): Jekyll's `Excerpt`
 * appends the missing end tags, innermost first, so the excerpt still parses.
 */
const BLOCKS = new Set([
  'if',
  'unless',
  'for',
  'case',
  'capture',
  'raw',
  'comment',
  'tablerow',
  'highlight',
])

export function closeLiquidBlocks(head: string): string {
  if (!head.includes('{%')) return head
  const names = [...head.matchAll(/\{%-?\s*(\w+)\s*[\s\S]*?-?%\}/g)].map((match) => match[1]!)
  let closed = head
  for (const name of names.reverse()) {
    if (!BLOCKS.has(name)) continue
    if (new RegExp(`\\{%-?\\s*end${name}[\\s\\S]*?-?%\\}`).test(closed)) continue
    closed += `\n{% end${name} %}`
  }
  return closed
}
