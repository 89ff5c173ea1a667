import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import {
  DEFAULT_LIMITS,
  type RenderLimits,
  type RenderOutcome,
  type WorkerReply,
  type WorkerRequest,
} from './render-limits.js'
import type { SassFile, Site, SiteDocument } from './site-model.js'
import { packRubyDates } from '../site/ruby-dates.js'

interface Job {
  site: Site
  /** A page (in its layouts when `whole`), or a stylesheet. */
  task: { doc: SiteDocument; whole: boolean } | { file: SassFile } | { check: SiteDocument }
  resolve(outcome: RenderOutcome): void
}

/** One worker thread, and what it holds: the site generation it was sent, the page it renders. */
interface Slot {
  worker: Worker
  ready: boolean
  generation: number
  job: { id: number; job: Job; timer: NodeJS.Timeout } | null
  /** Set while the worker waits for a page and another worker could take its place. */
  idle: NodeJS.Timeout | null
}

/**
 * Renders pages in worker threads, each page with a time and memory limit.
 * A page that runs past its time is cut off by terminating its worker (a
 * fresh one takes its place); one that exhausts the worker's heap loses its
 * worker the same way. Either way the page gets an outcome naming the
 * reason, and the main thread — saves, versions, other previews — never
 * waits on it. Two workers, so one page being cut off does not hold up the
 * preview of another; the second starts only when the first is busy, and goes
 * again once it has waited `idleMs` for a page (each worker holds its own copy
 * of the site model: tens of megabytes on a large guide).
 */
export class BoundedRenderer {
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  private readonly generations = new WeakMap<Site, number>()
  private nextGeneration = 1
  private nextId = 1
  private closed = false

  constructor(
    readonly limits: RenderLimits = DEFAULT_LIMITS,
    readonly size = 2,
    /** How long a worker beyond the first may wait for a page before it is stopped. */
    private readonly idleMs = 30_000,
  ) {}

  /** Worker threads running or starting (tests, benchmarks). */
  get workers(): number {
    return this.slots.length
  }

  /** The page in its layouts (`whole`), or only its body (Liquid then Markdown), as `cli render` prints it. */
  render(site: Site, doc: SiteDocument, whole = true): Promise<RenderOutcome> {
    if (this.closed) return Promise.resolve({ ok: false, overrun: null, message: 'closed' })
    return this.enqueue(site, { doc, whole })
  }

  /** A `.scss`/`.sass` page: its Liquid, then Sass, under the same limits as a page (`html` is the CSS). */
  compileSass(site: Site, file: SassFile): Promise<RenderOutcome> {
    return this.enqueue(site, { file })
  }

  /** The page's Liquid parsed only: a syntax error with its line, for « Problèmes ». */
  check(site: Site, doc: SiteDocument): Promise<RenderOutcome> {
    return this.enqueue(site, { check: doc })
  }

  private enqueue(site: Site, task: Job['task']): Promise<RenderOutcome> {
    if (this.closed) return Promise.resolve({ ok: false, overrun: null, message: 'closed' })
    return new Promise((resolve) => {
      this.queue.push({ site, task, resolve })
      this.dispatch()
    })
  }

  /** Resolves when every worker of the pool has started (tests, benchmarks: no cold start inside a measure). */
  async warm(): Promise<void> {
    while (this.slots.length < this.size) this.start()
    await Promise.all(
      this.slots.map(
        (slot) =>
          slot.ready ||
          new Promise<void>((resolve) => {
            const onReady = (reply: WorkerReply) => {
              if (reply.type !== 'ready') return
              slot.worker.off('message', onReady)
              resolve()
            }
            slot.worker.on('message', onReady)
            slot.worker.once('exit', () => resolve())
          }),
      ),
    )
  }

  /** Stops every worker; pages still waiting get no HTML. */
  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0))
      job.resolve({ ok: false, overrun: null, message: 'closed' })
    await Promise.all([...this.slots].map((slot) => this.stop(slot)))
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((candidate) => candidate.ready && !candidate.job)
      if (!slot) {
        // Start a worker only when none is idle or on its way.
        const starting = this.slots.filter((candidate) => !candidate.ready).length
        if (this.slots.length < this.size && starting < this.queue.length) this.start()
        return
      }
      this.post(slot, this.queue.shift()!)
    }
    this.watchIdle()
  }

  /**
   * Workers with nothing to do, while another is there to take the next page: each is
   * stopped once it has waited `idleMs`, the last one stays (the next keystroke's preview
   * finds it started, with the site).
   */
  private watchIdle(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job || slot.idle || this.slots.length <= 1) continue
      slot.idle = setTimeout(() => {
        slot.idle = null
        if (!slot.job && this.slots.length > 1) void this.stop(slot)
      }, this.idleMs)
      slot.idle.unref()
    }
  }

  private post(slot: Slot, job: Job): void {
    let generation = this.generations.get(job.site)
    if (generation === undefined) {
      generation = this.nextGeneration++
      this.generations.set(job.site, generation)
    }
    if (slot.generation !== generation) {
      this.send(slot, { type: 'site', generation, site: job.site, liquid: this.limits.liquid })
      slot.generation = generation
    }
    if (slot.idle) clearTimeout(slot.idle)
    slot.idle = null
    const id = this.nextId++
    const timer = setTimeout(() => this.overrun(slot, 'time'), this.limits.timeMs)
    slot.job = { id, job, timer }
    this.send(
      slot,
      'file' in job.task
        ? { type: 'sass', id, generation, file: job.task.file }
        : 'check' in job.task
          ? { type: 'check', id, generation, doc: job.task.check }
          : { type: 'render', id, generation, doc: job.task.doc, whole: job.task.whole },
    )
  }

  private send(slot: Slot, message: WorkerRequest): void {
    // Dates keep Ruby's class across the thread (see ruby-dates.ts).
    slot.worker.postMessage(packRubyDates(message))
  }

  private start(): void {
    const worker = startWorker(this.limits.memoryMb)
    // An idle worker must not keep the CLI alive; a page being rendered keeps it alive by its timer.
    worker.unref()
    const slot: Slot = { worker, ready: false, generation: 0, job: null, idle: null }
    this.slots.push(slot)
    worker.on('message', (reply: WorkerReply) => this.receive(slot, reply))
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') this.overrun(slot, 'memory')
      else this.lost(slot, error.message)
    })
    worker.on('exit', () => this.lost(slot, 'exit'))
  }

  private receive(slot: Slot, reply: WorkerReply): void {
    if (reply.type === 'ready') {
      slot.ready = true
      this.dispatch()
      return
    }
    const current = slot.job
    if (!current || current.id !== reply.id) return
    clearTimeout(current.timer)
    slot.job = null
    current.job.resolve(
      reply.type === 'done'
        ? { ok: true, html: reply.html }
        : reply.overrun
          ? { ok: false, overrun: reply.overrun, message: reply.message }
          : {
              ok: false,
              overrun: null,
              message: reply.message,
              place: reply.place ?? null,
              kind: reply.kind,
            },
    )
    this.dispatch()
  }

  /** The page ran past a limit: its worker goes, a fresh one serves the next pages. */
  private overrun(slot: Slot, reason: 'time' | 'memory'): void {
    const current = slot.job
    void this.stop(slot)
    current?.job.resolve({ ok: false, overrun: reason, message: reason })
    this.dispatch()
  }

  /** The worker died another way (it could not start, or crashed): its page fails, others go on. */
  private lost(slot: Slot, message: string): void {
    const current = slot.job
    const wasReady = slot.ready
    void this.stop(slot)
    current?.job.resolve({ ok: false, overrun: null, message })
    // A worker that cannot even start would fail every page: fail them now instead of looping.
    if (!wasReady && this.slots.every((other) => !other.ready)) {
      for (const job of this.queue.splice(0)) job.resolve({ ok: false, overrun: null, message })
    }
    this.dispatch()
  }

  private async stop(slot: Slot): Promise<void> {
    const index = this.slots.indexOf(slot)
    if (index < 0) return
    this.slots.splice(index, 1)
    if (slot.job) clearTimeout(slot.job.timer)
    if (slot.idle) clearTimeout(slot.idle)
    slot.job = null
    slot.idle = null
    slot.worker.removeAllListeners('exit')
    await slot.worker.terminate()
  }
}

/**
 * The worker's young generation (where V8 allocates, then copies what lives on):
 * 16 MB in place of V8's 48 MB for this heap size. The nursery's pages stay
 * resident once used, so on the 5,000-page guide each worker costs about 30 MB
 * less (main-memory bench), with renders and builds no slower in the same runs.
 */
const YOUNG_GENERATION_MB = 16

/**
 * The worker's module, from the bundled main (`out/main/render-worker.js`, a
 * separate entry in electron.vite.config.ts) or from the sources, where tsx
 * (the CLI, the test host) or vitest run TypeScript: a worker thread does not
 * inherit their loader, so it registers tsx's before importing the entry.
 */
function startWorker(memoryMb: number): Worker {
  const resourceLimits = {
    maxOldGenerationSizeMb: memoryMb,
    maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
  }
  const here = import.meta.url
  if (here.endsWith('.ts')) {
    const entry = new URL('./render-worker.ts', here).href
    const tsxPackage = pathToFileURL(createRequire(here).resolve('tsx/package.json'))
    // tsx's `./esm/api` export for `import` (its package.json `exports`).
    const tsxApi = new URL('./dist/esm/api/index.mjs', tsxPackage).href
    const bootstrap = `const { register } = await import(${JSON.stringify(tsxApi)}); register(); await import(${JSON.stringify(entry)})`
    return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), {
      resourceLimits,
    })
  }
  // Shared code may sit in a chunk folder below the entries; the CLI's bundle
  // (scripts/build-cli.mjs) names its files `.mjs`.
  const candidates = [
    './render-worker.js',
    '../render-worker.js',
    './render-worker.mjs',
    '../render-worker.mjs',
  ].map((name) => new URL(name, here))
  const entry = candidates.find((url) => existsSync(fileURLToPath(url))) ?? candidates[0]!
  return new Worker(entry, { resourceLimits })
}
