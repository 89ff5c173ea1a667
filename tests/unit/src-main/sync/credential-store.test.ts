import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  CREDENTIALS_FILE,
  EncryptedCredentialStore,
  SessionCredentialStore,
  type SafeStorageLike,
} from '../../../../src-main/sync/credential-store.js'
import { tempDir } from '../../../helpers/temp-dir.js'

/** A stand-in for Electron's safeStorage: XOR with a key, so the clear text never shows. */
function fakeSafeStorage(available = true): SafeStorageLike {
  const flip = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ 0x5a))
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => flip(Buffer.from(text)),
    decryptString: (bytes) => flip(bytes).toString(),
  }
}

const TOKEN = 'ghp_jeton-tres-secret-42'

describe('EncryptedCredentialStore', () => {
  it('keeps the token encrypted in the data folder, per host, and reads it at the next launch', async () => {
    const dataDir = await tempDir()
    const store = await EncryptedCredentialStore.load(dataDir, fakeSafeStorage())
    await store.set('https://git.example.org/equipe/guide.git', {
      username: 'ana',
      password: TOKEN,
    })
    const bytes = await readFile(path.join(dataDir, CREDENTIALS_FILE))
    expect(bytes.toString('latin1')).not.toContain(TOKEN)
    expect(bytes.toString('latin1')).not.toContain('ana')

    const again = await EncryptedCredentialStore.load(dataDir, fakeSafeStorage())
    // Another guide on the same host: the same account.
    expect(again.forUrl('https://git.example.org/autre/guide.git')).toEqual({
      username: 'ana',
      password: TOKEN,
    })
    expect(again.forUrl('https://ailleurs.example.org/guide.git')).toBeNull()
  })

  it('a file it cannot decrypt (another system) is ignored: the host asks again', async () => {
    const dataDir = await tempDir()
    const store = await EncryptedCredentialStore.load(dataDir, fakeSafeStorage())
    await store.set('https://git.example.org/g.git', { username: 'ana', password: TOKEN })
    const broken: SafeStorageLike = {
      ...fakeSafeStorage(),
      decryptString: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage')
      },
    }
    const again = await EncryptedCredentialStore.load(dataDir, broken)
    expect(again.forUrl('https://git.example.org/g.git')).toBeNull()
  })

  it('without the system’s encryption, keeps them for the session only: no file in clear', async () => {
    const dataDir = await tempDir()
    const store = await EncryptedCredentialStore.load(dataDir, fakeSafeStorage(false))
    expect(store).toBeInstanceOf(SessionCredentialStore)
    await store.set('https://git.example.org/g.git', { username: 'ana', password: TOKEN })
    expect(store.forUrl('https://git.example.org/g.git')?.password).toBe(TOKEN)
    expect(existsSync(path.join(dataDir, CREDENTIALS_FILE))).toBe(false)
  })
})
