import { createHash } from 'node:crypto'
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ABSENT } from '../../../../src-shared/api/content-base.js'
import { asideName } from '../../../../src-main/fs/conditional-write.js'
import { Workspace } from '../../../../src-main/workspace/workspace.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../../../helpers/site-fixture.js'

const ORIGINAL = page('title: Accès', 'Le texte lu par l’éditeur.\n')
const OURS = page('title: Accès', 'Le texte de l’éditeur, modifié.\n')
const THEIRS = page('title: Accès', 'Le texte écrit par un autre programme.\n')

async function open() {
  const root = await writeSite({
    '_config.yml': CONFIG_WITH_COLLECTIONS,
    'acces.md': ORIGINAL,
  })
  return { root, workspace: await Workspace.open(root) }
}

const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex')

/** What a save call ended with: written, or refused with an error code. */
async function outcome(save: Promise<unknown>): Promise<string> {
  try {
    await save
    return 'written'
  } catch (error) {
    return (error as { code?: string }).code ?? String(error)
  }
}

describe('Workspace.savePage is conditional on the version the editor read', () => {
  it('returns the hash of the bytes read, and of the bytes written as the next base', async () => {
    const { root, workspace } = await open()
    const read = await workspace.readPage('acces.md')
    expect(read.hash).toBe(sha256(await readFile(path.join(root, 'acces.md'))))
    const saved = await workspace.savePage('acces.md', OURS, read.hash)
    expect(saved).toEqual({ path: 'acces.md', hash: sha256(OURS) })
    expect(await readFile(path.join(root, 'acces.md'), 'utf8')).toBe(OURS)
    // The returned hash is the base of the next save: a second save goes through.
    await workspace.savePage('acces.md', `${OURS}Suite.\n`, saved.hash)
    expect(await readFile(path.join(root, 'acces.md'), 'utf8')).toBe(`${OURS}Suite.\n`)
  })

  it('refuses a stale hash and leaves the other program’s bytes untouched', async () => {
    const { root, workspace } = await open()
    const file = path.join(root, 'acces.md')
    const { hash } = await workspace.readPage('acces.md')
    await writeFile(file, THEIRS)
    await expect(workspace.savePage('acces.md', OURS, hash)).rejects.toMatchObject({
      code: 'changed-on-disk',
    })
    expect(await readFile(file, 'utf8')).toBe(THEIRS)
    expect((await readdir(root)).filter((name) => name.endsWith('.atelier-tmp'))).toEqual([])
  })

  it('refuses a save over a page deleted since it was read, and does not recreate it', async () => {
    const { root, workspace } = await open()
    const { hash } = await workspace.readPage('acces.md')
    await rm(path.join(root, 'acces.md'))
    await expect(workspace.savePage('acces.md', OURS, hash)).rejects.toMatchObject({
      code: 'changed-on-disk',
    })
    expect(await readdir(root)).not.toContain('acces.md')
  })

  it('writes a new file with base `absent`, and refuses `absent` once a file is there', async () => {
    const { root, workspace } = await open()
    expect(await workspace.savePage('nouveau/page.md', OURS, ABSENT)).toEqual({
      path: 'nouveau/page.md',
      hash: sha256(OURS),
    })
    expect(await readFile(path.join(root, 'nouveau/page.md'), 'utf8')).toBe(OURS)
    await expect(workspace.savePage('acces.md', OURS, ABSENT)).rejects.toMatchObject({
      code: 'changed-on-disk',
    })
    expect(await readFile(path.join(root, 'acces.md'), 'utf8')).toBe(ORIGINAL)
  })

  it('refuses the hash of other bytes even when the file has the same length', async () => {
    const { root, workspace } = await open()
    const { hash } = await workspace.readPage('acces.md')
    const sameLength = ORIGINAL.replace('lu', 'LU')
    await writeFile(path.join(root, 'acces.md'), sameLength)
    await expect(workspace.savePage('acces.md', OURS, hash)).rejects.toMatchObject({
      code: 'changed-on-disk',
    })
    expect(await readFile(path.join(root, 'acces.md'), 'utf8')).toBe(sameLength)
  })
})

/**
 * Another program writes the page once, at a random moment around a save
 * based on the version read before its write. Whatever the order, its bytes
 * must be on disk at the end: either the save was refused (its write came
 * first, or overlapped), or the save went through first and was then
 * overwritten by it. A save that succeeds after the other write finished is
 * the bug: the last bytes would be ours.
 */
describe('another program’s write always survives a save racing with it', () => {
  type Timing = 'before' | 'during' | 'after'
  type Style = 'in-place' | 'by-rename'

  /** Writes as editors do: in place (truncate and write) or a temporary file renamed over it. */
  async function writeTheirs(file: string, style: Style, text: string): Promise<void> {
    if (style === 'in-place') return writeFile(file, text)
    await writeFile(`${file}.autre`, text)
    await rename(`${file}.autre`, file)
  }

  it('keeps the other program’s bytes in every trial, for existing and new files', async () => {
    const { root, workspace } = await open()
    const tally: Record<string, number> = {}
    let trial = 0
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Timing>('before', 'during', 'after'),
        fc.constantFrom<Style>('in-place', 'by-rename'),
        fc.boolean(),
        fc.nat(12),
        fc.nat(30),
        async (timing, style, newFile, delayMs, hops) => {
          trial += 1
          const relative = `essai-${trial}.md`
          const file = path.join(root, relative)
          let base: string = ABSENT
          if (!newFile) {
            await writeFile(file, ORIGINAL)
            base = (await workspace.readPage(relative)).hash
          }
          const other = async () => {
            // Milliseconds span the whole save; turns of the event loop fall between its steps.
            if (delayMs > 0) await sleep(delayMs)
            for (let hop = 0; hop < hops; hop++) await nextTurn()
            await writeTheirs(file, style, THEIRS)
          }
          let result: string
          if (timing === 'before') {
            await other()
            result = await outcome(workspace.savePage(relative, OURS, base))
          } else if (timing === 'after') {
            result = await outcome(workspace.savePage(relative, OURS, base))
            await other()
          } else {
            const writing = other()
            result = await outcome(workspace.savePage(relative, OURS, base))
            await writing
          }
          const key = `${timing}/${result}`
          tally[key] = (tally[key] ?? 0) + 1
          expect(await readFile(file, 'utf8')).toBe(THEIRS)
          // A save is only ever refused for this reason, and always when it came second.
          expect(['written', 'changed-on-disk']).toContain(result)
          if (timing === 'before') expect(result).toBe('changed-on-disk')
          if (timing === 'after') expect(result).toBe('written')
          expect((await readdir(root)).filter((name) => name.endsWith('.atelier-tmp'))).toEqual([])
        },
      ),
      { numRuns: 150 },
    )
    // Both outcomes were exercised, so the property is not vacuously true.
    expect(tally['before/changed-on-disk']).toBeGreaterThan(10)
    expect(tally['after/written']).toBeGreaterThan(10)
    expect((tally['during/written'] ?? 0) + (tally['during/changed-on-disk'] ?? 0)).toBeGreaterThan(
      10,
    )
    console.info('race outcomes', tally)
  }, 60_000)
})

describe('a save cut short while the page is set aside', () => {
  it('puts the page back when the folder is opened again, and never over a newer file', async () => {
    const root = await writeSite({
      '_config.yml': CONFIG_WITH_COLLECTIONS,
      'acces.md': ORIGINAL,
      '_cas_pratiques/benin.md': ORIGINAL,
    })
    // The state a crash between the move aside and the link leaves behind.
    const lost = path.join(root, 'acces.md')
    await rename(lost, asideName(lost))
    const taken = path.join(root, '_cas_pratiques', 'benin.md')
    await rename(taken, asideName(taken))
    await writeFile(taken, THEIRS)

    const workspace = await Workspace.open(root)
    expect(await readFile(lost, 'utf8')).toBe(ORIGINAL)
    expect((await workspace.readPage('acces.md')).text).toBe(ORIGINAL)
    // Its place was taken by another program: that file stays, the old copy stays hidden.
    expect(await readFile(taken, 'utf8')).toBe(THEIRS)
    expect((await readdir(root)).filter((name) => name.endsWith('.atelier-tmp'))).toEqual([])
  })
})
