/**
 * How deep quotes, lists, links and emphasis may nest before the rest is kept
 * as source. ProseMirror (`Node.fromJSON`), the DOM rendering and the
 * serializer recurse once per level, and each level costs the parser a pass
 * over its text: a hostile page 10,000 levels deep would overflow the stack
 * or take quadratic time. Real pages nest a handful of levels; what lies
 * beyond this limit is shown and written back as its exact text.
 */
export const MAX_NESTING = 100
