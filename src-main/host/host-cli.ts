import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createHandlers } from '../ipc/handlers.js'
import { builtRendererDir, bundledStarterPlaybook } from '../paths.js'
import { Session } from '../session.js'
import { SettingsStore } from '../settings/settings-store.js'
import { startTestHost } from './test-host.js'

/**
 * `npm run host -- [workspace] [--data-dir DIR]`: the renderer in any browser,
 * against the real services. Prints `Atelier host: <url>` and serves until stopped.
 */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' } },
  })
  const dataDir = path.resolve(values['data-dir'] ?? path.join(os.tmpdir(), 'atelier-host-data'))
  const session = new Session(await SettingsStore.load(dataDir))
  await session.openAtStartup({
    requested: positionals[0] ? path.resolve(positionals[0]) : undefined,
    starterBundle: bundledStarterPlaybook,
    dataDir,
  })
  const handlers = createHandlers(session, {
    shell: 'host',
    version: process.env.npm_package_version ?? '0.0.0',
    chooseFolder: async () => null,
    chooseSaveFile: async () => null,
    chooseOpenFile: async () => null,
    openExternal: async () => false,
    openFolder: async () => false,
  })
  const host = await startTestHost({ session, handlers, rendererDir: builtRendererDir })
  process.stdout.write(`Atelier host: ${host.url}\n`)
  const stop = () => {
    void host
      .close()
      .then(() => session.close())
      .then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`Atelier host : impossible de démarrer (${(error as Error).message}).\n`)
  process.exit(1)
})
