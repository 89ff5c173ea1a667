import { toValueSync, type Context, type Liquid } from 'liquidjs'

/**
 * `where`, `sort` and `sort_natural` worked out once per array and arguments, for
 * as long as the engine renders one reading of the site.
 *
 * A layout asking `site.documents | where: "slug", page.theme` runs that filter
 * over every document on every page: n² property reads for n pages, through a
 * LiquidJS context made per item. The site's arrays and their items do not
 * change while a site is rendered (the drops' lazy fields are worked out once),
 * and Liquid cannot modify an array (`push` and its kind return new ones), so
 * the same array with the same arguments gives the same result: it is kept by
 * the array's identity. Arguments must be plain values; a property read through
 * `content`, `output` or `excerpt` is never kept, since a document's own
 * rendering sees its raw body there. The memory limit is charged as if the
 * filter had run.
 */
export function memoizeSiteFilters(engine: Liquid): void {
  const filters = engine.filters as Record<string, Filter>
  for (const name of ['where', 'sort', 'sort_natural']) {
    const original = filters[name]
    if (!original) continue
    const known = new WeakMap<unknown[], Map<string, unknown>>()
    filters[name] = function (this: { context: Context }, input: unknown, ...args: unknown[]) {
      const key = Array.isArray(input) && this.context.sync ? keyOf(args) : null
      if (key === null) return original.call(this, input, ...args)
      const array = input as unknown[]
      let results = known.get(array)
      if (!results) {
        results = new Map()
        known.set(array, results)
      }
      if (results.has(key)) {
        this.context.memoryLimit.use(array.length)
        return results.get(key)
      }
      const result = toValueSync(original.call(this, input, ...args))
      results.set(key, result)
      return result
    }
  }
}

type Filter = (this: { context: Context }, ...args: unknown[]) => unknown

/** Fields whose value depends on which document is being rendered, anywhere in a property path. */
const UNSTABLE = /\b(?:content|output|excerpt)\b/

/** The arguments as a key, or null when they are not all plain values. */
function keyOf(args: readonly unknown[]): string | null {
  const [property] = args
  if (typeof property === 'string' && UNSTABLE.test(property)) return null
  let key = ''
  for (const arg of args) {
    if (arg !== null && typeof arg === 'object') return null
    if (typeof arg === 'function' || typeof arg === 'symbol') return null
    key += `${typeof arg}:${String(arg)}\u0000`
  }
  return key
}
