import { readFileSync, statSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { writeBundle } from '../../../../src-main/git/bundle-write.js'
import { applyDelta, createDelta } from '../../../../src-main/git/pack-delta.js'
import { Repository } from '../../../../src-main/git/repository.js'
import { git, gitStatusCode, nativeRepository, writeFiles } from '../../../helpers/native-git.js'
import { tempDir } from '../../../helpers/temp-dir.js'

/** A page of `lines` distinct lines, like a case study's paragraphs. */
function page(seed: number, lines: number): string {
  return Array.from(
    { length: lines },
    (_, i) =>
      `Ligne ${i} de la page ${seed} : la transparence budgétaire, ${(seed * 7919 + i * 104729) % 100003}.`,
  ).join('\n')
}

async function contextOf(dir: string) {
  return (await Repository.find(dir))!.context
}

/** A clone holding only `main` (the receiver of a thin file), made by native git. */
async function receiverOf(dir: string): Promise<string> {
  const clone = path.join(await tempDir('atelier-receiver-'), 'clone')
  git(path.dirname(clone), 'clone', '-q', '--no-local', '--single-branch', '-b', 'main', dir, clone)
  return clone
}

/** Fetches every branch of `file` into `got/*` and checks the result as git does. */
function fetchAndCheck(receiver: string, file: string): void {
  git(receiver, 'bundle', 'verify', '-q', file)
  git(receiver, 'fetch', '-q', file, 'refs/heads/*:refs/heads/got/*')
  git(receiver, 'fsck', '--strict', '--no-dangling')
}

/** The object count in a bundle's pack header (just after the header's blank line). */
function packedObjects(file: string): number {
  const bytes = readFileSync(file)
  const pack = bytes.indexOf('\n\nPACK') + 2
  return bytes.readUInt32BE(pack + 8)
}

const tree = (dir: string, rev: string) => git(dir, 'rev-parse', `${rev}^{tree}`).trim()

describe('pack deltas', () => {
  it('applying the delta of any two byte strings gives the target back', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 3000 }),
        fc.array(
          fc.record({
            at: fc.nat(),
            remove: fc.nat({ max: 40 }),
            insert: fc.uint8Array({ maxLength: 40 }),
          }),
          { maxLength: 6 },
        ),
        (base, edits) => {
          let target = Buffer.from(base)
          for (const edit of edits) {
            const at = target.length === 0 ? 0 : edit.at % target.length
            target = Buffer.concat([
              target.subarray(0, at),
              edit.insert,
              target.subarray(at + edit.remove),
            ])
          }
          const delta = createDelta(base, target)!
          expect(applyDelta(base, delta).equals(target)).toBe(true)
        },
      ),
    )
  })

  it('writes a small change to a large text as a small delta, and gives up past maxSize', () => {
    const base = Buffer.from(page(1, 4000))
    const target = Buffer.from(page(1, 4000).replace('Ligne 2000 ', 'Ligne 2000 modifiée '))
    const delta = createDelta(base, target)!
    expect(delta.length).toBeLessThan(100)
    expect(applyDelta(base, delta).equals(target)).toBe(true)
    expect(createDelta(Buffer.from(page(2, 400)), Buffer.from(page(3, 400)), 200)).toBeNull()
  })

  it('copies runs longer than one copy instruction can hold', () => {
    const base = Buffer.alloc(300_000, 'a')
    const target = Buffer.concat([Buffer.from('début'), base, Buffer.from('fin')])
    const delta = createDelta(base, target)!
    expect(delta.length).toBeLessThan(100)
    expect(applyDelta(base, delta).equals(target)).toBe(true)
  })
})

describe('bundle writing', () => {
  it('writes a thin file that native git verifies, fetches and finds whole', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 40; i++) files[`_cas/pays-${i}.md`] = page(i, 80)
    const dir = await nativeRepository(files)
    const receiver = await receiverOf(dir)
    git(dir, 'checkout', '-q', '-b', 'aminata')
    await writeFiles(dir, { '_cas/pays-7.md': page(7, 80).replace('Ligne 40 ', 'Ligne 40 revue ') })
    git(dir, 'commit', '-q', '-am', 'Une phrase revue')
    await writeFiles(dir, { '_cas/nouveau.md': 'Un nouveau cas.\n' })
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', 'Un nouveau cas')
    const tip = git(dir, 'rev-parse', 'aminata').trim()
    const base = git(dir, 'rev-parse', 'main').trim()

    const file = path.join(await tempDir(), 'contribution.bundle')
    const written = await writeBundle(
      await contextOf(dir),
      { refs: [{ name: 'refs/heads/aminata', oid: tip }], prerequisites: [base] },
      file,
    )
    expect(written.bytes).toBe(statSync(file).size)
    expect(written.deltas).toBeGreaterThan(0)
    // Both versions, their two root trees, `_cas` twice, the changed page and the new one.
    expect(written.objects).toBe(8)
    expect(git(receiver, 'bundle', 'list-heads', file)).toBe(`${tip} refs/heads/aminata\n`)
    fetchAndCheck(receiver, file)
    expect(tree(receiver, 'got/aminata')).toBe(tree(dir, 'aminata'))
    // A receiver without the base is told so by git: the file really is thin.
    const empty = path.join(await tempDir(), 'vide')
    await mkdir(empty)
    git(empty, 'init', '-q')
    expect(gitStatusCode(empty, 'bundle', 'verify', '-q', file)).not.toBe(0)
  })

  it('writes a complete file that an empty repository can clone', async () => {
    const dir = await nativeRepository({ 'index.md': page(1, 50) })
    for (let version = 0; version < 5; version++) {
      await writeFiles(dir, { 'index.md': `${page(1, 50)}\nAjout ${version}\n` })
      git(dir, 'commit', '-q', '-am', `Version ${version}`)
    }
    const tip = git(dir, 'rev-parse', 'main').trim()
    const file = path.join(await tempDir(), 'complet.bundle')
    const written = await writeBundle(
      await contextOf(dir),
      { refs: [{ name: 'refs/heads/main', oid: tip }], prerequisites: [] },
      file,
    )
    // Each version of the page after the first is stored against the previous one, in the pack.
    expect(written.deltas).toBeGreaterThanOrEqual(5)
    const empty = path.join(await tempDir(), 'vide')
    await mkdir(empty)
    git(empty, 'init', '-q')
    git(empty, 'bundle', 'verify', '-q', file)
    const clone = path.join(await tempDir(), 'clone')
    git(path.dirname(clone), 'clone', '-q', file, clone)
    git(clone, 'fsck', '--strict', '--no-dangling')
    expect(git(clone, 'rev-parse', 'origin/main').trim()).toBe(tip)
  })

  it('stores a one-line change to a large page as a delta: far smaller than the page, within 3× native git', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 200; i++) files[`pages/p${i}.md`] = page(i, 30)
    files['pages/grande.md'] = page(999, 3000)
    const dir = await nativeRepository(files)
    git(dir, 'checkout', '-q', '-b', 'contribution')
    await writeFiles(dir, {
      'pages/grande.md': page(999, 3000).replace('Ligne 1500 ', 'Ligne 1500 corrigée '),
    })
    git(dir, 'commit', '-q', '-am', 'Une ligne corrigée')
    const folder = await tempDir()
    const ours = path.join(folder, 'atelier.bundle')
    const native = path.join(folder, 'native.bundle')
    const written = await writeBundle(
      await contextOf(dir),
      {
        refs: [{ name: 'refs/heads/contribution', oid: git(dir, 'rev-parse', 'HEAD').trim() }],
        prerequisites: [git(dir, 'rev-parse', 'main').trim()],
      },
      ours,
    )
    git(dir, 'bundle', 'create', '-q', native, 'main..contribution')
    const pageSize = Buffer.byteLength(page(999, 3000))
    expect(written.bytes).toBeLessThan(pageSize / 50)
    expect(written.bytes).toBeLessThanOrEqual(3 * statSync(native).size)
    const receiver = await receiverOf(dir)
    fetchAndCheck(receiver, ours)
  })

  it('stores a renamed and retouched page as a delta against the page it was', async () => {
    const dir = await nativeRepository({ 'cas/ancien-nom.md': page(5, 400), 'cas/autre.md': 'x\n' })
    git(dir, 'checkout', '-q', '-b', 'renommage')
    git(dir, 'mv', 'cas/ancien-nom.md', 'cas/nouveau-nom.md')
    await writeFiles(dir, { 'cas/nouveau-nom.md': `${page(5, 400)}\nUne ligne de plus.\n` })
    git(dir, 'commit', '-q', '-am', 'Renommée et complétée')
    const file = path.join(await tempDir(), 'renommage.bundle')
    const written = await writeBundle(
      await contextOf(dir),
      {
        refs: [{ name: 'refs/heads/renommage', oid: git(dir, 'rev-parse', 'HEAD').trim() }],
        prerequisites: [git(dir, 'rev-parse', 'main').trim()],
      },
      file,
    )
    expect(written.bytes).toBeLessThan(Buffer.byteLength(page(5, 400)) / 20)
    const receiver = await receiverOf(dir)
    fetchAndCheck(receiver, file)
    expect(tree(receiver, 'got/renommage')).toBe(tree(dir, 'renommage'))
  })

  it('every file written for a random history verifies, fetches and gives the branch its tree', async () => {
    const names = ['a.md', 'b.md', 'dossier/c.md', 'dossier/sous/d.md']
    const step = fc.record({
      file: fc.constantFrom(...names),
      kind: fc.constantFrom('edit', 'delete', 'append', 'merge'),
      line: fc.nat({ max: 60 }),
      onMain: fc.boolean(),
    })
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (steps, full) => {
          const initial: Record<string, string> = {}
          for (const [i, name] of names.entries()) initial[name] = page(i, 60)
          const dir = await nativeRepository(initial)
          git(dir, 'checkout', '-q', '-b', 'branche')
          for (const [i, s] of steps.entries()) {
            git(dir, 'checkout', '-q', s.onMain ? 'main' : 'branche')
            if (s.kind === 'merge') {
              // The contribution takes the main line's news: a merge commit on the branch.
              git(dir, 'checkout', '-q', 'branche')
              if (gitStatusCode(dir, 'merge', '-q', '--no-edit', '-X', 'theirs', 'main') !== 0) {
                gitStatusCode(dir, 'merge', '--abort')
              }
              continue
            }
            const exists = gitStatusCode(dir, 'cat-file', '-e', `HEAD:${s.file}`) === 0
            // A deleted page comes back as a new file.
            const current = exists
              ? git(dir, 'show', `HEAD:${s.file}`).split('\n')
              : [`nouveau ${i}`]
            if (s.kind === 'delete' && gitStatusCode(dir, 'rm', '-q', s.file) === 0) {
              git(dir, 'commit', '-q', '-m', `Suppression ${i}`)
              continue
            }
            current[s.line % current.length] = `modifiée ${i}`
            if (s.kind === 'append') current.push(`ajout ${i}`)
            await writeFiles(dir, { [s.file]: current.join('\n') })
            git(dir, 'add', '-A')
            if (gitStatusCode(dir, 'diff', '--cached', '--quiet') !== 0)
              git(dir, 'commit', '-q', '-m', `Étape ${i}`)
          }
          git(dir, 'checkout', '-q', 'branche')
          const tip = git(dir, 'rev-parse', 'branche').trim()
          const base = git(dir, 'merge-base', 'main', 'branche').trim()
          const file = path.join(await tempDir(), 'f.bundle')
          const thin = !full && base !== tip
          const written = await writeBundle(
            await contextOf(dir),
            { refs: [{ name: 'refs/heads/branche', oid: tip }], prerequisites: thin ? [base] : [] },
            file,
          )
          const receiver = await receiverOf(dir)
          fetchAndCheck(receiver, file)
          expect(tree(receiver, 'got/branche')).toBe(tree(dir, 'branche'))
          // Differential: no more objects than native git sends for the same range.
          const native = path.join(path.dirname(file), 'native.bundle')
          git(dir, 'bundle', 'create', '-q', native, thin ? 'main..branche' : 'branche')
          expect(written.objects).toBeLessThanOrEqual(packedObjects(native))
        },
      ),
      { numRuns: 8 },
    )
  }, 120_000)
})
