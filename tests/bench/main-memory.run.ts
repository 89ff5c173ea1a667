/**
 * The main process's memory on a large guide, in its own process:
 * `node --import tsx main-memory.run.ts <pages> <versions>`, or bundled as the
 * app runs it (main-memory.bench.ts). The session opens the guide and answers
 * what the workbench asks at start (the pages, the checks, « Problèmes » with
 * its build checks), then what the Versions view asks, then a page's preview,
 * all through the IPC handler table as the window calls it. Each figure is the
 * process's resident memory after a collection, beside the same process before
 * the guide was opened; the render workers are threads of the process, so
 * their memory is in it.
 */
import { cp, mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createHandlers } from '../../src-main/ipc/handlers.js'
import { bundledStarterPlaybook } from '../../src-main/paths.js'
import { Session } from '../../src-main/session.js'
import { SettingsStore } from '../../src-main/settings/settings-store.js'
import { fakePlatform } from '../helpers/host-platform.js'
import { benchGitCommand, generatePlaybookRepository } from './bench-git.js'

const [pages, versions] = process.argv.slice(2).map(Number) as [number, number]
const root = generatePlaybookRepository('atelier-bench-memory-', pages, versions)
await cp(bundledStarterPlaybook, root, { recursive: true })
benchGitCommand(root, 'add', '-A')
benchGitCommand(root, 'commit', '-q', '-m', 'Guide')

const gc = (globalThis as { gc?: () => void }).gc
/** Resident memory in MB once the collector has run (what stays, not what is in flight). */
function resident(): number {
  gc?.()
  return process.memoryUsage().rss / 1024 / 1024
}

const session = new Session(
  await SettingsStore.load(await mkdtemp(path.join(os.tmpdir(), 'atelier-bench-memory-data-'))),
  false,
)
const handlers = createHandlers(session, fakePlatform)
// As the host does once its preview server listens.
session.preview = { origin: 'http://preview.invalid', frameAncestors: 'http://127.0.0.1' }
const before = resident()

await session.open(root)
const index = await handlers['pages.index']({})
await handlers['checks.list']({})
// The workbench asks for « Problèmes » once the pages are listed: every page's Liquid is
// parsed in the render workers, which then hold the site model.
await handlers['workspace.problems']({})
const opened = resident()

await handlers['versions.status']({})
await handlers['trash.list']({})
await handlers['versions.history']({ limit: 100 })
const page = '_cas_pratiques/groupe-0/cas-1.md'
await handlers['versions.history']({ path: page })
const versionsView = resident()

const text = (await handlers['pages.read']({ path: page })).text
await handlers['preview.open']({ path: page })
const shown = await handlers['preview.update']({
  path: page,
  text: `${text}\nUne phrase de plus.\n`,
})
// The figure is for a page rendered, not for a worker cut off by its time limit on a busy machine.
if (!shown.html?.includes('Une phrase de plus.')) throw new Error('the page was not rendered')
const previewed = resident()
const workers = session.requireFolder().preview(session.preview.frameAncestors).renderer.workers
const peak = process.resourceUsage().maxRSS / 1024

const how = import.meta.url.endsWith('.ts') ? 'sources through tsx' : 'bundled'
const label = `${pages.toLocaleString('en')} pages, ${versions} versions, ${how}`
const line = (what: string, mb: number) =>
  console.log(
    `  ${what.padEnd(52)} ${mb.toFixed(0).padStart(5)} MB   before opening ${before.toFixed(0)} MB   +${(mb - before).toFixed(0)} MB`,
  )
console.log(
  `Main process memory (goal: under 300 MB), ${label}, ${index.pages.length} pages listed:`,
)
line('guide open, pages listed, checks, « Problèmes »', opened)
line('+ Versions view (status, history)', versionsView)
line(
  `+ a page previewed with a draft (${workers} render worker${workers === 1 ? '' : 's'})`,
  previewed,
)
console.log(
  `  peak (maxRSS) ${peak.toFixed(0)} MB${gc ? '' : '   (run with --expose-gc for figures after a collection)'}`,
)
process.exit(0)
