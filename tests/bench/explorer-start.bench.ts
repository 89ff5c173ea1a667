import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { startTestHost } from '../../src-main/host/test-host.js'
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
  /** Start (the session opens the folder, as the app does before its window) to the explorer's first row. */
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

async function startOnce(browser: Browser, root: string, dataDir: string): Promise<Start> {
  const started = performance.now()
  const session = new Session(await SettingsStore.load(dataDir))
  await session.open(root)
  const opened = performance.now() - started
  const host = await startTestHost({
    session,
    handlers: createHandlers(session, fakePlatform),
    rendererDir: builtRendererDir,
  })
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  try {
    await page.goto(host.url)
    await page.waitForSelector('[role="tree"] [role="treeitem"][data-path]', { timeout: 60_000 })
    const listed = performance.now() - started
    const [treeElements, documentElements] = (await page.evaluate(
      "[document.querySelectorAll('[role=\"tree\"] *').length, document.querySelectorAll('*').length]",
    )) as [number, number]
    return { listed, opened, treeElements, documentElements }
  } finally {
    await page.close()
    await host.close()
    await session.close()
  }
}

function medianOf(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
