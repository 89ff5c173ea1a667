import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { launchChromium, openWorkbench, startWorkbenchIn } from '../helpers/chromium-workbench.js'
import { buildRenderer } from './build-renderer.js'
import { caseStudyPage } from './case-study-page.js'
import { row } from './measure.js'

/** Keys typed and measured on each page (after WARM_UP more that are not counted), in ROUNDS rounds. */
const KEYS = 200
const WARM_UP = 20

/**
 * Keystroke to next frame, measured in the page: from the keydown event's
 * time stamp to just after the frame that follows it (a message posted from
 * that frame's requestAnimationFrame runs once its style, layout and paint
 * are done). Each key waits for its own figure before the next is typed.
 */
const PROBE = `(() => {
  window.keyLatencies = []
  window.keyWaiter = null
  document.addEventListener('keydown', (event) => {
    const start = event.timeStamp
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        window.keyLatencies.push(performance.now() - start)
        window.keyWaiter?.()
      }
      channel.port2.postMessage(null)
    })
  }, true)
  window.keySamples = (count) => new Promise((resolve) => {
    const check = () => { if (window.keyLatencies.length >= count) resolve(window.keyLatencies.slice()) }
    window.keyWaiter = check
    check()
  })
})()`

interface Figures {
  median: number
  p95: number
  max: number
}

/**
 * Typing in the editor, in Chromium through the test host, on a 20 KB and a
 * 200 KB case study, beside a bare `contenteditable` holding the editor's own
 * HTML of the same page (same stylesheets, same width) typed the same way in
 * the same run: what the browser costs by itself.
 */
export async function benchTyping(): Promise<void> {
  console.log(`\nKeystroke to next frame in Chromium (${KEYS} keys a page; goal: p95 ≤ 1.5× bare):`)
  buildRenderer()
  const work = await mkdtemp(path.join(os.tmpdir(), 'atelier-bench-keys-'))
  const browser = await launchChromium()
  const workbench = await startWorkbenchIn(path.join(work, 'guide'), path.join(work, 'data'))
  try {
    for (const kilobytes of [20, 200]) {
      const pagePath = `_cas_pratiques/mesure-${kilobytes}-ko.md`
      await writeFile(path.join(workbench.root, pagePath), await caseStudyPage(kilobytes * 1024))
      const page = await openWorkbench(browser, workbench.host.url)
      // A 200 KB page takes a while to convert and draw on a busy machine.
      await page.locator(`[role="treeitem"][data-path="${pagePath}"]`).click({ timeout: 30_000 })
      await page.locator('.page-text').first().waitFor({ timeout: 60_000 })
      const bare = await barePage(page, workbench.host.url)
      // In rounds, app then bare, so a change in the machine's load weighs on both alike.
      const [app, reference] = (await typeInRounds([page, bare], page)) as [Figures, Figures]
      const elements = await page.evaluate(
        "document.querySelector('.page-text').querySelectorAll('*').length",
      )
      for (const key of ['median', 'p95', 'max'] as const) {
        const label = `${kilobytes} KB case study (${String(elements)} elements), ${key}`
        console.log(row(label, app[key], reference[key], 'bare'))
      }
      await bare.context().close()
      await page.context().close()
    }
  } finally {
    await workbench.stop()
    await browser.close()
    await rm(work, { recursive: true, force: true })
  }
}

/**
 * A page of the same origin (so the same fonts load) holding only the
 * workbench's stylesheets and a copy of its editor element, editable by the
 * browser alone.
 */
async function barePage(workbench: Page, url: string): Promise<Page> {
  const html = (await workbench.evaluate(`(() => {
    const editor = document.querySelector('.page-text').cloneNode(true)
    const styles = [...document.head.querySelectorAll('link[rel="stylesheet"], style')]
      .map((element) => element.outerHTML).join('\\n')
    const box = document.querySelector('.page-text').parentElement.getBoundingClientRect()
    return '<!doctype html><html lang="fr"><head><meta charset="utf-8">' + styles + '</head>' +
      '<body><div style="width:' + box.width + 'px;height:' + box.height + 'px;overflow:auto">' +
      editor.outerHTML + '</div></body></html>'
  })()`)) as string
  // Its own context with the workbench's token cookie, so the fonts and stylesheets load.
  const context = await workbench
    .context()
    .browser()!
    .newContext({
      viewport: { width: 1280, height: 800 },
    })
  await context.addCookies(await workbench.context().cookies())
  const bare = await context.newPage()
  const address = new URL('/bare-contenteditable', url).href
  await bare.route(address, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  )
  await bare.goto(address)
  await bare.locator('.page-text').waitFor()
  return bare
}

/** The keys of each page are typed in this many rounds, the pages in turn. */
const ROUNDS = 4

/**
 * Puts the caret in each page's second paragraph, then types in every page
 * in turn, KEYS / ROUNDS keys a round (after WARM_UP keys in each, not
 * counted), and returns each page's figures. After its keys, the workbench
 * is let save (its pause work, the journal and the autosave, would otherwise
 * run while the next page is typed in).
 */
async function typeInRounds(pages: Page[], workbench: Page): Promise<Figures[]> {
  for (const page of pages) {
    await page.locator('.page-text p').nth(1).click()
    await page.keyboard.press('End')
    await page.evaluate(PROBE)
  }
  const letters = 'mesuredelafrappe'
  const typed = pages.map(() => 0)
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, page] of pages.entries()) {
      const keys = (round === 0 ? WARM_UP : 0) + KEYS / ROUNDS
      for (let key = 0; key < keys; key++) {
        await page.keyboard.type(
          typed[index]! % 9 === 8 ? ' ' : letters[typed[index]! % letters.length]!,
        )
        typed[index]!++
        await page.evaluate(`window.keySamples(${typed[index]!})`)
      }
      if (page === workbench)
        await page
          .locator('[role="tab"] .tab-dirty')
          .waitFor({ state: 'detached', timeout: 30_000 })
    }
  }
  return Promise.all(
    pages.map(async (page) => {
      const all = (await page.evaluate('window.keyLatencies')) as number[]
      const sorted = all.slice(WARM_UP).sort((a, b) => a - b)
      return {
        median: sorted[Math.floor(sorted.length / 2)]!,
        p95: sorted[Math.ceil(sorted.length * 0.95) - 1]!,
        max: sorted[sorted.length - 1]!,
      }
    }),
  )
}
