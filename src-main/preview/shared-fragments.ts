import {
  AssignTag,
  BreakTag,
  CaptureTag,
  CommentTag,
  Context,
  Drop,
  ContinueTag,
  EchoTag,
  ForTag,
  IfTag,
  IncludeTag,
  InlineCommentTag,
  LiquidTag,
  RawTag,
  Tag,
  UnlessTag,
  defaultOperators,
  isTruthy,
  toValueSync,
  type Emitter,
  type Liquid,
  type Template,
} from 'liquidjs'

/**
 * Shared fragments: an include rendered once per site, then filled in for each page.
 *
 * A theme's navigation lists every page of the site on every page, so a site of n
 * pages renders n² links (Jekyll does; its build time grows with the square). Most
 * of such an include does not depend on the page: only a few tests do
 * (`{% if page.url == item.url %} aria-current="page"{% endif %}`).
 *
 * So an include without parameters is first rendered with everything that depends
 * on the page held *unknown*: `page`, `layout`, `content`, the keys of `site` the
 * renderer names as the page's (`related_posts`) and
 * any variable of the template that includes it. An `if`/`unless` whose condition
 * reads an unknown (directly, or compared with `==`, `and`…) renders both branches
 * and leaves a hole naming the condition. For each page, the holes are then
 * decided with the page's own values, by LiquidJS's own operators.
 *
 * Any other use of an unknown — printed, given to a filter, looped over, tested by
 * `case`, in a `capture` — gives up: the include is then rendered as usual on every
 * page. So is an include holding a tag whose effect outlives it (`cycle`,
 * `increment`, `render`…). What an include assigns is replayed on the page, so the
 * template around it sees the same variables. The output is the same either way;
 * a property test renders generated includes both ways and compares them.
 */

/** Thrown inside a shared rendering when the include turns out to depend on the page. */
class GiveUp extends Error {
  constructor() {
    super('shared fragment depends on the page')
  }
}

const giveUp = (): never => {
  throw new GiveUp()
}

/** An unknown value: where it would be read from (`['page', 'url']`) on the page. */
type Unknown = object
/** A condition on unknowns: one of LiquidJS's operators and its operands. */
interface Condition {
  operator: (...args: unknown[]) => unknown
  operands: unknown[]
}

const unknownPaths = new WeakMap<Unknown, readonly string[]>()
const NEGATIVE = /^-\d/
const conditions = new WeakSet<object>()

function isUnknown(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    (unknownPaths.has(value) || conditions.has(value))
  )
}

/**
 * A value read later from the page. Reading a property gives a deeper unknown; every
 * other look at it (as a string or number, its keys, `in`) gives up the sharing.
 */
function unknown(path: readonly string[]): Unknown {
  const children = new Map<string, Unknown>()
  const child = (key: string) => {
    let found = children.get(key)
    if (!found) {
      found = unknown([...path, key])
      children.set(key, found)
    }
    return found
  }
  const proxy = new Proxy(
    {},
    {
      get: (_target, key) => {
        // `tags[-1]` reaches here as "-1": LiquidJS reads a negative number from an array's end
        // and the string not at all, so the path cannot say which was meant.
        if (typeof key === 'string') return NEGATIVE.test(key) ? giveUp() : child(key)
        if (key === Symbol.toPrimitive) return giveUp
        return undefined
      },
      getOwnPropertyDescriptor: (_target, key) =>
        typeof key === 'string'
          ? { value: child(key), configurable: true, enumerable: true, writable: false }
          : undefined,
      has: giveUp,
      ownKeys: giveUp,
      set: giveUp,
      defineProperty: giveUp,
      deleteProperty: giveUp,
    },
  )
  unknownPaths.set(proxy, path)
  return proxy
}

/** A hole left in a shared rendering: which branch shows depends on the page. */
interface Hole {
  /** The condition's value (an unknown or a condition) and the branch's own test. */
  value: unknown
  test: (value: unknown, context: Context) => boolean
  yes: Piece[]
  no: Piece[]
}

/** Shared text cut at its holes. */
type Piece = string | Hole

/** A shared include, ready to be filled in for a page. */
interface Shared {
  pieces: Piece[]
  /** What the include assigns, replayed in the page's scope after it. */
  assigned: [string, unknown][]
  registers: [string, unknown][]
}

/** A shared rendering under way: where holes may be written, and the holes so far. */
interface Rendering {
  root: SharedIncludeTag
  emitters: WeakSet<Emitter>
  holes: Hole[]
}

const renderings = new WeakMap<Context, Rendering>()
/** Inside an `if`/`unless` condition of a shared rendering: operators may return conditions. */
let conditionsAllowed = false
/** How many shared renderings are under way (filters check unknowns only then). */
let active = 0

/** How long a shared rendering may take: a navigation of thousands of pages takes a few ms. */
const SHARED_RENDER_MS = 250
/** At most this many holes (a navigation has one or two per page of the site). */
const MAX_HOLES = 50_000

/** Marks holes in a shared rendering's text; random, so no page can write one. */
const NONCE = Math.random().toString(36).slice(2, 10)
const HOLE = new RegExp(`\uE000${NONCE}(\\d+)\uE001`, 'g')

/**
 * A LiquidJS drop other than the literals `empty`, `blank` and `nil` (which compare
 * themselves): `forloop` and its kind change as the template goes on.
 */
function changes(value: unknown): boolean {
  if (!(value instanceof Drop) || isUnknown(value)) return false
  return typeof (value as { equals?: unknown }).equals !== 'function'
}

const EQUALS = defaultOperators['==']
const DIFFERS = defaultOperators['!=']

function isPlain(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function')
}

/** Options for `new Liquid`: the operators that turn unknowns into conditions. */
export function sharedFragmentOperators(): Record<string, unknown> {
  const operators: Record<string, unknown> = {}
  for (const [name, original] of Object.entries(defaultOperators)) {
    const operator = original as (...args: unknown[]) => unknown
    // A plain function: outside a shared rendering it hands LiquidJS the operator's own generator.
    operators[name] = (...args: unknown[]) => {
      // The last argument is the context (binary: l, r, ctx; unary: v, ctx).
      if (active > 0 && args.slice(0, -1).some(isUnknown)) {
        if (!conditionsAllowed) giveUp()
        // The other side is decided later: it must not change meanwhile (`forloop` does).
        if (args.slice(0, -1).some(changes)) giveUp()
        const condition: Condition = { operator, operands: args.slice(0, -1) }
        conditions.add(condition)
        return condition
      }
      return operator(...args)
    }
  }
  return operators
}

/**
 * Installs sharing on an engine: `include` shares when `enabled()` says so, `if`
 * and `unless` leave holes, and filters refuse unknowns. Call after every filter
 * is registered.
 */
export function installSharedFragments(
  engine: Liquid,
  enabled: () => boolean,
  /** Keys of `site` whose value depends on the page being rendered (`related_posts`). */
  pageSiteKeys: readonly string[],
): void {
  const caches = new Map<string, Shared | null>()
  const keys = new Set(pageSiteKeys)
  engine.registerTag(
    'include',
    class extends SharedIncludeTag {
      protected cache = caches
      protected enabled = enabled
      protected pageSiteKeys = keys
    },
  )
  engine.registerTag('if', SharedIfTag)
  engine.registerTag('unless', SharedUnlessTag)
  const filters = engine.filters as Record<string, (...args: unknown[]) => unknown>
  for (const [name, filter] of Object.entries(filters)) {
    // `where_exp` and its kind evaluate expressions of their own, with operators.
    const evaluates = name.endsWith('_exp')
    filters[name] = function (this: { context: Context }, ...args: unknown[]) {
      if (active === 0) return filter.apply(this, args)
      if (evaluates && renderings.has(this.context)) giveUp()
      for (const arg of args) {
        if (isUnknown(arg) || (Array.isArray(arg) && arg.length === 2 && isUnknown(arg[1])))
          giveUp()
      }
      const allowed = conditionsAllowed
      conditionsAllowed = false
      try {
        return filter.apply(this, args)
      } finally {
        conditionsAllowed = allowed
      }
    }
  }
}

/** Tags an include may hold and still be shared: none leaves state behind that the page would see. */
const SHAREABLE_TAGS = [
  AssignTag,
  BreakTag,
  CaptureTag,
  CommentTag,
  ContinueTag,
  EchoTag,
  ForTag,
  IfTag,
  IncludeTag,
  InlineCommentTag,
  LiquidTag,
  RawTag,
  UnlessTag,
]

interface IncludeParts {
  file: unknown
  withVar?: unknown
  hash: { hash: Record<string, unknown> }
}

abstract class SharedIncludeTag extends IncludeTag {
  protected abstract cache: Map<string, Shared | null>
  protected abstract enabled: () => boolean
  protected abstract pageSiteKeys: ReadonlySet<string>;

  override *render(context: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const rendering = renderings.get(context)
    if (rendering) {
      // Inside a shared rendering: rendered as usual, into the emitter holes may go to.
      if (rendering.root === this) rendering.emitters.add(emitter)
      yield super.render(context, emitter)
      return
    }
    const shared = this.shareable(context) ? this.shared(context) : null
    if (!shared) {
      yield super.render(context, emitter)
      return
    }
    emitter.write(fill(shared, context))
    // Every value read from the page before any is written: the include may swap two variables.
    const assigned = shared.assigned.map(([key, value]) => [key, decide(value, context)] as const)
    for (const [key, value] of assigned) context.bottom()[key] = value
    for (const [key, value] of shared.registers) context.setRegister(key, value)
  }

  /** LiquidJS's include keeps these private; read, never written. */
  private get parts(): IncludeParts {
    return this as unknown as IncludeParts
  }

  /** Only a fixed file without parameters, in a scope whose `site` and globals are the site's. */
  private shareable(context: Context): boolean {
    const { file, hash, withVar } = this.parts
    if (typeof file !== 'string' || Object.keys(hash.hash).length > 0) return false
    if (withVar || !this.enabled()) return false
    if (internals(context).findScope('site') !== context.environments) return false
    const site = context.environments['site' as keyof typeof context.environments]
    if (!site || typeof site !== 'object') return false
    return Object.keys(context.globals).every(
      (key) => internals(context).findScope(key) === context.globals,
    )
  }

  private shared(context: Context): Shared | null {
    const file = this.parts.file as string
    if (this.cache.has(file)) return this.cache.get(file) ?? null
    // Marked first: an include that includes itself is rendered as usual inside.
    this.cache.set(file, null)
    let shared: Shared | null = null
    if (this.holdsOnlyShareableTags()) {
      try {
        shared = this.renderShared(context)
      } catch {
        // It depends on the page in a way holes cannot say, or it fails: pages render it themselves.
        shared = null
      }
    }
    this.cache.set(file, shared)
    return shared
  }

  private holdsOnlyShareableTags(): boolean {
    const seen = new Set<unknown>()
    const walk = (templates: readonly Template[]): boolean =>
      templates.every((template) => {
        if (!(template instanceof Tag)) return true // text and `{{ output }}`
        if (seen.has(template)) return true
        seen.add(template)
        if (!SHAREABLE_TAGS.some((kind) => template instanceof kind)) return false
        // A file named by Liquid could be any include: not known, not shared.
        if (template instanceof IncludeTag) {
          if (typeof (template as unknown as IncludeParts).file !== 'string') return false
        }
        // `offset: continue` (or `limit:`) reads where an earlier loop of the page stopped.
        if (template instanceof ForTag) {
          const values = Object.values(template.hash.hash)
          if (values.some((value) => value && /continue/.test(value.getText()))) return false
        }
        const children = (template as { children?: (partials: boolean, sync: boolean) => unknown })
          .children
        if (!children) return true
        return walk(toValueSync(children.call(template, true, true)) as Template[])
      })
    return walk([this])
  }

  private renderShared(context: Context): Shared {
    const site = context.environments['site' as keyof typeof context.environments] as object
    const globals = context.globals as Record<string, unknown>
    // One unknown per name, so a page is asked each value once when the holes are filled.
    const names = new Map<string, unknown>([['site', sharedSite(site, this.pageSiteKeys)]])
    const named = (key: string) => {
      if (!names.has(key)) names.set(key, unknown([key]))
      return names.get(key)
    }
    const environment = new Proxy(
      {},
      {
        has: (_target, key) => typeof key === 'string' && !(key in globals),
        get: (_target, key) => (typeof key === 'string' ? named(key) : undefined),
        getOwnPropertyDescriptor: (_target, key) =>
          typeof key === 'string' && !(key in globals)
            ? {
                value: named(key),
                configurable: true,
                enumerable: true,
                writable: false,
              }
            : undefined,
        set: giveUp,
        defineProperty: giveUp,
        deleteProperty: giveUp,
      },
    )
    // A short time of its own: the page's clock runs meanwhile, and an include that gives up
    // late (or whose both-branch rendering grows without end) must leave the page its time.
    const own = new Context(
      environment,
      context.opts,
      {
        sync: true,
        globals,
        strictVariables: context.strictVariables,
        ownPropertyOnly: context.ownPropertyOnly,
        renderLimit: Math.min(context.opts.renderLimit, SHARED_RENDER_MS),
      },
      { liquid: context.liquid },
    )
    const rendering: Rendering = { root: this, emitters: new WeakSet(), holes: [] }
    renderings.set(own, rendering)
    active++
    try {
      const text = toValueSync(this.liquid.renderer.renderTemplates([this], own)) as string
      // A `break` or `continue` outside a loop stops the template around the include.
      if (own.breakCalled || own.continueCalled) giveUp()
      const assigned = Object.entries(own.bottom())
      // Only where its loops stopped: `include` itself puts back the page's `layout` blocks.
      const registers = Object.entries(internals(own).registers).filter(([key]) =>
        key.startsWith('continue-'),
      )
      return { pieces: piecesOf(text, rendering.holes), assigned, registers }
    } finally {
      active--
    }
  }
}

/** What LiquidJS's context keeps private and a shared rendering reads (never writes). */
interface ContextInternals {
  findScope(key: string): object
  registers: Record<string, unknown>
}

function internals(context: Context): ContextInternals {
  return context as unknown as ContextInternals
}

/** `site` in a shared rendering: the site's, but for the keys whose value depends on the page. */
function sharedSite(site: object, pageKeys: ReadonlySet<string>): object {
  const unknowns = new Map([...pageKeys].map((key) => [key, unknown(['site', key])]))
  const proxy = new Proxy(site, {
    get: (target, key, receiver) =>
      typeof key === 'string' && unknowns.has(key)
        ? unknowns.get(key)
        : key === Symbol.toPrimitive
          ? giveUp
          : Reflect.get(target, key, receiver),
    getOwnPropertyDescriptor: (target, key) =>
      typeof key === 'string' && unknowns.has(key)
        ? { value: unknowns.get(key), configurable: true, enumerable: true, writable: false }
        : Reflect.getOwnPropertyDescriptor(target, key),
    // Listed, its keys and values are the first page's: the page's keys would hide in them.
    ownKeys: giveUp,
    has: (target, key) =>
      (typeof key === 'string' && unknowns.has(key)) || Reflect.has(target, key),
  })
  // As a whole — given to a filter, compared, assigned and kept after the include — it is
  // the page's own `site`, read when the page is filled in.
  unknownPaths.set(proxy, ['site'])
  return proxy
}

interface Branch {
  value: { value(context: Context, lenient?: boolean): Generator<unknown, unknown, unknown> }
  test?: (value: unknown, context: Context) => boolean
  templates: Template[]
}

/**
 * `if`/`elsif`/`else` (and `unless`) in a shared rendering: branches are tried in order;
 * the first whose condition depends on the page becomes a hole — that branch, or the
 * rest of the chain.
 */
function* renderChain(
  tag: Tag,
  branches: readonly Branch[],
  otherwise: readonly Template[],
  context: Context,
  emitter: Emitter,
  rendering: Rendering,
): Generator<unknown, void, unknown> {
  const renderer = tag.liquid.renderer
  for (let at = 0; at < branches.length; at++) {
    const { value, templates } = branches[at]!
    const test = branches[at]!.test ?? isTruthy
    conditionsAllowed = true
    let condition: unknown
    try {
      condition = yield value.value(context, context.opts.lenientIf)
    } finally {
      conditionsAllowed = false
    }
    if (isUnknown(condition)) {
      if (!rendering.emitters.has(emitter)) giveUp()
      const yes = yield* renderBranch(emitter, context, rendering, (into) =>
        renderer.renderTemplates(templates, context, into),
      )
      const no = yield* renderBranch(emitter, context, rendering, (into) =>
        renderChain(tag, branches.slice(at + 1), otherwise, context, into, rendering),
      )
      if (rendering.holes.length >= MAX_HOLES) giveUp()
      rendering.holes.push({
        value: condition,
        test,
        yes: piecesOf(yes, rendering.holes),
        no: piecesOf(no, rendering.holes),
      })
      emitter.write(`\uE000${NONCE}${rendering.holes.length - 1}\uE001`)
      return
    }
    if (test(condition, context)) {
      yield renderer.renderTemplates(templates, context, emitter)
      return
    }
  }
  yield renderer.renderTemplates([...otherwise], context, emitter)
}

/** One side of a hole, into its own emitter; a side that changes state the page would see gives up. */
function* renderBranch(
  like: Emitter,
  context: Context,
  rendering: Rendering,
  render: (into: Emitter) => unknown,
): Generator<unknown, string, unknown> {
  const into = new (like.constructor as new () => Emitter & { buffer: string })()
  rendering.emitters.add(into)
  const scope = Object.entries(context.bottom())
  const registers = Object.entries(internals(context).registers)
  yield render(into)
  if (context.breakCalled || context.continueCalled) giveUp()
  if (
    !sameEntries(scope, context.bottom()) ||
    !sameEntries(registers, internals(context).registers)
  )
    giveUp()
  return into.buffer
}

function sameEntries(before: [string, unknown][], now: object): boolean {
  const after = Object.entries(now)
  return (
    after.length === before.length &&
    before.every(([key, value], at) => after[at]![0] === key && after[at]![1] === value)
  )
}

/** `if` or `unless` that leaves holes in a shared rendering, and renders as LiquidJS's elsewhere. */
function leavingHoles(Base: typeof IfTag | typeof UnlessTag): typeof IfTag {
  // Both keep `branches` (each with its own test for `unless`) and `elseTemplates`.
  return class extends (Base as typeof IfTag) {
    override *render(context: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const rendering = renderings.get(context)
      if (!rendering) {
        yield super.render(context, emitter)
        return
      }
      const self = this as unknown as { branches: Branch[]; elseTemplates?: Template[] }
      yield* renderChain(this, self.branches, self.elseTemplates ?? [], context, emitter, rendering)
    }
  }
}

const SharedIfTag = leavingHoles(IfTag)
const SharedUnlessTag = leavingHoles(UnlessTag)

/** A rendered text cut at the marks of its holes. */
function piecesOf(text: string, holes: readonly Hole[]): Piece[] {
  const pieces: Piece[] = []
  let from = 0
  for (const mark of text.matchAll(HOLE)) {
    if (mark.index > from) pieces.push(text.slice(from, mark.index))
    pieces.push(holes[Number(mark[1])]!)
    from = mark.index + mark[0].length
  }
  if (from < text.length) pieces.push(text.slice(from))
  return pieces
}

/** The shared text with each hole decided by the page's values. */
function fill(shared: Shared, context: Context): string {
  const values = new Map<Unknown, unknown>()
  // Concatenated, not joined: V8 links the pieces without copying them.
  let out = ''
  const write = (pieces: readonly Piece[]) => {
    for (const piece of pieces) {
      if (typeof piece === 'string') out += piece
      else write(piece.test(decide(piece.value, context, values), context) ? piece.yes : piece.no)
    }
  }
  write(shared.pieces)
  return out
}

/**
 * An unknown's value on the page, a condition's result; anything else is itself.
 * `values` keeps what the page was asked, once per fill.
 */
function decide(value: unknown, context: Context, values = new Map<Unknown, unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value
  const path = unknownPaths.get(value)
  if (path) {
    if (!values.has(value)) values.set(value, context.getSync([...path]))
    return values.get(value)
  }
  if (conditions.has(value)) {
    const { operator, operands } = value as Condition
    const decided = operands.map((operand) => decide(operand, context, values))
    // LiquidJS's `==` on two plain values is `===`: a navigation asks it once per link.
    if (decided.length === 2 && decided.every(isPlain)) {
      if (operator === EQUALS) return decided[0] === decided[1]
      if (operator === DIFFERS) return decided[0] !== decided[1]
    }
    return toValueSync(operator(...decided, context))
  }
  return value
}
