/**
 * A deliberately rough reading of a Markdown body into display blocks, so a
 * page can be read as text before the lossless editor lands. It never writes
 * anything back; the real conversion lives in `src-shared` (lossless issue).
 */
export type ReadingBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'quote'; text: string }
  | { kind: 'source'; text: string }
  | { kind: 'rule' }

export function readingBlocks(body: string): ReadingBlock[] {
  const blocks: ReadingBlock[] = []
  const chunks = body.replace(/\r\n?/g, '\n').split(/\n{2,}/)
  for (const raw of chunks) {
    const chunk = raw.replace(/^\n+|\s+$/g, '')
    if (!chunk) continue
    const heading = /^(#{1,6})\s+(.*)$/.exec(chunk)
    if (heading && !chunk.includes('\n')) {
      blocks.push({
        kind: 'heading',
        level: heading[1]!.length,
        text: inline(heading[2]!.replace(/\s+#+\s*$/, '')),
      })
    } else if (/^(\*\s*){3,}$|^(-\s*){3,}$/.test(chunk)) {
      blocks.push({ kind: 'rule' })
    } else if (/^\s*([*+-]|\d+[.)])\s+/.test(chunk)) {
      const ordered = /^\s*\d/.test(chunk)
      const items = chunk
        .split(/\n(?=\s*(?:[*+-]|\d+[.)])\s+)/)
        .map((item) => inline(item.replace(/^\s*(?:[*+-]|\d+[.)])\s+/, '').replace(/\n\s*/g, ' ')))
      const last = blocks[blocks.length - 1]
      if (last?.kind === 'list' && last.ordered === ordered) last.items.push(...items)
      else blocks.push({ kind: 'list', ordered, items })
    } else if (chunk.startsWith('>')) {
      blocks.push({ kind: 'quote', text: inline(chunk.replace(/^>\s?/gm, '').replace(/\n/g, ' ')) })
    } else if (/^(\{[%{:]|<|```|~~~|\s{4})/.test(chunk)) {
      blocks.push({ kind: 'source', text: chunk })
    } else {
      blocks.push({ kind: 'paragraph', text: inline(chunk.replace(/\n/g, ' ')) })
    }
  }
  return blocks
}

/** Strips inline Markdown marks, keeping the words. */
function inline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\{:[^}]*\}/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .trim()
}
