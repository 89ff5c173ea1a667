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
 * An overestimate that needs no parsing: every open bracket, every indentation step and
 * every `- `, `? ` or `: ` opening a line counts, in quotes and comments too. Linear time.
 */
export function tooDeeplyNested(yaml: string, limit = MAX_YAML_NESTING): number | null {
  const indents: number[] = []
  let brackets = 0
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
      let deepest = brackets
      for (; at < end; at++) {
        const char = yaml[at]
        if (char === '[' || char === '{') deepest = Math.max(deepest, ++brackets)
        else if ((char === ']' || char === '}') && brackets > 0) brackets--
      }
      if (depth + deepest > limit) return line
    }
    start = end + 1
    line++
  }
  return null
}
