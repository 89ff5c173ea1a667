/**
 * kramdown's regular expressions, translated from Ruby. Differences that
 * matter: Ruby's `\s` is ASCII whitespace only (a JavaScript `\s` would also
 * eat the no-break spaces of French typography), Ruby's `.` with /m is
 * `[\s\S]`, `\Z` is "end, or before a final newline", and Ruby's `^` is
 * always multi-line. Sources are kept as strings so they compose as in Ruby.
 */

/** Ruby `\s`. */
export const S = '[ \\t\\n\\v\\f\\r]'
/** Ruby `\S`. */
export const NS = '[^ \\t\\n\\v\\f\\r]'
/** Ruby `\Z` inside a multi-line pattern. */
export const END_Z = '(?=\\n?(?![\\s\\S]))'

/** A sticky pattern, for `check`/`scan`. */
export function sticky(source: string, flags = ''): RegExp {
  return new RegExp(source, 'my' + flags)
}
/** A global pattern, for `scan_until` and `String#scan`. */
export function global(source: string, flags = ''): RegExp {
  return new RegExp(source, 'mg' + flags)
}

export const OPT_SPACE = ' {0,3}'
export const INDENT = '^(?:\\t| {4})'
export const BLANK_LINE = `(?:^${S}*\\n)+`
export const EOB_MARKER = `^\\^${S}*?\\n`

// Attribute lists and extensions (extensions.rb).
export const ALD_ANY_CHARS = '(?:\\\\\\}|[^}])'
export const ALD_ID_NAME = '\\w[\\w-]*'
const ALD_CLASS_NAME = '[^ \\t\\n\\v\\f\\r.#]+'
const ALD_TYPE_KEY_VALUE_PAIR = `(${ALD_ID_NAME})=("|')((?:\\\\\\}|\\\\\\2|[^}\\x02])*?)\\2`
const ALD_TYPE_CLASS_NAME = `\\.(${ALD_CLASS_NAME})`
const ALD_TYPE_ID_NAME = '#([A-Za-z][\\w:-]*)'
export const ALD_TYPE_ID_OR_CLASS = `${ALD_TYPE_ID_NAME}|${ALD_TYPE_CLASS_NAME}`
const ALD_TYPE_ID_OR_CLASS_MULTI = `((?:${ALD_TYPE_ID_NAME}|${ALD_TYPE_CLASS_NAME})+)`
const ALD_TYPE_REF = `(${ALD_ID_NAME})`
export const ALD_TYPE_ANY = `(?:^|${S})(?:${ALD_TYPE_KEY_VALUE_PAIR}|${ALD_TYPE_REF}|${ALD_TYPE_ID_OR_CLASS_MULTI})(?=${S}|$)`
export const ALD_START = `^${OPT_SPACE}\\{:(${ALD_ID_NAME}):(${ALD_ANY_CHARS}+)\\}${S}*?\\n`
export const extStop = (name: string) => `\\{:/(${name})?\\}`
export const EXT_START_STR = `\\{::(\\w+)(?:${S}(${ALD_ANY_CHARS}*?)|)(\\/)?\\}`
export const EXT_BLOCK_START = `^${OPT_SPACE}(?:${EXT_START_STR}|${extStop(ALD_ID_NAME)})${S}*?\\n`
// Ruby builds this one in a double-quoted string, where "\s" is a plain space.
export const extBlockStop = (name: string) => `^${OPT_SPACE}${extStop(name)} *?\\n`
export const IAL_BLOCK = `\\{:(?!:|\\/)(${ALD_ANY_CHARS}+)\\}${S}*?\\n`
export const IAL_BLOCK_START = `^${OPT_SPACE}${IAL_BLOCK}`
export const EXT_SPAN_START = `${EXT_START_STR}|${extStop(ALD_ID_NAME)}`
export const IAL_SPAN_START = `\\{:(${ALD_ANY_CHARS}+)\\}`

// HTML (parser/html.rb).
export const UNAME =
  '(?:[A-Za-z_\\u00C0-\\uFFFF][\\w.\\-\\u00B7\\u00C0-\\uFFFF]*:)?[A-Za-z_\\u00C0-\\uFFFF][\\w.\\-\\u00B7\\u00C0-\\uFFFF]*'
const WORD = '[\\p{L}\\p{M}\\p{Nd}\\p{Pc}]'
export const HTML_COMMENT_RE = '<!--([\\s\\S]*?)-->'
export const HTML_INSTRUCTION_RE = '<\\?([\\s\\S]*?)\\?>'
export const HTML_ATTRIBUTE_RE = `${S}*(${UNAME})(?:${S}*=${S}*(?:(${WORD}+)|("|')([\\s\\S]*?)\\3))?`
/**
 * Ruby's `<((?>UNAME))\s*((?>\s+UNAME(?:…)?)*)\s*(\/)?>`: its atomic groups are
 * emulated with `(?=(…))\n` (a lookahead does not backtrack), so an attribute,
 * once matched, is never stretched to make the tag match (`<a href="/" {% if
 * x == "/" %}>` is no tag). A quoted value ends at its first closing quote, as
 * the lazy `("|').*?\3` does inside the atomic group. Groups: 1 name, 2
 * attributes, 4 the closing slash. Needs the `u` flag (WORD).
 */
export const HTML_TAG_RE = `<(?=(${UNAME}))\\1${S}*((?:(?=(${S}+${UNAME}(?:${S}*=${S}*(?:${WORD}+|"[^"]*"|'[^']*'))?))\\3)*)${S}*(\\/)?>`
export const HTML_TAG_CLOSE_RE = `<\\/(${UNAME})${S}*>`
export const HTML_ENTITY_RE = '&([\\w:][\\-\\w.:]*);|&#(\\d+);|&#x([0-9a-fA-F]+);'

export const HTML_SPAN_ELEMENTS = new Set(
  'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var'.split(
    ' ',
  ),
)
export const HTML_BLOCK_ELEMENTS = new Set(
  'address article aside applet body blockquote caption col colgroup dd div dl dt fieldset figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul'.split(
    ' ',
  ),
)
export const HTML_ELEMENTS_WITHOUT_BODY = new Set(
  'area base br col command embed hr img input keygen link meta param source track wbr'.split(' '),
)
const CONTENT_MODEL_BLOCK =
  'address applet article aside blockquote body dd details div dl fieldset figure figcaption footer form header hgroup iframe li main map menu nav noscript object section summary td'
const CONTENT_MODEL_SPAN =
  'a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt'
const CONTENT_MODEL_RAW = 'script style math option textarea pre code kbd samp var'
const CONTENT_MODEL = new Map<string, 'block' | 'span' | 'raw'>()
for (const n of CONTENT_MODEL_BLOCK.split(' ')) CONTENT_MODEL.set(n, 'block')
for (const n of CONTENT_MODEL_SPAN.split(' ')) CONTENT_MODEL.set(n, 'span')
for (const n of CONTENT_MODEL_RAW.split(' ')) CONTENT_MODEL.set(n, 'raw')
/** HTML_CONTENT_MODEL: unknown elements are raw. */
export function htmlContentModel(name: string): 'block' | 'span' | 'raw' {
  return CONTENT_MODEL.get(name) ?? 'raw'
}
/** HTML_ELEMENT: names kramdown knows (and lower-cases). */
export function isHtmlElement(name: string): boolean {
  return (
    HTML_SPAN_ELEMENTS.has(name) ||
    HTML_BLOCK_ELEMENTS.has(name) ||
    HTML_ELEMENTS_WITHOUT_BODY.has(name) ||
    CONTENT_MODEL.has(name)
  )
}

const LAZY_END_HTML_SPAN_ELEMENTS = [...HTML_SPAN_ELEMENTS, 'script'].join('|')
export const LAZY_END_HTML_START = `<(?!(?:${LAZY_END_HTML_SPAN_ELEMENTS})\\b)${UNAME}`
export const LAZY_END_HTML_STOP = `<\\/(?!(?:${LAZY_END_HTML_SPAN_ELEMENTS})\\b)${UNAME}${S}*>`
export const LAZY_END = `${BLANK_LINE}|${IAL_BLOCK_START}|${EOB_MARKER}|^${OPT_SPACE}${LAZY_END_HTML_STOP}|^${OPT_SPACE}${LAZY_END_HTML_START}|${END_Z}`

// Blocks.
export const PARAGRAPH_START = `^${OPT_SPACE}[^ \\t].*?\\n`
export const PARAGRAPH_MATCH = '^.*?\\n'
export const PATTERN_TAIL = '[\\t| ].*?\\n'
export const LIST_START_UL = `^(${OPT_SPACE}[+*-])(${PATTERN_TAIL})`
export const LIST_START_OL = `^(${OPT_SPACE}\\d+\\.)(${PATTERN_TAIL})`
export const LIST_START = `${LIST_START_UL}|${LIST_START_OL}`
export const DEFINITION_LIST_START = `^(${OPT_SPACE}:)(${PATTERN_TAIL})`
export const LIST_ITEM_IAL = `^${S}*(?:\\{:(?!(?:${ALD_ID_NAME})?:|\\/)(${ALD_ANY_CHARS}+)\\})${S}*`
export const LIST_ITEM_IAL_CHECK = `^(?:${LIST_ITEM_IAL})?${S}*\\n`
export const HR_START = `^${OPT_SPACE}(\\*|-|_)[ \\t]*\\1[ \\t]*\\1(\\1|[ \\t])*\\n`
export const BLOCKQUOTE_START = `^${OPT_SPACE}> ?`
export const ATX_HEADER_START = '^(?<level>#{1,6})[\\t ]+(?<contents>.*)\\n'
export const SETEXT_HEADER_START = `^${OPT_SPACE}(?<contents>[^ \\t].*)\\n(?<level>[-=])[-=]*[ \\t\\r\\f\\v]*\\n`
export const HEADER_ID =
  '[\\t ]\\{#(?<id>[:A-Z_a-z\\u00C0-\\uFFFF][-.:\\w\\u00B7\\u00C0-\\uFFFF]*)\\}$'
export const CODEBLOCK_MATCH = `(?:(?:${BLANK_LINE})?(?:${INDENT}[ \\t]*${NS}.*\\n)+(?:(?!${IAL_BLOCK_START}|${EOB_MARKER}|^${OPT_SPACE}${LAZY_END_HTML_STOP}|^${OPT_SPACE}${LAZY_END_HTML_START})^[ \\t]*${NS}.*\\n)*)*`
export const FENCED_CODEBLOCK_START = `^${OPT_SPACE}[~\`]{3,}`
export const FENCED_CODEBLOCK_MATCH = `^${OPT_SPACE}(([~\`]){3,})${S}*?((${NS}+?)(?:\\?${NS}*)?)?${S}*?\\n([\\s\\S]*?)^${OPT_SPACE}\\1\\2*${S}*?\\n`
export const TABLE_SEP_LINE = '^([+|: \\t-]*?-[+|: \\t-]*?)[ \\t]*\\n'
export const TABLE_HSEP_ALIGN = '[ \\t]?(:?)-+(:?)[ \\t]?'
export const TABLE_FSEP_LINE = '^[+|: \\t=]*?=[+|: \\t=]*?[ \\t]*\\n'
export const TABLE_ROW_LINE = '^(.*?)[ \\t]*\\n'
export const TABLE_PIPE_CHECK = '(?:\\||.*?[^\\\\\\n]\\|)'
export const TABLE_LINE = `${TABLE_PIPE_CHECK}.*?\\n`
export const TABLE_START = `^${OPT_SPACE}(?=${NS})${TABLE_LINE}`
// kramdown's own syntax (input: kramdown) where GFM replaces it: ATX headers without the
// space, fences of tildes only and not indented, paragraphs ended only by lazy ends and definitions.
export const KD_ATX_HEADER_START = '^(?<level>#{1,6})[\\t ]*(?<contents>[^ \\t].*)\\n'
export const KD_FENCED_CODEBLOCK_START = '^~{3,}'
export const KD_FENCED_CODEBLOCK_MATCH = `^((~){3,})${S}*?((${NS}+?)(?:\\?${NS}*)?)?${S}*?\\n([\\s\\S]*?)^\\1\\2*${S}*?\\n`
export const BLOCK_MATH_START = `^${OPT_SPACE}(\\\\)?\\$\\$([\\s\\S]*?)\\$\\$(${S}*?\\n)?`
export const FOOTNOTE_DEFINITION_START = `^${OPT_SPACE}\\[\\^(${ALD_ID_NAME})\\]:${S}*?(.*?\\n${CODEBLOCK_MATCH})`
export const LINK_DEFINITION_START = `^${OPT_SPACE}\\[([^\\n\\]]+)\\]:[ \\t]*(?:<(.*?)>|([^\\n]*?${NS}[^\\n]*?))(?:(?:[ \\t]*?\\n|[ \\t]+?)[ \\t]*?(["'])(.+?)\\4)?[ \\t]*?\\n`
export const ABBREV_DEFINITION_START = `^${OPT_SPACE}\\*\\[(.+?)\\]:(.*?)\\n`
export const HTML_BLOCK_START = `^${OPT_SPACE}<(${UNAME}|!--|\\/)`
export const BLOCK_EXTENSIONS_START = `^${OPT_SPACE}\\{:`
export const BLOCK_BOUNDARY = `${BLANK_LINE}|${EOB_MARKER}|${IAL_BLOCK_START}|${END_Z}`
