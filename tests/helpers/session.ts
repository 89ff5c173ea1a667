import { createHandlers } from '../../src-main/ipc/handlers.js'
import { Session } from '../../src-main/session.js'
import { SettingsStore } from '../../src-main/settings/settings-store.js'
import { fakePlatform } from './host-platform.js'
import { tempDir } from './temp-dir.js'

export { fakePlatform } from './host-platform.js'

/** A session on `root` with settings in a throw-away data folder, and its handler table. */
export async function openSession(root: string, options: { watch?: boolean } = {}) {
  const dataDir = await tempDir('atelier-data-')
  const session = new Session(await SettingsStore.load(dataDir), options.watch ?? false)
  await session.open(root)
  return { session, dataDir, handlers: createHandlers(session, fakePlatform) }
}
