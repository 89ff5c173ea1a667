import type { AppInfo } from '../../src-shared/api/types.js'
import type { CredentialStore } from '../sync/credential-store.js'

/** What differs between the Electron app and the test host; everything else is shared. */
export interface PlatformHooks {
  shell: AppInfo['shell']
  version: string
  /** Native folder picker; the host has none and returns null. */
  chooseFolder(): Promise<string | null>
  /** Opens a link in the system browser; never inside the app. */
  openExternal(url: string): Promise<boolean>
  /** Native save dialog for a contribution file, proposing `name`; the host has none (null). */
  chooseSaveFile(name: string): Promise<string | null>
  /** Native open dialog for a received contribution file; the host has none (null). */
  chooseOpenFile(): Promise<string | null>
  /** Shows a folder in the system's file manager; the host has none (false). */
  openFolder(folder: string): Promise<boolean>
  /** Where the hosts' user names and tokens are kept: encrypted in the app; default, memory. */
  credentials?: CredentialStore
}
