import { spawn } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AtelierError } from '../../../../src-shared/api/atelier-error.js'
import { translate } from '../../../../src-shared/i18n/translate.js'
import { Repository } from '../../../../src-main/git/repository.js'
import { git, gitStatusCode, nativeRepository, writeFiles } from '../../../helpers/native-git.js'

const AUTHOR = { name: 'Test', email: 't@example.org' }
const CHILD = path.resolve(__dirname, '../../../helpers/commit-in-child.ts')

async function failure(promise: Promise<unknown>): Promise<AtelierError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AtelierError) return error
    throw error
  }
  throw new Error('expected a failure')
}

/**
 * Starts a commit in another process and kills it `delayMs` after it began.
 * Node itself runs the script (with tsx as a loader): the `tsx` command would
 * run it in a grandchild, which a kill of `tsx` leaves committing.
 */
function commitAndKill(dir: string, delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('start')) setTimeout(() => child.kill('SIGKILL'), delayMs)
    })
    child.on('exit', () => resolve())
  })
}

describe('robustness', () => {
  it('a version killed halfway leaves the repository readable and the pages intact', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 300; i++) files[`_cas/page-${i}.md`] = `page ${i}\n`
    const dir = await nativeRepository(files)
    const edited: Record<string, string> = {}
    for (let i = 0; i < 300; i++) edited[`_cas/page-${i}.md`] = `page ${i} revue\n`
    for (let i = 0; i < 100; i++) edited[`_nouveau/page-${i}.md`] = `nouvelle ${i}\n`
    await writeFiles(dir, edited)

    const outcomes: string[] = []
    // Later and later, until one lands while the lock is held (how long a version takes depends on the machine).
    for (const delay of [5, 40, 120, 300, 600, 1000, 1600, 2500]) {
      await commitAndKill(dir, delay)
      // git can read everything; the pages are as the user left them.
      expect(gitStatusCode(dir, 'fsck', '--strict', '--no-dangling')).toBe(0)
      for (const [file, text] of Object.entries(edited)) {
        expect(await readFile(path.join(dir, file), 'utf8')).toBe(text)
      }
      const repository = (await Repository.find(dir))!
      const status = await repository.status()
      if (status.lock) {
        // The killed process left git's lock: reported, then cleared on request.
        expect(await repository.clearLock()).toBe(true)
      }
      const log = git(dir, 'log', '--format=%s')
      outcomes.push(status.lock ? 'locked' : log.startsWith('Interrompue ?') ? 'done' : 'clean')
      if (log.startsWith('Interrompue ?')) break
    }
    // At least one kill landed inside the commit (the lock was still held).
    expect(outcomes).toContain('locked')
    const repository = (await Repository.find(dir))!
    if ((await repository.statusEntries()).length > 0) {
      await repository.commit({ message: 'Reprise', author: AUTHOR })
    }
    expect(git(dir, 'status', '--porcelain')).toBe('')
    expect(gitStatusCode(dir, 'fsck', '--strict', '--no-dangling')).toBe(0)
    // No temporary file is left in the work tree.
    expect(
      (await readdir(dir, { recursive: true })).filter(
        (f) => f.includes('atelier-tmp') && !f.startsWith('.git'),
      ),
    ).toEqual([])
  }, 120_000)

  it('reports a stale index.lock and clears it on request', async () => {
    const dir = await nativeRepository({ 'a.md': 'a\n' })
    await writeFiles(dir, { '.git/index.lock': '', 'a.md': 'b\n' })
    const repository = (await Repository.find(dir))!
    expect((await repository.status()).lock).not.toBeNull()
    const error = await failure(repository.commit({ message: 'x', author: AUTHOR }))
    expect(error.code).toBe('repository-locked')
    expect(translate('fr', `errors.${error.code}`, { detail: error.detail })).toContain(
      '.git/index.lock',
    )
    expect(await repository.clearLock()).toBe(true)
    expect((await repository.status()).lock).toBeNull()
    await repository.commit({ message: 'x', author: AUTHOR })
    expect(git(dir, 'status', '--porcelain')).toBe('')
  })

  it('does not report its own lock, held during a version, as stale', async () => {
    const dir = await nativeRepository({ 'a.md': 'a\n' })
    const repository = (await Repository.find(dir))!
    await writeFiles(dir, { 'a.md': 'b\n' })
    const seen: unknown[] = []
    const { withIndexLock } = await import('../../../../src-main/git/index-lock.js')
    await withIndexLock(path.join(dir, '.git'), async () => {
      seen.push((await repository.status()).lock)
    })
    expect(seen).toEqual([null])
  })

  it('names the damaged file when an object is corrupt or missing', async () => {
    const dir = await nativeRepository({ 'cas.md': 'texte\n' })
    const blob = git(dir, 'rev-parse', 'HEAD:cas.md').trim()
    const objectFile = path.join(dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2))
    const repository = (await Repository.find(dir))!

    await writeFile(objectFile, 'ceci n’est pas un objet git')
    const corrupt = await failure(repository.pageAt('HEAD', 'cas.md'))
    expect(corrupt.code).toBe('corrupt-object')
    expect(corrupt.detail).toBe(objectFile)
    expect(translate('fr', 'errors.corrupt-object', { detail: corrupt.detail })).toContain(
      objectFile,
    )

    const { rm } = await import('node:fs/promises')
    await rm(objectFile, { force: true })
    const missing = await failure(repository.pageAt('HEAD', 'cas.md'))
    expect(missing.code).toBe('missing-object')
    expect(missing.detail).toBe(objectFile)
  })

  it('refuses to read a damaged index and names it', async () => {
    const dir = await nativeRepository({ 'a.md': 'a\n' })
    const index = path.join(dir, '.git', 'index')
    const bytes = await readFile(index)
    bytes[40] = (bytes[40] ?? 0) ^ 0xff
    await writeFile(index, bytes)
    const repository = (await Repository.find(dir))!
    const error = await failure(repository.status())
    expect(error).toMatchObject({ code: 'corrupt-index', detail: index })
  })
})
