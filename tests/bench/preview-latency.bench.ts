import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import {
  launchChromium,
  openWithPreview,
  openWorkbench,
  startWorkbenchIn,
} from '../helpers/chromium-workbench.js'
import { buildRenderer } from './build-renderer.js'
import { row } from './measure.js'

const PAGE = '_themes/acces-information.md'

/**
 * Typing to preview, end to end in Chromium through the test host: from the
 * last keystroke in the editor to the text in the frame on screen, beside the
 * render of the same page with a draft (what main does for each update) in
 * the same run. Both ends are stamped in the pages (the key in the workbench, the
 * frame's next animation frame once its text holds the word): read from here by
 * polling, the figure was late by a poll's round trip (about 10 ms).
 */
export async function benchPreviewLatency(runs: number): Promise<void> {
  console.log('\nTyping to preview in Chromium (goal: under 50 ms), medians:')
  buildRenderer()
  const work = await mkdtemp(path.join(os.tmpdir(), 'atelier-bench-typing-'))
  const browser = await launchChromium()
  const workbench = await startWorkbenchIn(path.join(work, 'guide'), path.join(work, 'data'))
  try {
    const page = await openWorkbench(browser, workbench.host.url)
    await page.addInitScript(SHOWN_PROBE)
    await openWithPreview(page, PAGE)
    await waitFor(
      () => shownText(page),
      (text) => text.includes('Guide du gouvernement ouvert'),
    )
    const heading = page.locator('.page-text h2').first()
    await heading.click()
    await page.keyboard.press('End')

    // The last keystroke as the workbench saw it (one clock: same machine).
    await page.evaluate(
      "document.addEventListener('keydown', () => { window.atelierLastKey = performance.timeOrigin + performance.now() }, true)",
    )
    const latencies: number[] = []
    let polled = 0
    for (let run = -1; run < runs; run++) {
      const word = ` mesure${run + 2}x`
      await expectInFrames(page, word.trim())
      await page.keyboard.type(word, { delay: 25 })
      await waitFor(
        () => shownText(page),
        (text) => text.includes(word.trim()),
      )
      const seenAt = performance.timeOrigin + performance.now()
      // The frame's own stamp (its next paint after the text came), else, when it loaded a new
      // document rather than swapping the text in, when this loop saw it (a little late).
      const stamped = await shownAt(page)
      if (stamped === null) polled++
      const lastKey = (await page.evaluate('window.atelierLastKey')) as number
      // The first one warms up.
      if (run >= 0) latencies.push((stamped ?? seenAt) - lastKey)
      await page.waitForTimeout(400)
    }

    const preview = workbench.session
      .currentFolder()!
      .preview(workbench.session.preview!.frameAncestors)
    const text = await workbench.session.current()!.readPage(PAGE)
    const renders: number[] = []
    for (let run = -1; run < runs * 3; run++) {
      preview.setDraft(PAGE, `${text.text}\nUne phrase ${run}.\n`)
      const started = performance.now()
      await preview.pageHtml(PAGE)
      if (run >= 0) renders.push(performance.now() - started)
    }
    preview.setDraft(PAGE, null)
    console.log(
      `${row('last keystroke → text in the frame', middle(latencies), middle(renders), 'render only')}   (${latencies.length} runs, ${Math.min(...latencies).toFixed(0)}–${Math.max(...latencies).toFixed(0)} ms; ${polled} seen by polling)`,
    )
  } finally {
    await workbench.stop()
    await browser.close()
    await rm(work, { recursive: true, force: true })
  }
}

/**
 * In every preview frame: once told the word to expect (`atelierWant`), stamps the frame's
 * next animation frame after its text first holds it (wall clock, as the workbench's keys).
 */
const SHOWN_PROBE = `(() => {
  if (window === window.top) return
  const check = () => {
    const want = window.atelierWant
    if (!want || window.atelierShownAt !== undefined || !document.body) return
    if (!document.body.textContent.includes(want)) return
    requestAnimationFrame(() => { window.atelierShownAt ??= performance.timeOrigin + performance.now() })
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true })
})()`

/** Tells every preview frame the word the next keys type. */
async function expectInFrames(page: Page, word: string): Promise<void> {
  for (const frame of page.frames().slice(1)) {
    await frame
      .evaluate((wanted) => {
        const probe = window as unknown as { atelierWant?: string; atelierShownAt?: number }
        probe.atelierWant = wanted
        delete probe.atelierShownAt
      }, word)
      .catch(() => undefined)
  }
}

/** The stamp of the frame on screen, once its animation frame came (null: it has none). */
async function shownAt(page: Page): Promise<number | null> {
  const handle = await page.$('iframe.preview-frame[data-shown="true"]')
  const frame = await handle?.contentFrame()
  const read = () =>
    frame?.evaluate(() => (window as unknown as { atelierShownAt?: number }).atelierShownAt)
  let stamp = await read()?.catch(() => undefined)
  // The text is there; its animation frame is at most one frame away.
  for (let tries = 0; stamp === undefined && tries < 5; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    stamp = await read()?.catch(() => undefined)
  }
  return stamp ?? null
}

/** The text of the frame on screen ('' while there is none or it is loading). */
async function shownText(page: Page): Promise<string> {
  const handle = await page.$('iframe.preview-frame[data-shown="true"]')
  const frame = await handle?.contentFrame()
  return (await frame?.evaluate(() => document.body?.textContent ?? '').catch(() => '')) ?? ''
}

async function waitFor(
  read: () => Promise<string>,
  done: (text: string) => boolean,
): Promise<void> {
  const until = performance.now() + 10_000
  while (performance.now() < until) {
    if (done(await read())) return
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
  throw new Error('L’aperçu n’a pas montré le texte attendu en 10 secondes.')
}

function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
