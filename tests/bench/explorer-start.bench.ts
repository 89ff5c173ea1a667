import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { startTestHost } from '../../src-main/host/test-host.js'
import { afterOpening } from '../../src-main/ipc/after-opening.js'
import { createHandlers } from '../../src-main/ipc/handlers.js'
import { builtRendererDir, bundledStarterPlaybook } from '../../src-main/paths.js'
import { Session } from '../../src-main/session.js'
import { SettingsStore } from '../../src-main/settings/settings-store.js'
import { launchChromium } from '../helpers/chromium-workbench.js'
import { fakePlatform } from '../helpers/host-platform.js'
import { benchGitCommand, generatePlaybookRepository } from './bench-git.js'
import { buildRenderer } from './build-renderer.js'
import { row } from './measure.js'

/** About the size of the real guide the issue measured (4,387 pages). */
const PAGES = 4400

interface Start {
  /** Start (the session opens the folder while the window loads, as the app does) to the explorer's first row. */
  listed: number
  /** Of which the session's opening, before the workbench is loaded. */
  opened: number
  /** Elements in the explorer's tree, and in the whole document, once listed. */
  treeElements: number
  documentElements: number
}

/**
 * Start to the explorer listed, in Chromium through the test host, on a generated guide of
 * PAGES case studies plus the starter's pages, in git: cold (no front-matter cache, the first
 * launch) and next launch (the cache of the run before). Each start is a new session and a
 * new page in the same browser, as the app opens its window once its folder is open.
 */
export async function benchExplorerStart(runs: number): Promise<void> {
  console.log(
    `\nStart → explorer listed, ${PAGES}-page guide (goal: under 1.5 s), medians of ${runs}, the starter's next launch as reference:`,
  )
  buildRenderer()
  const root = generatePlaybookRepository('atelier-bench-explorer-', PAGES, 1)
  await cp(bundledStarterPlaybook, root, { recursive: true })
  benchGitCommand(root, 'add', '-A')
  benchGitCommand(root, 'commit', '-q', '-m', 'Guide')
  const work = await mkdtemp(path.join(os.tmpdir(), 'atelier-bench-explorer-data-'))
  const starter = path.join(work, 'starter')
  await cp(bundledStarterPlaybook, starter, { recursive: true })
  const browser = await launchChromium()
  try {
    const cold: Start[] = []
    const next: Start[] = []
    const reference: Start[] = []
    // In rounds, so a change in the machine's load weighs on all three alike.
    for (let run = 0; run < runs; run++) {
      const dataDir = path.join(work, `data-${run}`)
      cold.push(await startOnce(browser, root, dataDir))
      next.push(await startOnce(browser, root, dataDir))
      reference.push(await startOnce(browser, starter, path.join(work, 'data-starter')))
    }
    const starterListed = medianOf(reference.map((start) => start.listed))
    for (const [label, starts] of [
      ['first launch', cold],
      ['next launch', next],
    ] as const) {
      const figure = (key: keyof Start) => medianOf(starts.map((start) => start[key]))
      console.log(
        `${row(`explorer listed, ${label}`, figure('listed'), starterListed, 'starter')}` +
          `   (folder opened ${figure('opened').toFixed(0)} ms; ${figure('treeElements')} elements in the tree, ${figure('documentElements')} in the page)`,
      )
    }
  } finally {
    await browser.close()
    await rm(work, { recursive: true, force: true })
    await rm(path.dirname(root), { recursive: true, force: true })
  }
}

/** Records the wall-clock time (shared with this process: same machine) of the explorer's first row. */
const LISTED_PROBE = `(() => {
  const SELECTOR = '[role="tree"] [role="treeitem"][data-path]'
  const stamp = () => {
    if (!document.querySelector(SELECTOR)) return
    observer.disconnect()
    window.atelierListed(performance.timeOrigin + performance.now())
  }
  const observer = new MutationObserver(stamp)
  observer.observe(document, { childList: true, subtree: true })
})()`

async function startOnce(browser: Browser, root: string, dataDir: string): Promise<Start> {
  const started = performance.now()
  const session = new Session(await SettingsStore.load(dataDir))
  // As the app starts: the window loads while the folder opens, its calls wait for the opening.
  const opening = session.open(root)
  const opened = opening.then(() => performance.now() - started)
  const host = await startTestHost({
    session,
    handlers: afterOpening(createHandlers(session, fakePlatform), opening),
    rendererDir: builtRendererDir,
  })
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  try {
    // Stamped in the page when the first row is added: Playwright's waitForSelector polls at
    // up to 500 ms intervals once the page is quiet, which the figure would otherwise include.
    const listedAt = new Promise<number>(
      (resolve) => void page.exposeFunction('atelierListed', resolve),
    )
    await page.addInitScript(LISTED_PROBE)
    await page.goto(host.url)
    const listed = (await listedAt) - (performance.timeOrigin + started)
    const [treeElements, documentElements] = (await page.evaluate(
      "[document.querySelectorAll('[role=\"tree\"] *').length, document.querySelectorAll('*').length]",
    )) as [number, number]
    return { listed, opened: await opened, treeElements, documentElements }
  } finally {
    // The next start on a quiet process: the watcher's start and the guide's first check
    // (it reads every page, seconds on this guide) finish here rather than under the next one.
    await session.startWatching()
    await session.currentFolder()?.checks.idle()
    await page.close()
    await host.close()
    await session.close()
  }
}

function medianOf(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
