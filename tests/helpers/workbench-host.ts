import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import {
  launchChromium,
  openWorkbench,
  startWorkbenchIn,
  type Workbench,
  type WorkbenchOptions,
} from './chromium-workbench.js'
import { tempDir } from './temp-dir.js'

export {
  CHROMIUM_ARGS,
  launchChromium,
  openPage,
  openWithPreview,
  openWorkbench,
  type Workbench,
  type WorkbenchOptions,
} from './chromium-workbench.js'

/** Where end-to-end tests save their screenshots. */
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots')

/**
 * The real services on a temporary copy of the starter playbook, behind the
 * test host, serving the built renderer: what end-to-end tests drive. The
 * folders are removed after the test.
 */
export async function startWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const root = path.join(await tempDir('atelier-e2e-'), 'guide')
  return startWorkbenchIn(root, await tempDir('atelier-e2e-data-'), options)
}

/**
 * The set-up end-to-end files share: one Chromium for the file, and for each
 * test a workbench on a fresh copy of the starter and its pages, closed and
 * stopped after the test. Call once, at the top of the file.
 */
export function workbenchSuite() {
  let browser: Browser | null = null
  let workbench: Workbench | null = null
  const pages: Page[] = []
  beforeAll(async () => {
    browser = await launchChromium()
    await mkdir(SCREENSHOTS, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
  })
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()))
    await workbench?.stop()
    workbench = null
  })
  const suite = {
    get browser(): Browser {
      if (!browser) throw new Error('Chromium n’est pas lancé.')
      return browser
    },
    /** This test's workbench (after `startWorkbench` or `start`). */
    get workbench(): Workbench {
      if (!workbench) throw new Error('Aucun atelier démarré pour ce test.')
      return workbench
    },
    /** Starts the services, not yet in a browser (to change files first). */
    async startWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
      workbench = await startWorkbench(options)
      return workbench
    },
    /** Opens this test's workbench in a new page, once it has loaded the workspace. */
    async open(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
      const page = await openWorkbench(suite.browser, suite.workbench.host.url, colorScheme)
      pages.push(page)
      return page
    },
    /** Both, the usual start of a test. */
    async start(
      options: WorkbenchOptions & { colorScheme?: 'light' | 'dark' } = {},
    ): Promise<Page> {
      await suite.startWorkbench(options)
      return suite.open(options.colorScheme)
    },
  }
  return suite
}
