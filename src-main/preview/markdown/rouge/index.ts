/**
 * The Rouge lexers ported so far, by the names `Rouge::Lexer.find` knows
 * them (tag and aliases, case-sensitive), and highlighting with them.
 */
import { ROUGE_LEXERS } from '../rouge-lexers.js'
import { CssLexer } from './css.js'
import { formatHtml } from './html-formatter.js'
import { HtmlLexer } from './html.js'
import { JavascriptLexer } from './javascript.js'
import { JsonLexer } from './json.js'
import { LiquidLexer } from './liquid.js'
import { MarkdownLexer } from './markdown.js'
import { PlainTextLexer } from './plaintext.js'
import type { Lexer } from './regex-lexer.js'
import { lex } from './regex-lexer.js'
import { ShellLexer } from './shell.js'
import { XmlLexer } from './xml.js'
import { YamlLexer } from './yaml.js'

const LEXERS: Record<string, () => Lexer> = {}
function register(names: string, make: () => Lexer): void {
  for (const name of names.split(' ')) LEXERS[name] = make
}
register('plaintext text', () => new PlainTextLexer())
register('yaml yml', () => new YamlLexer())
register('json', () => new JsonLexer())
register('html', () => new HtmlLexer())
register('xml', () => new XmlLexer())
register('shell bash zsh ksh sh', () => new ShellLexer())
register('javascript js', () => new JavascriptLexer())
register('css', () => new CssLexer())
register('liquid', () => new LiquidLexer())
register('markdown md mkd', () => new MarkdownLexer(findFancy))

/** A new lexer for a Rouge lexer name, or null when that lexer is not ported. */
export function portedLexer(name: string): Lexer | null {
  return Object.hasOwn(LEXERS, name) ? LEXERS[name]!() : null
}

/**
 * What Rouge's `Lexer.guess` would surely give for code no lexer claims:
 * plain text. Code with a shebang, a doctype, an XML declaration, a YAML
 * directive, an `<html>` tag or an editor modeline may be claimed by one of
 * Rouge's ~40 detecting lexers, which are not ported: it is written as plain
 * text too, which may differ from Rouge.
 */
function guess(): Lexer {
  return new PlainTextLexer()
}

/**
 * `Lexer.find_fancy(name, code)` as the Markdown lexer uses it for fenced
 * code: a ported lexer, plain text for a lexer Rouge has but that is not
 * ported (not exact), or null when Rouge has no such lexer.
 */
function findFancy(name: string, _code: string | undefined): Lexer | null {
  const base = name.split('?')[0]!
  if (base === 'guess') return guess()
  return portedLexer(base) ?? (ROUGE_LEXERS.has(base) ? new PlainTextLexer() : null)
}

/**
 * Rouge's HTML for `code` lexed as `name`, or null when the lexer is not
 * ported — or when lexing fails where Rouge would raise (an emptied state
 * stack), which would stop Jekyll's build: the preview then shows the code
 * plain.
 */
export function highlightTokens(code: string, name: string): string | null {
  const lexer = portedLexer(name)
  if (!lexer) return null
  try {
    return formatHtml(lex(lexer, code))
  } catch {
    return null
  }
}
