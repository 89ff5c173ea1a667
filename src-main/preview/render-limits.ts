import type { Language } from '../../src-shared/api/types.js'
import { translate } from '../../src-shared/i18n/translate.js'
import type { SassFile, Site, SiteDocument } from './site-model.js'

/**
 * How far one page's rendering may go. Pages come from other people: a
 * `{% for %}` over a hundred million numbers, or Markdown built to be slow,
 * must cost that page its preview, never the app. LiquidJS's own limits cut
 * a runaway template cheaply and deterministically inside the worker; the
 * worker's clock and heap limit are the backstop for everything else.
 */
export interface RenderLimits {
  /** Wall time for one page in the worker; past it the worker is terminated and replaced. */
  timeMs: number
  /** The worker's heap (V8 old generation); past it the worker dies and is replaced. */
  memoryMb: number
  /** LiquidJS's limits; `false` leaves only the worker's (what the backstop test needs). */
  liquid: LiquidLimits | false
}

/** LiquidJS 10's DoS options, per `render()` call (a body, then each layout). */
export interface LiquidLimits {
  /** Milliseconds of rendering. */
  renderLimit: number
  /** Characters and array items a template may create (`(1..n)`, `append`, `join`…). */
  memoryLimit: number
  /** Characters of template text parsed at once. */
  parseLimit: number
}

export const DEFAULT_LIMITS: RenderLimits = Object.freeze({
  timeMs: 5000,
  memoryMb: 512,
  liquid: Object.freeze({ renderLimit: 3000, memoryLimit: 50_000_000, parseLimit: 50_000_000 }),
}) as RenderLimits

/** Why a page was not rendered: it ran too long or needed too much memory. */
export type OverrunReason = 'time' | 'memory'

/** The file and line (1-based, front matter counted) a Liquid or Sass error points at. */
export interface ErrorPlace {
  file: string
  line: number | null
}

/** What a failure was: Liquid or a layout of a page, or a stylesheet (Liquid then Sass). */
export type FailureKind = 'liquid' | 'sass'

/** An error that knows where it lies in the site's files. */
export class PlacedError extends Error {
  constructor(
    message: string,
    readonly place: ErrorPlace | null,
    readonly kind: FailureKind,
  ) {
    super(message)
  }
}

/** Main → worker. The site is sent once per read (and per worker), then pages by reference. */
export type WorkerRequest =
  | { type: 'site'; generation: number; site: Site; liquid: LiquidLimits | false }
  | { type: 'render'; id: number; generation: number; doc: SiteDocument; whole: boolean }
  | { type: 'sass'; id: number; generation: number; file: SassFile }
  | { type: 'check'; id: number; generation: number; doc: SiteDocument }

/** Worker → main. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; html: string }
  | {
      type: 'failed'
      id: number
      message: string
      overrun: OverrunReason | null
      place?: ErrorPlace | null
      kind?: FailureKind
    }

/** What became of one page (or stylesheet: `html` is then its CSS). */
export type RenderOutcome =
  | { ok: true; html: string }
  | {
      ok: false
      overrun: OverrunReason | null
      message: string
      /** Where a Liquid or Sass error lies, when known. */
      place?: ErrorPlace | null
      kind?: FailureKind
    }

/**
 * LiquidJS reports its limits as errors (« template render limit exceeded »,
 * « memory alloc limit exceeded », « parse length limit exceeded »); a stack
 * overflow is a page nested deeper than any parser should follow.
 */
export function overrunOf(error: unknown): OverrunReason | null {
  const message = error instanceof Error ? error.message : String(error)
  if (/template render limit exceeded/.test(message)) return 'time'
  if (/(memory alloc|parse length) limit exceeded/.test(message)) return 'memory'
  if (error instanceof RangeError && /call stack|Invalid string length|Array buffer/i.test(message))
    return 'memory'
  return null
}

/** « Cette page est trop longue à afficher », with the reason, in the user's language. */
export function overrunMessage(
  language: Language,
  reason: OverrunReason,
  limits: RenderLimits = DEFAULT_LIMITS,
): string {
  const why =
    reason === 'time'
      ? translate(language, 'preview.tooLongTime', {
          // Whichever clock stopped it (LiquidJS's or the worker's), the page ran at least the shorter.
          seconds: String(Math.max(1, Math.round(shortestTime(limits) / 1000))),
        })
      : translate(language, 'preview.tooLongMemory')
  return translate(language, 'preview.tooLong', { reason: why })
}

function shortestTime(limits: RenderLimits): number {
  return limits.liquid ? Math.min(limits.timeMs, limits.liquid.renderLimit) : limits.timeMs
}

/**
 * The French (or English) sentence for a page or stylesheet that could not be
 * built, naming its file and line; never the library's own message.
 */
export function failureMessage(
  language: Language,
  outcome: Extract<RenderOutcome, { ok: false }>,
  path: string,
  limits: RenderLimits = DEFAULT_LIMITS,
): string {
  const sass = path.endsWith('.scss') || path.endsWith('.sass')
  if (outcome.overrun) {
    return sass
      ? translate(language, 'preview.sassTooLong', { file: path })
      : overrunMessage(language, outcome.overrun, limits)
  }
  const place = outcome.place ?? { file: path, line: null }
  if (outcome.kind === 'sass' || (sass && !outcome.kind)) {
    return place.line === null
      ? translate(language, 'preview.sassErrorNoLine', { file: place.file })
      : translate(language, 'preview.sassError', { file: place.file, line: String(place.line) })
  }
  if (place.line === null) return translate(language, 'preview.renderError', { file: place.file })
  return translate(language, 'preview.liquidError', { file: place.file, line: String(place.line) })
}
