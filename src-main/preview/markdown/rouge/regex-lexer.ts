/**
 * A port of Rouge's RegexLexer (lib/rouge/regex_lexer.rb and the parts of
 * lexer.rb it relies on): a stack of states, each a list of rules tried in
 * order at the current position; the first rule whose regexp matches there
 * consumes the text and yields tokens or runs its callback (push, pop, goto,
 * delegate to another lexer). Consecutive tokens of one type are merged, as
 * Lexer#continue_lex does; text no rule matches is an `Error` token, one
 * character at a time.
 *
 * Rules match against the rest of the text, as Ruby's StringScanner does
 * (`\A`, `^` and look-behinds see the rule's start as the start of the
 * text), and a rule whose source starts with `^` is only tried at a line
 * start — Rouge's `beginning_of_line` check.
 */
import { rubyRegex } from './ruby-regex.js'
import type { Token } from './token.js'

export type Emit = (token: Token, value: string) => void

/** A Rouge lexer instance: `reset!` then `continue_lex`, which may be called again to go on. */
export interface Lexer {
  reset(): void
  continueLex(text: string, emit: Emit): void
}

/** Lexer#lex: reset, then the merged tokens of the whole text. */
export function lex(lexer: Lexer, text: string): [Token, string][] {
  const out: [Token, string][] = []
  lexer.reset()
  lexer.continueLex(text, (token, value) => out.push([token, value]))
  return out
}

/** Lexer#continue_lex: drop empty tokens and merge consecutive tokens of one type. */
export function mergeTokens(stream: (emit: Emit) => void, emit: Emit): void {
  let lastToken: Token | null = null
  let lastValue = ''
  stream((token, value) => {
    if (value === '') return
    if (token === lastToken) {
      lastValue += value
      return
    }
    if (lastToken !== null) emit(lastToken, lastValue)
    lastToken = token
    lastValue = value
  })
  if (lastToken !== null) emit(lastToken, lastValue)
}

/**
 * A rule's pattern: a JavaScript literal written like the Ruby one (its `i`
 * flag is Ruby's `i`, its `s` flag Ruby's `m`), or `x(source)` for Ruby's
 * extended syntax; either way translated by ruby-regex.ts.
 */
export type Pattern = RegExp | { source: string; flags: string }

/** A pattern from a source string (built from parts), with Ruby flags. */
export function r(source: string, flags = ''): Pattern {
  return { source, flags }
}

/** Ruby's `%r(…)x`: blanks and `#` comments outside classes are ignored. */
export function x(source: string, flags = ''): Pattern {
  return { source, flags: `${flags}x` }
}

type Callback<L> = (lexer: L, m: RegExpExecArray) => void
type NextState = string | 'pop!' | 'push'

interface Rule {
  re: RegExp
  beginningOfLine: boolean
  callback: Callback<RegexLexer>
}

export interface State {
  name: string
  /** Rules, and names of mixed-in states. */
  rules: (Rule | string)[]
}

/** The DSL of a `state :name do … end` block, for a lexer class L. */
export class StateBuilder<L extends RegexLexer> {
  readonly rules: (Rule | string)[] = []

  rule(pattern: Pattern, token: Token, next?: NextState): void
  rule(pattern: Pattern, callback: Callback<L>): void
  rule(pattern: Pattern, action: Token | Callback<L>, next?: NextState): void {
    const isRegExp = pattern instanceof RegExp
    const source = pattern.source
    const flags = isRegExp
      ? (pattern.flags.includes('i') ? 'i' : '') + (pattern.flags.includes('s') ? 'm' : '')
      : pattern.flags
    let callback: Callback<RegexLexer>
    if (typeof action === 'function') callback = action as unknown as Callback<RegexLexer>
    else if (next === undefined) callback = (lx) => lx.token(action)
    else if (next === 'pop!')
      callback = (lx) => {
        lx.token(action)
        lx.pop()
      }
    else if (next === 'push')
      callback = (lx) => {
        lx.token(action)
        lx.push()
      }
    else
      callback = (lx) => {
        lx.token(action)
        lx.push(next)
      }
    this.rules.push({ re: rubyRegex(source, flags), beginningOfLine: source[0] === '^', callback })
  }

  mixin(name: string): void {
    this.rules.push(name)
  }
}

/** A lexer class's states, compiled on first use (RegexLexer.get_state). */
export class StateTable {
  private readonly compiled = new Map<string, State>()
  private constructor(private readonly definitions: Record<string, (s: never) => void>) {}

  /** `state :name do … end` for each state of a lexer class L. */
  static define<L extends RegexLexer>(
    definitions: Record<string, (s: StateBuilder<L>) => void>,
  ): StateTable {
    return new StateTable(definitions)
  }

  get(name: string): State {
    let state = this.compiled.get(name)
    if (!state) {
      const define = this.definitions[name]
      if (!define) throw new Error(`unknown state: ${name}`)
      state = build(name, define as (s: StateBuilder<RegexLexer>) => void)
      this.compiled.set(name, state)
    }
    return state
  }
}

function build<L extends RegexLexer>(name: string, define: (s: StateBuilder<L>) => void): State {
  const builder = new StateBuilder<L>()
  define(builder)
  return { name, rules: builder.rules }
}

const MAX_NULL_SCANS = 5

/** Ruby's `String#[]` on code points: the first character of a string. */
function firstChar(text: string, pos: number): string {
  return String.fromCodePoint(text.codePointAt(pos)!)
}

export abstract class RegexLexer implements Lexer {
  protected abstract readonly states: StateTable
  private stack: State[] | null = null
  private text = ''
  private pos = 0
  private emit: Emit = () => {}
  private nullSteps = 0
  /** The current match (Ruby's `@current_stream[n]`). */
  protected m: RegExpExecArray | null = null

  reset(): void {
    this.stack = null
    this.start()
  }

  /** Rouge's `start { … }` blocks, run on every reset. */
  protected start(): void {}

  continueLex(text: string, emit: Emit): void {
    mergeTokens((e) => this.streamTokens(text, e), emit)
  }

  private getStack(): State[] {
    return (this.stack ??= [this.states.get('root')])
  }

  private current(): State {
    const state = this.getStack().at(-1)
    if (!state) throw new Error('empty stack!')
    return state
  }

  private streamTokens(text: string, emit: Emit): void {
    this.text = text
    this.pos = 0
    this.emit = emit
    this.nullSteps = 0
    while (this.pos < this.text.length) {
      if (!this.step(this.current(), this.text.slice(this.pos))) {
        const ch = firstChar(this.text, this.pos)
        this.pos += ch.length
        emit('Error', ch)
      }
    }
  }

  private step(state: State, rest: string): boolean {
    for (const rule of state.rules) {
      if (typeof rule === 'string') {
        if (this.step(this.states.get(rule), rest)) return true
        continue
      }
      if (rule.beginningOfLine && !(this.pos === 0 || this.text[this.pos - 1] === '\n')) continue
      rule.re.lastIndex = 0
      const m = rule.re.exec(rest)
      if (!m) continue
      this.m = m
      this.pos += m[0].length
      rule.callback(this, m)
      if (m[0].length === 0) {
        this.nullSteps += 1
        if (this.nullSteps > MAX_NULL_SCANS) return false
      } else this.nullSteps = 0
      return true
    }
    return false
  }

  /**
   * `token`: yield a token for the whole match, or for `value` when one is
   * given — a group that did not take part (Ruby's nil) yields nothing, as
   * does an empty value.
   */
  token(token: Token, ...value: [string?]): void {
    const v = value.length === 0 ? this.m?.[0] : value[0]
    if (v === undefined || v === '') return
    this.emit(token, v)
  }

  /** `groups`: one token per group of the match. */
  groups(...tokens: Token[]): void {
    tokens.forEach((token, i) => this.token(token, this.m![i + 1]))
  }

  /** `push`: a named state, an anonymous one (`push do … end`), or the current one again. */
  push(state?: string | ((s: StateBuilder<this>) => void)): void {
    let next: State
    if (state === undefined) next = this.current()
    else if (typeof state === 'string') next = this.states.get(state)
    else next = build('anonymous', state)
    this.getStack().push(next)
  }

  pop(times = 1): void {
    const stack = this.getStack()
    if (stack.length === 0) throw new Error('empty stack!')
    stack.splice(Math.max(0, stack.length - times), times)
  }

  goto(name: string): void {
    const stack = this.getStack()
    if (stack.length === 0) throw new Error('empty stack!')
    stack[stack.length - 1] = this.states.get(name)
  }

  /** `reset_stack`: back to the root state alone. */
  resetStack(): void {
    const stack = this.getStack()
    stack.length = 0
    stack.push(this.states.get('root'))
  }

  /**
   * `delegate`: lex `text` (the match when nil) with another lexer instance,
   * continuing its state; given a lexer class, Rouge lexes with a new one.
   */
  delegate(lexer: Lexer | (() => Lexer), text: string | undefined = this.m?.[0]): void {
    let instance: Lexer
    if (typeof lexer === 'function') {
      instance = lexer()
      instance.reset()
    } else instance = lexer
    instance.continueLex(text ?? '', (token, value) => this.token(token, value))
  }

  /** Ruby's `@stack.size`. */
  protected stackSize(): number {
    return this.getStack().length
  }
}
