import { Lexer } from 'yaml'

/**
 * How deep YAML may nest before the parser is asked. The yaml package composes nested
 * collections by recursion with no limit of its own: some 900 nested `[` overflow the stack,
 * and when the overflow lands in V8's regular-expression compiler the process dies (a fatal
 * out-of-memory error, not an exception) — with a hostile page, the whole app. libyaml, which
 * Jekyll's Psych uses, stops at 1,000 levels; settings never come near 200.
 */
export const MAX_YAML_NESTING = 200

/**
 * The 1-based line of `yaml` where nesting first goes deeper than `limit`, or null.
 * An overestimate without parsing: every indentation step and every `- `, `? ` or `: `
 * opening a line counts, plus the brackets open on that line. Brackets are counted on
 * the yaml package's own lexer tokens (a generator, no recursion, linear time), so a
 * `]` inside quotes, a comment or a block scalar never closes one: counted by
 * characters, `["]",` repeated hid any nesting from this check.
 */
export function tooDeeplyNested(yaml: string, limit = MAX_YAML_NESTING): number | null {
  const brackets = bracketDepthByLine(yaml)
  const indents: number[] = []
  let line = 1
  let start = 0
  while (start <= yaml.length) {
    let end = yaml.indexOf('\n', start)
    if (end < 0) end = yaml.length
    let at = start
    while (at < end && (yaml[at] === ' ' || yaml[at] === '\t')) at++
    if (at < end && yaml[at] !== '\r') {
      const indent = at - start
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop()
      indents.push(indent)
      let depth = indents.length
      while (at + 1 < end && '-?:'.includes(yaml[at]!) && yaml[at + 1] === ' ') {
        depth++
        at += 2
        while (at < end && yaml[at] === ' ') at++
      }
      if (depth + (brackets.get(line) ?? 0) > limit) return line
    }
    start = end + 1
    line++
  }
  return null
}

/** For each line where a flow collection is open, the deepest its brackets go there. */
function bracketDepthByLine(yaml: string): Map<number, number> {
  const deepest = new Map<number, number>()
  // No `[` or `{` anywhere, no flow collection: the lexer would find none (most front matter).
  if (!/[[{]/.test(yaml)) return deepest
  let depth = 0
  let line = 1
  for (const token of new Lexer().lex(yaml)) {
    if (token === '[' || token === '{') {
      depth++
      if (depth > (deepest.get(line) ?? 0)) deepest.set(line, depth)
    } else if ((token === ']' || token === '}') && depth > 0) {
      depth--
    } else {
      for (let at = token.indexOf('\n'); at >= 0; at = token.indexOf('\n', at + 1)) {
        line++
        // A collection still open carries its depth onto the next line.
        if (depth > 0) deepest.set(line, depth)
      }
    }
  }
  return deepest
}
