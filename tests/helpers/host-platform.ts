import type { PlatformHooks } from '../../src-main/ipc/handlers.js'

/** The platform hooks of the test host: no folder picker, no system browser. */
export const fakePlatform: PlatformHooks = {
  shell: 'host',
  version: '0.0.0-test',
  chooseFolder: async () => null,
  chooseSaveFile: async () => null,
  chooseOpenFile: async () => null,
  openExternal: async () => false,
  openFolder: async () => false,
}
