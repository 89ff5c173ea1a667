import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { launchChromium, openWorkbench, startWorkbenchIn } from '../helpers/chromium-workbench.js'
import { buildRenderer } from './build-renderer.js'
import { caseStudyPage } from './case-study-page.js'
import { row } from './measure.js'

const MARKER = 'Fin de la page de mesure'

/**
 * From the press on the page's row in the explorer to the frame that shows
 * the editor holding the whole page (its last paragraph drawn), measured in
 * the page: the press's time stamp, then a MutationObserver that sees the
 * last paragraph, then the frame after it (a message posted from its
 * requestAnimationFrame runs once style, layout and paint are done).
 */
const OPEN_PROBE = `(() => {
  window.openWaiter = new Promise((resolve) => {
    let pressed = null
    document.addEventListener('mousedown', (event) => {
      if (event.target.closest('[role="treeitem"]')) pressed = event.timeStamp
    }, { capture: true, once: true })
    const observer = new MutationObserver(() => {
      const last = document.querySelector('.page-text')?.lastElementChild
      if (pressed === null || !last?.textContent.includes(${JSON.stringify(MARKER)})) return
      observer.disconnect()
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve(performance.now() - pressed)
        channel.port2.postMessage(null)
      })
    })
    observer.observe(document.body, { childList: true, subtree: true })
  })
})()`

/**
 * The editor's HTML of the same page put at once into a bare `contenteditable`
 * of the editor's width, over the workbench, to the frame that shows it.
 */
const BARE_PROBE = `(async () => {
  const editor = document.querySelector('.page-text')
  const html = editor.innerHTML
  const box = editor.parentElement.getBoundingClientRect()
  const holder = document.createElement('div')
  holder.style.cssText = 'position:fixed;left:0;top:0;overflow:auto;background:white;z-index:9999;width:' + box.width + 'px;height:' + box.height + 'px'
  document.body.append(holder)
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
  const start = performance.now()
  const bare = document.createElement('div')
  bare.className = editor.className
  bare.contentEditable = 'true'
  bare.innerHTML = html
  holder.append(bare)
  const drawn = await new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => resolve(performance.now() - start)
    channel.port2.postMessage(null)
  }))
  holder.remove()
  return drawn
})()`

/**
 * Opening a long page (issue 18: a 200 KB page painted under 150 ms after the
 * click), in Chromium through the test host, beside the browser drawing the
 * editor's own HTML of that page in a bare `contenteditable` in the same run.
 */
export async function benchOpenPage(runs: number): Promise<void> {
  console.log('\nOpen a page, press on its row → editor painted, Chromium (medians):')
  buildRenderer()
  const work = await mkdtemp(path.join(os.tmpdir(), 'atelier-bench-open-'))
  const browser = await launchChromium()
  const workbench = await startWorkbenchIn(path.join(work, 'guide'), path.join(work, 'data'))
  try {
    const page = await openWorkbench(browser, workbench.host.url)
    for (const kilobytes of [20, 200, 1024]) {
      const pagePath = `_cas_pratiques/ouvrir-${kilobytes}-ko.md`
      const text = `${await caseStudyPage(kilobytes * 1024)}\n${MARKER} (${kilobytes} Ko).\n`
      await writeFile(path.join(workbench.root, pagePath), text)
      const opens: number[] = []
      const bare: number[] = []
      // One more than counted: the first open of a page warms its code paths.
      for (let run = -1; run < runs; run++) {
        const opened = await openOnce(page, pagePath)
        const drawn = (await page.evaluate(BARE_PROBE)) as number
        if (run >= 0) opens.push(opened)
        if (run >= 0) bare.push(drawn)
        await page.locator('[role="tab"] .tab-close').first().click()
        await page.locator('[role="tab"]').first().waitFor({ state: 'detached' })
      }
      console.log(row(`${kilobytes} KB case study`, middle(opens), middle(bare), 'bare draw'))
    }
    await page.context().close()
  } finally {
    await workbench.stop()
    await browser.close()
    await rm(work, { recursive: true, force: true })
  }
}

async function openOnce(page: Page, pagePath: string): Promise<number> {
  await page.evaluate(OPEN_PROBE)
  await page.locator(`[role="treeitem"][data-path="${pagePath}"]`).click({ timeout: 30_000 })
  return (await page.evaluate('window.openWaiter', undefined)) as number
}

function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
