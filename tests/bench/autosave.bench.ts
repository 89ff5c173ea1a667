import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { launchChromium, openWorkbench, startWorkbenchIn } from '../helpers/chromium-workbench.js'
import { buildRenderer } from './build-renderer.js'
import { caseStudyPage } from './case-study-page.js'

const PAGE = '_cas_pratiques/mesure-autosave.md'
/** No call for this long after the page shows saved: the cycle is over. */
const QUIET_MS = 1500

/**
 * One autosave of a 20 KB case study, in Chromium through the test host:
 * the calls the renderer makes to the host from the keystroke until the
 * workbench falls quiet, and the time from the host receiving `pages.save`
 * until the tab no longer shows unsaved changes (the same clock: one
 * machine), beside the `pages.save` call alone as the host answers it.
 */
export async function benchAutosave(runs: number): Promise<void> {
  console.log('\nAutosave of a 20 KB case study in Chromium, medians:')
  buildRenderer()
  const work = await mkdtemp(path.join(os.tmpdir(), 'atelier-bench-autosave-'))
  const browser = await launchChromium()
  let calls: { name: string; at: number }[] = []
  const workbench = await startWorkbenchIn(path.join(work, 'guide'), path.join(work, 'data'), {
    // Each call once, when it comes (the host tells its answer too, with a phase).
    onCall: (name, phase) => {
      if (!phase) calls.push({ name, at: Date.now() })
    },
  })
  try {
    await writeFile(path.join(workbench.root, PAGE), await caseStudyPage(20 * 1024))
    const page = await openWorkbench(browser, workbench.host.url)
    await page.locator(`[role="treeitem"][data-path="${PAGE}"]`).click()
    await page.locator('.page-text').first().waitFor({ timeout: 30_000 })
    await page.locator('.page-text p').nth(1).click()
    await page.keyboard.press('End')
    await page.evaluate(WATCH_TAB)

    const counts: number[] = []
    // From the save on: the journal's call, half a second into the pause, belongs to typing.
    const fromSave: number[] = []
    const toSaved: number[] = []
    const saveCalls: number[] = []
    let names = ''
    for (let run = -1; run < runs; run++) {
      await quiet(() => calls)
      calls = []
      await page.evaluate('window.cleanAt = null')
      await page.keyboard.type(` autosave${run + 2}`)
      await page.locator('.tab.dirty').waitFor()
      // Polled from here: the workbench's policy forbids the evaluated functions Playwright waits with.
      const until = Date.now() + 30_000
      while ((await page.evaluate('window.cleanAt')) === null) {
        if (Date.now() > until) throw new Error('La page ne s’est pas montrée enregistrée en 30 s.')
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      await quiet(() => calls)
      const save = calls.find((call) => call.name === 'pages.save')
      if (!save) throw new Error('L’enregistrement automatique n’a pas eu lieu.')
      // The first one warms up.
      if (run < 0) continue
      counts.push(calls.length)
      fromSave.push(calls.length - calls.indexOf(save))
      names = calls.map((call) => call.name).join(', ')
      toSaved.push(((await page.evaluate('window.cleanAt')) as number) - save.at)
    }
    // The reference once the typing is over: its own echo must not count as an autosave's calls.
    const workspace = workbench.session.current()!
    for (let run = 0; run < runs; run++) {
      const text = await workspace.readPage(PAGE)
      const started = performance.now()
      await workspace.savePage(PAGE, `${text.text}\nUne phrase ${run}.\n`, text.hash)
      saveCalls.push(performance.now() - started)
    }
    console.log(`${'calls to the host for one autosave'.padEnd(44)} ${middle(counts)}   (${names})`)
    console.log(`${'  of which from pages.save on'.padEnd(44)} ${middle(fromSave)}`)
    console.log(
      `${'pages.save received → tab shows saved'.padEnd(44)} ${middle(toSaved)
        .toFixed(1)
        .padStart(8)} ms   save alone ${middle(saveCalls).toFixed(1).padStart(7)} ms   ratio ${(
        middle(toSaved) / middle(saveCalls)
      ).toFixed(2)}`,
    )
  } finally {
    await workbench.stop()
    await browser.close()
    await rm(work, { recursive: true, force: true })
  }
}

/** Records when the page's tab stops showing unsaved changes. */
const WATCH_TAB = `(() => {
  window.cleanAt = null
  new MutationObserver(() => {
    const dirty = document.querySelector('.tab.dirty') !== null
    if (dirty) window.wasDirty = true
    else if (window.wasDirty) { window.wasDirty = false; window.cleanAt = Date.now() }
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'], childList: true })
})()`

/** Waits until no call has reached the host for QUIET_MS. */
async function quiet(read: () => { at: number }[]): Promise<void> {
  for (;;) {
    const last = read().at(-1)?.at ?? 0
    const idle = Date.now() - last
    if (idle >= QUIET_MS) return
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS - idle))
  }
}

function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
