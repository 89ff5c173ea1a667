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
 * the same run. The frame is read from here every few milliseconds, so the
 * figure is a little late, never early.
 */
export async function benchPreviewLatency(runs: number): Promise<void> {
  console.log('\nTyping to preview in Chromium (goal: under 50 ms), medians:')
  buildRenderer()
  const work = await mkdtemp(path.join(os.tmpdir(), 'atelier-bench-typing-'))
  const browser = await launchChromium()
  const workbench = await startWorkbenchIn(path.join(work, 'guide'), path.join(work, 'data'))
  try {
    const page = await openWorkbench(browser, workbench.host.url)
    await openWithPreview(page, PAGE)
    await waitFor(
      () => shownText(page),
      (text) => text.includes('Guide du gouvernement ouvert'),
    )
    const heading = page.locator('.page-text h2').first()
    await heading.click()
    await page.keyboard.press('End')

    // The last keystroke as the workbench saw it (same clock: same machine).
    await page.evaluate(
      "document.addEventListener('keydown', () => { window.atelierLastKey = Date.now() }, true)",
    )
    const latencies: number[] = []
    for (let run = -1; run < runs; run++) {
      const word = ` mesure${run + 2}x`
      await page.keyboard.type(word, { delay: 25 })
      await waitFor(
        () => shownText(page),
        (text) => text.includes(word.trim()),
      )
      const shownAt = Date.now()
      const lastKey = (await page.evaluate('window.atelierLastKey')) as number
      // The first one warms up.
      if (run >= 0) latencies.push(shownAt - lastKey)
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
      `${row('last keystroke → text in the frame', middle(latencies), middle(renders), 'render only')}   (${latencies.length} runs, ${Math.min(...latencies).toFixed(0)}–${Math.max(...latencies).toFixed(0)} ms)`,
    )
  } finally {
    await workbench.stop()
    await browser.close()
    await rm(work, { recursive: true, force: true })
  }
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
