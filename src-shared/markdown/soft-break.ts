/**
 * A soft line break of a hard-wrapped paragraph, as the editor holds it: one
 * character of the text, FOUR-PER-EM SPACE (U+2005). It shows as a space, so
 * the text flows like in a word processor, and offers a line break like one,
 * yet is told apart from the spaces the author typed, so it is written back as
 * the line break it was and editing one word of a wrapped paragraph changes one
 * line. A character rather than a node: an element per source line (with its
 * `contenteditable=false` island) made every keystroke on a long page cost
 * about half as much again in the browser's own work.
 *
 * The character itself almost never occurs in Markdown; where it does, the
 * inline parser keeps it as a source chip, so the text never holds it by chance.
 */
export const SOFT_BREAK = '\u2005'

const SOFT_BREAKS = /\u2005/g

/** The text with its soft breaks as the line breaks they stand for. */
export function softBreaksToLines(text: string): string {
  return text.includes(SOFT_BREAK) ? text.replace(SOFT_BREAKS, '\n') : text
}

/** The text with its soft breaks as the spaces they show (what a reader copies). */
export function softBreaksToSpaces(text: string): string {
  return text.includes(SOFT_BREAK) ? text.replace(SOFT_BREAKS, ' ') : text
}
