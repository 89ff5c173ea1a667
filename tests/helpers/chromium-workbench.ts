import { execFileSync } from 'node:child_process'
import { cp } from 'node:fs/promises'
import { chromium, type Browser, type Page } from 'playwright-core'
import { ATELIER_AUTHOR } from '../../src-main/git/author.js'
import { initRepository } from '../../src-main/git/init-repository.js'
import { startTestHost, type TestHost } from '../../src-main/host/test-host.js'
import type { HandlerTable } from '../../src-main/ipc/handler.js'
import { createHandlers } from '../../src-main/ipc/handlers.js'
import { builtRendererDir, bundledStarterPlaybook } from '../../src-main/paths.js'
import { Session } from '../../src-main/session.js'
import { SettingsStore } from '../../src-main/settings/settings-store.js'
import type { Author } from '../../src-shared/api/types.js'
import { fakePlatform } from './host-platform.js'

/**
 * The workbench in Chromium through the test host, with no test runner
 * attached: for the end-to-end tests (through `workbench-host.ts`, which adds
 * temporary folders removed after each test) and for the benchmarks.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  })
}

export interface WorkbenchOptions {
  /** Makes the copy a git repository whose first version is the starter as is. */
  repository?: boolean
  /** The author already in the settings (otherwise the first version asks for it). */
  author?: Author
  /** Told the name of every call the renderer makes, as the host receives it (benchmarks count them). */
  /** Told each call's name when it comes, and again with `answered` once its handler settles. */
  onCall?: (name: string, phase?: 'answered') => void
  /** A native `git clone` of this repository instead of a copy of the starter (a second person's guide). */
  cloneOf?: string
}

export interface Workbench {
  host: TestHost
  root: string
  session: Session
  stop(): Promise<void>
}

/**
 * The real services on a copy of the starter playbook at `root`, settings in
 * `dataDir`, behind the test host serving the built renderer.
 */
export async function startWorkbenchIn(
  root: string,
  dataDir: string,
  options: WorkbenchOptions = {},
): Promise<Workbench> {
  if (options.cloneOf) {
    execFileSync('git', ['clone', '--quiet', options.cloneOf, root])
  } else {
    await cp(bundledStarterPlaybook, root, { recursive: true })
    if (options.repository) await initRepository(root, 'Première version', ATELIER_AUTHOR)
  }
  const session = new Session(await SettingsStore.load(dataDir))
  if (options.author) await session.settings.setAuthor(options.author)
  await session.open(root)
  // The tests change files from outside at once: the watcher must be live first.
  await session.startWatching()
  const handlers = createHandlers(session, fakePlatform)
  const host = await startTestHost({
    session,
    handlers: options.onCall ? observed(handlers, options.onCall) : handlers,
    rendererDir: builtRendererDir,
  })
  return {
    host,
    root,
    session,
    stop: async () => {
      await host.close()
      await session.close()
    },
  }
}

/** The same handlers, each telling `onCall` its name first, then that it was answered. */
function observed(
  handlers: HandlerTable,
  onCall: (name: string, phase?: 'answered') => void,
): HandlerTable {
  const table: Record<string, (input: never) => unknown> = {}
  for (const [name, handler] of Object.entries(handlers) as [string, (input: never) => unknown][])
    table[name] = async (input) => {
      onCall(name)
      try {
        return await handler(input)
      } finally {
        onCall(name, 'answered')
      }
    }
  return table as unknown as HandlerTable
}

/** Opens the workbench and waits until it has loaded the workspace. */
export async function openWorkbench(
  browser: Browser,
  url: string,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme })
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(url)
  await page.waitForSelector('body[data-ready="true"]')
  await page.waitForSelector('[role="tree"] [role="treeitem"]')
  if (errors.length) throw new Error(`Erreurs dans la page : ${errors.join('; ')}`)
  return page
}

/** Opens a page from the explorer and waits for its editor. */
export async function openPage(page: Page, pagePath: string): Promise<void> {
  const item = page.locator(`[role="treeitem"][data-path="${pagePath}"]`)
  await item.waitFor({ timeout: 5000 })
  await item.click()
  await page.locator('.page-text').first().waitFor({ timeout: 5000 })
}

/** Opens a page and shows the preview beside it with Ctrl+K V. */
export async function openWithPreview(page: Page, pagePath: string): Promise<void> {
  await openPage(page, pagePath)
  await page.keyboard.press('Control+K')
  await page.keyboard.press('v')
  await page.locator('.preview-pane').waitFor({ timeout: 5000 })
}
