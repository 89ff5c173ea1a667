/**
 * The words a line of Markdown shows once published, with a map back to where each was
 * written: emphasis marks, code ticks, link targets, HTML tags, Liquid tags and kramdown's
 * attribute lists are not text a reader sees, so search looks past them (« registre public »
 * finds `registre **public**` and `[registre](/r/) public`) and still selects the words
 * where they stand in the file.
 */
export interface VisibleText {
  text: string
  /** For each UTF-16 index of `text` (and its end), the index in the line it came from. */
  origin: number[]
}

/** `` `code` `` (any run of ticks, closed by the same run): its content is shown as written. */
const CODE_SPAN = /(`+)([\s\S]*?[^`])\1(?!`)/g
/** Liquid: `{% … %}` and `{{ … }}` render to something else, or to nothing. */
const LIQUID = /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g
/** kramdown's attribute lists `{: .note}` and footnote marks `[^1]`. */
const ATTRIBUTES = /\{:[^}\n]*\}|\[\^[^\]\s]+\]/g
/** An HTML tag or comment; an autolink `<https://…>` shows its address, so it is not one. */
const HTML_TAG = /<!--[\s\S]*?-->|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g
const AUTOLINK = /<((?:https?|ftp|mailto):[^<>\s]*)>/g
/** What follows a link's text: `(target "title")` or `[reference]`. */
const LINK_TAIL =
  /^\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)|^\]\[[^\]]*\]/
const WORD = /[\p{L}\p{N}]/u
const SPACE = /\s/
const ESCAPABLE = /[\\`*_{}[\]()#+\-.!:|"'<>=~^$]/

export function visibleText(line: string): VisibleText {
  const hidden = new Uint8Array(line.length)
  const hide = (from: number, to: number) => hidden.fill(1, from, to)
  /** Ranges shown exactly as written (code content), where no other rule applies. */
  const verbatim = new Uint8Array(line.length)
  for (const match of line.matchAll(CODE_SPAN)) {
    const at = match.index
    const ticks = match[1]!.length
    hide(at, at + ticks)
    hide(at + match[0].length - ticks, at + match[0].length)
    verbatim.fill(1, at + ticks, at + match[0].length - ticks)
  }
  const outsideCode = (at: number) => verbatim[at] === 0 && hidden[at] === 0
  for (const pattern of [LIQUID, ATTRIBUTES, HTML_TAG])
    for (const match of line.matchAll(pattern))
      if (outsideCode(match.index)) hide(match.index, match.index + match[0].length)
  for (const match of line.matchAll(AUTOLINK))
    if (outsideCode(match.index)) {
      hidden[match.index] = 1
      hidden[match.index + match[0].length - 1] = 1
      verbatim.fill(1, match.index + 1, match.index + match[0].length - 1)
    }
  hideLinkMarkup(line, hidden, verbatim)
  for (let at = 0; at < line.length; at++) {
    if (hidden[at] || verbatim[at]) continue
    const char = line[at]!
    if (char === '\\' && at + 1 < line.length && ESCAPABLE.test(line[at + 1]!)) {
      // The escaped mark is shown as itself, and nothing else reads it.
      hidden[at] = 1
      verbatim[at + 1] = 1
      at++
    } else if (char === '*' || char === '_' || (char === '~' && line[at + 1] === '~')) {
      const end = runEnd(line, at, char)
      // A mark with spaces on both sides opens and closes nothing (`2 * 3`): it is shown.
      const flanking = !SPACE.test(line[at - 1] ?? ' ') || !SPACE.test(line[end] ?? ' ')
      // Inside a word (`mot_composé`) an underscore is a letter; at a word's edge, emphasis.
      const inWord = char === '_' && WORD.test(line[at - 1] ?? '') && WORD.test(line[end] ?? '')
      if (flanking && !inWord) hide(at, end)
      at = end - 1
    }
  }
  let text = ''
  const origin: number[] = []
  for (let at = 0; at < line.length; at++) {
    if (hidden[at]) continue
    text += line[at]
    origin.push(at)
  }
  origin.push(line.length)
  return { text, origin }
}

function runEnd(line: string, at: number, char: string): number {
  let end = at
  while (line[end] === char) end++
  return end
}

/** `[text](target)` and `[text][ref]`: the brackets and what follows hidden; `![alt](src)` whole. */
function hideLinkMarkup(line: string, hidden: Uint8Array, verbatim: Uint8Array): void {
  const opens: number[] = []
  for (let at = 0; at < line.length; at++) {
    if (hidden[at] || verbatim[at] || line[at - 1] === '\\') continue
    if (line[at] === '[') opens.push(at)
    else if (line[at] === ']' && opens.length > 0) {
      const open = opens.pop()!
      const tail = LINK_TAIL.exec(line.slice(at))
      if (!tail) continue
      // An image shows a picture, not its description: all of it is markup to a search.
      if (line[open - 1] === '!') hidden.fill(1, open - 1, at + tail[0].length)
      hidden[open] = 1
      hidden.fill(1, at, at + tail[0].length)
      at += tail[0].length - 1
    }
  }
}
