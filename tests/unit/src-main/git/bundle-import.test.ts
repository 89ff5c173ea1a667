import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importBundle } from '../../../../src-main/git/bundle-import.js'
import { readBundleHeader } from '../../../../src-main/git/bundle-read.js'
import { packIndex } from '../../../../src-main/git/pack-index-write.js'
import { readPack } from '../../../../src-main/git/pack-read.js'
import { RECEIVED_NOTES_REF, REVIEW_NOTES_REF } from '../../../../src-main/git/review-refs.js'
import { receiveContribution } from '../../../../src-main/review/receive-contribution.js'
import {
  commitOn,
  contextOf,
  guidePages,
  nativeBundle,
  refusalCode,
  senderAndReceiver,
} from '../../../helpers/bundles.js'
import { git, gitStatusCode, nativeRepository } from '../../../helpers/native-git.js'
import { tempDir } from '../../../helpers/temp-dir.js'

function expectSound(dir: string): void {
  expect(gitStatusCode(dir, 'fsck', '--strict', '--no-dangling')).toBe(0)
}

const revParse = (dir: string, rev: string): string => git(dir, 'rev-parse', rev).trim()

describe('importing bundles native git wrote', () => {
  it('imports a thin pack of deltas (main..x) as recu/x; native git finds the repository sound', async () => {
    const pages = guidePages(40)
    const { sender, receiver } = await senderAndReceiver(pages)
    const page = pages['fiches/page-3.md']!
    const tip = await commitOn(sender, 'aminata', {
      'fiches/page-3.md': page.replace('Paragraphe 10', 'Paragraphe dix, revu'),
      'fiches/page-4.md': `${pages['fiches/page-4.md']!}Une ligne de plus.\n`,
    })
    const file = await nativeBundle(sender, 'main..aminata')
    // The file really is thin: some delta's base is in the receiver only.
    const header = await readBundleHeader(file)
    const bytes = await readFile(file)
    const context = await contextOf(receiver)
    const read = readPack(bytes.subarray(header.packOffset), (oid) =>
      context.objects.has(oid) ? context.objects.read(oid) : null,
    )
    expect(read.externalBases.length).toBeGreaterThan(0)

    const received = await receiveContribution(context, file)
    expect(received).toEqual({ branches: [{ name: 'recu/aminata', oid: tip }], notes: null })
    expect(revParse(receiver, 'recu/aminata')).toBe(tip)
    expect(git(receiver, 'log', '--format=%s', 'recu/aminata')).toBe(
      git(sender, 'log', '--format=%s', 'aminata'),
    )
    expect(git(receiver, 'diff', 'main', 'recu/aminata')).toBe(
      git(sender, 'diff', 'main', 'aminata'),
    )
    expect(revParse(receiver, 'main')).toBe(revParse(sender, 'main'))
    expectSound(receiver)
  })

  it('imports several refs and the review notes, which wait at the received-notes ref', async () => {
    const { sender, receiver } = await senderAndReceiver(guidePages(5))
    const x = await commitOn(sender, 'x', { 'fiches/x.md': 'X\n' })
    const y = await commitOn(sender, 'recu/y', { 'fiches/y.md': 'Y\n' })
    git(sender, 'notes', `--ref=${REVIEW_NOTES_REF}`, 'add', '-m', 'Relu : très clair.', x)
    const file = await nativeBundle(sender, 'x', 'recu/y', REVIEW_NOTES_REF, '^main')
    const received = await receiveContribution(await contextOf(receiver), file)
    expect(received.branches).toEqual([
      { name: 'recu/x', oid: x },
      { name: 'recu/y', oid: y },
    ])
    expect(received.notes).toBe(revParse(sender, REVIEW_NOTES_REF))
    expect(revParse(receiver, RECEIVED_NOTES_REF)).toBe(received.notes)
    expect(git(receiver, 'cat-file', '-p', `${RECEIVED_NOTES_REF}:${x}`)).toBe(
      'Relu : très clair.\n',
    )
    expectSound(receiver)
  })

  it('keeps accented branch names as they are (UTF-8)', async () => {
    const { sender, receiver } = await senderAndReceiver(guidePages(3))
    const tip = await commitOn(sender, 'amélie-fiches', { 'fiches/é.md': 'É\n' })
    const received = await receiveContribution(
      await contextOf(receiver),
      await nativeBundle(sender, 'main..amélie-fiches'),
    )
    expect(received.branches).toEqual([{ name: 'recu/amélie-fiches', oid: tip }])
    expect(revParse(receiver, 'recu/amélie-fiches')).toBe(tip)
    expectSound(receiver)
  })

  it('imports a complete file (whole history, no prerequisite) into an empty repository', async () => {
    const { sender } = await senderAndReceiver(guidePages(12))
    const tip = await commitOn(sender, 'aminata', { 'fiches/page-1.md': 'Réécrite.\n' })
    const file = await nativeBundle(sender, 'aminata')
    expect((await readBundleHeader(file)).prerequisites).toEqual([])
    const receiver = await nativeRepository()
    await receiveContribution(await contextOf(receiver), file)
    expect(revParse(receiver, 'recu/aminata')).toBe(tip)
    // A complete pack is kept whole, with its index: no loose objects.
    expect(git(receiver, 'count-objects', '-v')).toMatch(/^count: 0$/m)
    expect(git(receiver, 'count-objects', '-v')).toMatch(/^packs: 1$/m)
    expectSound(receiver)
  })

  it('writes the pack index git index-pack writes, byte for byte', async () => {
    const { sender } = await senderAndReceiver(guidePages(30))
    await commitOn(sender, 'x', { 'fiches/page-1.md': 'Réécrite.\n' })
    const file = await nativeBundle(sender, 'x')
    const bytes = await readFile(file)
    const pack = bytes.subarray((await readBundleHeader(file)).packOffset)
    const folder = await tempDir('atelier-idx-')
    await writeFile(path.join(folder, 'p.pack'), pack)
    git(folder, 'index-pack', '-o', 'p.idx', 'p.pack')
    const { entries } = readPack(pack, () => null)
    expect(packIndex(pack, entries).equals(await readFile(path.join(folder, 'p.idx')))).toBe(true)
  })

  it('imports an --all bundle when the caller maps every ref somewhere harmless', async () => {
    const { sender } = await senderAndReceiver(guidePages(8))
    await commitOn(sender, 'x', { 'fiches/x.md': 'X\n' })
    git(sender, 'tag', '-a', '-m', 'Édition 1', 'v1', 'main')
    const file = await nativeBundle(sender, '--all')
    const receiver = await nativeRepository()
    const context = await contextOf(receiver)
    // Annotated tags name a tag object, not a commit: the whole file is refused.
    expect(
      await refusalCode(
        importBundle(context, file, (name) => name.replace('refs/', 'refs/remotes/r/')),
      ),
    ).toBe('bundle-refused-ref')
    git(sender, 'tag', '-d', 'v1')
    const untagged = await nativeBundle(sender, '--all')
    const moved = await importBundle(context, untagged, (name) =>
      name === 'HEAD' ? 'refs/remotes/r/HEAD' : name.replace('refs/heads/', 'refs/remotes/r/'),
    )
    expect(moved.map((ref) => ref.name).sort()).toEqual([
      'refs/remotes/r/HEAD',
      'refs/remotes/r/main',
      'refs/remotes/r/x',
    ])
    expect(revParse(receiver, 'refs/remotes/r/x')).toBe(revParse(sender, 'x'))
    expectSound(receiver)
  })

  it('reads a v3 bundle with @object-format=sha1', async () => {
    const { sender, receiver } = await senderAndReceiver(guidePages(6))
    const tip = await commitOn(sender, 'v3', { 'fiches/page-2.md': 'Trois.\n' })
    const file = await nativeBundle(sender, '--version=3', 'main..v3')
    expect(
      (await readFile(file, 'latin1')).startsWith('# v3 git bundle\n@object-format=sha1\n'),
    ).toBe(true)
    expect((await readBundleHeader(file)).version).toBe(3)
    await receiveContribution(await contextOf(receiver), file)
    expect(revParse(receiver, 'recu/v3')).toBe(tip)
    expectSound(receiver)
  })

  it('fast-forwards a contribution received again, and refuses one whose history was rewritten', async () => {
    const { sender, receiver } = await senderAndReceiver(guidePages(6))
    const first = await commitOn(sender, 'aminata', { 'fiches/a.md': 'Un.\n' })
    const context = await contextOf(receiver)
    await receiveContribution(context, await nativeBundle(sender, 'main..aminata'))
    const second = await commitOn(sender, 'aminata', { 'fiches/a.md': 'Deux.\n' })
    const moved = await importBundle(context, await nativeBundle(sender, 'main..aminata'), (name) =>
      name.replace('refs/heads/', 'refs/heads/recu/'),
    )
    expect(moved).toEqual([{ name: 'refs/heads/recu/aminata', from: first, oid: second }])
    git(sender, 'commit', '-q', '--amend', '-m', 'Réécrite')
    const rewritten = await nativeBundle(sender, 'main..aminata')
    expect(await refusalCode(receiveContribution(context, rewritten))).toBe(
      'bundle-not-fast-forward',
    )
    expect(revParse(receiver, 'recu/aminata')).toBe(second)
    expectSound(receiver)
  })

  it('property: for random small histories, the received branch has the sender’s tree and history', async () => {
    const { sender, receiver } = await senderAndReceiver(guidePages(10))
    const context = await contextOf(receiver)
    let round = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            page: fc.integer({ min: 0, max: 14 }),
            text: fc.string({ maxLength: 200 }),
            edit: fc.boolean(),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        async (commits) => {
          const branch = `b${round++}`
          git(sender, 'checkout', '-q', 'main')
          for (const { page, text, edit } of commits) {
            const name = `fiches/page-${page}.md`
            const current = guidePages(15)[name]!
            await commitOn(sender, branch, {
              [name]: edit ? current.replace('Paragraphe 30', text) : `${text}\n`,
            })
          }
          const file = await nativeBundle(sender, `main..${branch}`)
          await receiveContribution(context, file)
          expect(revParse(receiver, `recu/${branch}^{tree}`)).toBe(
            revParse(sender, `${branch}^{tree}`),
          )
          expect(git(receiver, 'rev-list', `recu/${branch}`)).toBe(git(sender, 'rev-list', branch))
        },
      ),
      { numRuns: 12 },
    )
    expectSound(receiver)
  }, 60_000)
})
