/**
 * The preview's rendering thread: Liquid, Markdown and layouts for one page
 * at a time, off the main thread so a hostile page never blocks a save.
 * Started by bounded-renderer.ts with a heap limit, and terminated by it when
 * a page runs past its time; it keeps the last site it was sent.
 */
import { parentPort } from 'node:worker_threads'
import { SiteRenderer } from './render-document.js'
import { overrunOf, PlacedError, type WorkerReply, type WorkerRequest } from './render-limits.js'
import { unpackRubyDates } from '../site/ruby-dates.js'

const port = parentPort
if (!port) throw new Error('render-worker.ts runs only as a worker thread')

let current: { generation: number; renderer: SiteRenderer } | null = null
const reply = (message: WorkerReply) => port.postMessage(message)

port.on('message', (message: WorkerRequest) => {
  const request = unpackRubyDates(message)
  if (request.type === 'site') {
    current = {
      generation: request.generation,
      renderer: new SiteRenderer(request.site, request.liquid),
    }
    return
  }
  const { id, generation } = request
  if (!current || current.generation !== generation) {
    reply({ type: 'failed', id, message: 'site not loaded', overrun: null })
    return
  }
  const renderer = current.renderer
  const render =
    request.type === 'sass'
      ? renderer.renderSass(request.file)
      : request.type === 'check'
        ? new Promise<string>((resolve) => resolve(renderer.checkLiquid(request.doc)))
        : request.whole
          ? renderer.renderPage(request.doc)
          : renderer.renderBody(request.doc)
  render.then(
    (html) => reply({ type: 'done', id, html }),
    (error: unknown) =>
      reply({
        type: 'failed',
        id,
        message: error instanceof Error ? error.message : String(error),
        overrun: overrunOf(error),
        place: error instanceof PlacedError ? error.place : null,
        kind: error instanceof PlacedError ? error.kind : undefined,
      }),
  )
})
reply({ type: 'ready' })
