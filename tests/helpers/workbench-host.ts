import { cp } from 'node:fs/promises'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { ATELIER_AUTHOR } from '../../src-main/git/author.js'
import { initRepository } from '../../src-main/git/init-repository.js'
import { startTestHost, type TestHost } from '../../src-main/host/test-host.js'
import { builtRendererDir, bundledStarterPlaybook } from '../../src-main/paths.js'
import { createHandlers } from '../../src-main/ipc/handlers.js'
import { Session } from '../../src-main/session.js'
import { SettingsStore } from '../../src-main/settings/settings-store.js'
import type { Author } from '../../src-shared/api/types.js'
import { fakePlatform } from './session.js'
import { tempDir } from './temp-dir.js'

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
}

/**
 * The real services on a temporary copy of the starter playbook, behind the
 * test host, serving the built renderer: what end-to-end tests drive.
 */
export async function startWorkbench(options: WorkbenchOptions = {}): Promise<{
  host: TestHost
  root: string
  session: Session
  stop(): Promise<void>
}> {
  const root = path.join(await tempDir('atelier-e2e-'), 'guide')
  await cp(bundledStarterPlaybook, root, { recursive: true })
  if (options.repository) await initRepository(root, 'Première version', ATELIER_AUTHOR)
  const session = new Session(await SettingsStore.load(await tempDir('atelier-e2e-data-')))
  if (options.author) await session.settings.setAuthor(options.author)
  await session.open(root)
  const host = await startTestHost({
    session,
    handlers: createHandlers(session, fakePlatform),
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
