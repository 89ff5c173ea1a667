import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../fs/atomic-write.js'
import { MemoryCredentials, type Credentials, type CredentialsProvider } from './credentials.js'

/**
 * Where the user name and token typed once per host are kept. The app keeps
 * them encrypted by the system (Electron's `safeStorage`: Keychain, DPAPI,
 * libsecret) in a file of its data folder; the test host keeps them in memory
 * only. Never in `.git/config`, never in a URL on disk.
 */
export interface CredentialStore extends CredentialsProvider {
  set(url: string, credentials: Credentials): Promise<void>
}

/** The part of Electron's `safeStorage` used here, injected so this module runs without Electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(text: string): Buffer
  decryptString(encrypted: Buffer): string
}

export const CREDENTIALS_FILE = 'credentials.bin'

const storedSchema = z.record(
  z.string(),
  z.object({ username: z.string(), password: z.string() }).strict(),
)

/** For the session only: the test host's store, and the app's when the system cannot encrypt. */
export class SessionCredentialStore implements CredentialStore {
  private readonly memory = new MemoryCredentials()

  async set(url: string, credentials: Credentials): Promise<void> {
    this.memory.set(url, credentials)
  }

  forUrl(url: string): Credentials | null {
    return this.memory.forUrl(url)
  }
}

/**
 * One encrypted file, read once at start-up and written whole at each change. When the
 * system has no encryption (a Linux without a keyring), nothing is written: the token is
 * kept for the session only, rather than on disk in clear.
 */
export class EncryptedCredentialStore implements CredentialStore {
  private constructor(
    private readonly file: string,
    private readonly safeStorage: SafeStorageLike,
    private readonly byHost: Map<string, Credentials>,
  ) {}

  static async load(dataDir: string, safeStorage: SafeStorageLike): Promise<CredentialStore> {
    if (!safeStorage.isEncryptionAvailable()) return new SessionCredentialStore()
    const file = path.join(dataDir, CREDENTIALS_FILE)
    const byHost = new Map<string, Credentials>()
    try {
      const stored = storedSchema.parse(JSON.parse(safeStorage.decryptString(await readFile(file))))
      for (const [host, credentials] of Object.entries(stored)) byHost.set(host, credentials)
    } catch {
      // No file yet, or one this system can no longer decrypt: the host will ask again.
    }
    return new EncryptedCredentialStore(file, safeStorage, byHost)
  }

  async set(url: string, credentials: Credentials): Promise<void> {
    this.byHost.set(hostOf(url), credentials)
    const plain = JSON.stringify(Object.fromEntries(this.byHost))
    await writeFileAtomic(this.file, this.safeStorage.encryptString(plain))
  }

  forUrl(url: string): Credentials | null {
    return this.byHost.get(hostOf(url)) ?? null
  }
}

/** Credentials are per host, as git hosts give tokens per account, not per repository. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
