import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { beforeEach, describe, expect, it } from 'vitest'
import { readBundleHeader } from '../../../../src-main/git/bundle-read.js'
import type { RepositoryContext } from '../../../../src-main/git/repository-context.js'
import { receiveContribution } from '../../../../src-main/review/receive-contribution.js'
import {
  buildPack,
  commitOn,
  contextOf,
  deltaSizes,
  gitObjectId,
  guidePages,
  handBundle,
  nativeBundle,
  refusalCode,
  repositorySnapshot,
  senderAndReceiver,
  withChecksum,
} from '../../../helpers/bundles.js'
import { git, gitStatusCode as gitStatus, nativeRepository } from '../../../helpers/native-git.js'
import { tempDir } from '../../../helpers/temp-dir.js'

/**
 * Every refused file leaves the receiving repository byte for byte as it was:
 * refs, packed refs, object files and the objects native git lists. (A fresh
 * pair of repositories per test: temporary folders go after each one.)
 */
describe('refusing bad contribution files', () => {
  let sender: string
  let receiver: string
  let context: RepositoryContext
  let good: Buffer
  let packOffset: number
  let mainOid: string
  let pageBlob: { oid: string; size: number }

  beforeEach(async () => {
    ;({ sender, receiver } = await senderAndReceiver(guidePages(20)))
    await commitOn(sender, 'aminata', {
      'fiches/page-2.md': guidePages(20)['fiches/page-2.md']!.replace('Paragraphe 5', 'Revu'),
    })
    const file = await nativeBundle(sender, 'main..aminata')
    good = await readFile(file)
    packOffset = (await readBundleHeader(file)).packOffset
    context = await contextOf(receiver)
    mainOid = git(receiver, 'rev-parse', 'main').trim()
    const blob = git(receiver, 'rev-parse', 'main:fiches/page-1.md').trim()
    pageBlob = { oid: blob, size: Number(git(receiver, 'cat-file', '-s', blob).trim()) }
  })

  async function write(bytes: Buffer): Promise<string> {
    const file = path.join(await tempDir('atelier-bad-'), 'bad.bundle')
    await writeFile(file, bytes)
    return file
  }

  /** Refused with `code` (any bundle code when null), the repository unchanged. */
  async function expectRefused(file: string, code: string | null): Promise<string> {
    const before = repositorySnapshot(receiver)
    const got = await refusalCode(receiveContribution(context, file))
    if (code) expect(got).toBe(code)
    else expect(got).toMatch(/^bundle-/)
    expect(repositorySnapshot(receiver)).toBe(before)
    return got
  }

  it('accepts the untouched file (so the refusals below are about the damage)', async () => {
    const copy = await contextOf(await cloneOfReceiver())
    const received = await receiveContribution(copy, await write(good))
    expect(received.branches.map((branch) => branch.name)).toEqual(['recu/aminata'])
  })

  async function cloneOfReceiver(): Promise<string> {
    const dir = path.join(await tempDir('atelier-clone-'), 'repo')
    git(path.dirname(dir), 'clone', '-q', receiver, dir)
    return dir
  }

  it('property: a file truncated anywhere is refused and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: good.length - 1 }), async (length) => {
        await expectRefused(await write(good.subarray(0, length)), null)
      }),
      { numRuns: 25 },
    )
  }, 60_000)

  it('property: a byte flipped anywhere in the pack is refused and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: packOffset, max: good.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (at, mask) => {
          const bad = Buffer.from(good)
          bad[at] = bad[at]! ^ mask
          await expectRefused(await write(bad), 'bundle-corrupt')
        },
      ),
      { numRuns: 25 },
    )
  }, 60_000)

  it('property: a byte flipped in the header is refused, or imports only under recu/ with git fsck clean', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: packOffset - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (at, mask) => {
          const bad = Buffer.from(good)
          bad[at] = bad[at]! ^ mask
          const dir = await cloneOfReceiver()
          const before = repositorySnapshot(dir)
          const code = await refusalCode(
            receiveContribution(await contextOf(dir), await write(bad)),
          )
          if (code === 'no error') {
            expect(git(dir, 'for-each-ref', '--format=%(refname)')).toMatch(/refs\/heads\/recu\//)
            expect(git(dir, 'rev-parse', 'main').trim()).toBe(mainOid)
            git(dir, 'fsck', '--strict', '--no-dangling')
          } else {
            expect(code).toMatch(/^bundle-|^not-found$/)
            expect(repositorySnapshot(dir)).toBe(before)
          }
        },
      ),
      { numRuns: 10 },
    )
  }, 60_000)

  it('property: a byte flipped in the pack with its checksum recomputed is refused in French (by the parser, not the checksum) or, still well formed, imported soundly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: packOffset, max: good.length - 21 }),
        fc.integer({ min: 1, max: 255 }),
        async (at, mask) => {
          const body = Buffer.from(good.subarray(0, good.length - 20))
          body[at] = body[at]! ^ mask
          const bad = Buffer.concat([
            body.subarray(0, packOffset),
            withChecksum(body.subarray(packOffset)),
          ])
          const dir = await cloneOfReceiver()
          const before = repositorySnapshot(dir)
          const code = await refusalCode(
            receiveContribution(await contextOf(dir), await write(bad)),
          )
          if (code === 'no error') git(dir, 'fsck', '--strict', '--no-dangling')
          else expect(repositorySnapshot(dir)).toBe(before)
        },
      ),
      { numRuns: 15 },
    )
  }, 60_000)

  it('property: random delta bytes against a real base never escape as anything but a French refusal', async () => {
    const base = await contextOf(receiver)
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 64 }), async (bytes) => {
        const delta = Buffer.concat([
          deltaSizes(pageBlob.size, bytes.length % 300),
          Buffer.from(bytes),
        ])
        const file = await handBundle(
          [`# v2 git bundle`, `${mainOid} refs/heads/x`],
          buildPack([{ type: 7, baseOid: pageBlob.oid, data: delta }]),
        )
        const code = await refusalCode(receiveContribution(base, file))
        expect(['no error', 'bundle-corrupt', 'bundle-too-large']).toContain(code)
      }),
      { numRuns: 40 },
    )
  }, 60_000)

  it('refuses a wrong pack checksum', async () => {
    const bad = Buffer.from(good)
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 1
    await expectRefused(await write(bad), 'bundle-corrupt')
  })

  it('refuses an altered object even with the checksum recomputed (every object is hashed)', async () => {
    const blob = Buffer.from('Texte modifié en route.\n')
    const pack = buildPack([{ type: 3, data: blob }])
    // The ref claims the object the sender meant; the pack holds another one.
    const meant = gitObjectId('blob', Buffer.from('Texte original.\n'))
    const commit = Buffer.from(`tree ${meant}\n\nVersion\n`)
    const file = await handBundle(
      ['# v2 git bundle', `${gitObjectId('commit', commit)} refs/heads/x`],
      buildPack([
        { type: 1, data: commit },
        { type: 3, data: blob },
      ]),
    )
    expect(pack.length).toBeGreaterThan(0)
    await expectRefused(file, 'bundle-corrupt')
  })

  it('refuses a contribution whose prerequisites this repository lacks, in plain French', async () => {
    const stranger = await nativeRepository({ 'index.md': 'Un autre guide.\n' })
    const before = repositorySnapshot(stranger)
    const code = await refusalCode(
      receiveContribution(await contextOf(stranger), await write(good)),
    )
    expect(code).toBe('bundle-prerequisites')
    expect(repositorySnapshot(stranger)).toBe(before)
  })

  it('refuses a file that aims at the main line, a tag or HEAD', async () => {
    const { sender: s, receiver: r } = await senderAndReceiver(guidePages(3))
    const start = git(s, 'rev-parse', 'main').trim()
    await commitOn(s, 'main', { 'fiches/page-1.md': 'Sur main.\n' })
    git(s, 'tag', 'v2', 'main')
    const here = await contextOf(r)
    for (const args of [[`${start}..main`], [`${start}..v2`], ['HEAD', `^${start}`]]) {
      const file = await nativeBundle(s, ...args)
      const before = repositorySnapshot(r)
      expect(await refusalCode(receiveContribution(here, file))).toBe('bundle-refused-ref')
      expect(repositorySnapshot(r)).toBe(before)
    }
    // One bad ref among good ones refuses the whole file.
    await commitOn(s, 'x', { 'fiches/x.md': 'X\n' })
    const mixed = await nativeBundle(s, 'x', 'main', `^${start}`)
    const before = repositorySnapshot(r)
    expect(await refusalCode(receiveContribution(here, mixed))).toBe('bundle-refused-ref')
    expect(repositorySnapshot(r)).toBe(before)
  })

  it('refuses an enormous declared object count', async () => {
    const pack = buildPack([{ type: 3, data: Buffer.from('a') }], 0xffffffff)
    const file = await handBundle([`# v2 git bundle`, `${mainOid} refs/heads/x`], pack)
    await expectRefused(file, 'bundle-too-large')
  })

  it('refuses an enormous declared object size before inflating anything', async () => {
    const pack = buildPack([{ type: 3, data: Buffer.from('a'), declaredSize: 2 ** 40 }])
    const file = await handBundle([`# v2 git bundle`, `${mainOid} refs/heads/x`], pack)
    await expectRefused(file, 'bundle-too-large')
  })

  it('refuses a stream that inflates past its declared size', async () => {
    const pack = buildPack([{ type: 3, data: Buffer.alloc(1 << 20), declaredSize: 10 }])
    const file = await handBundle([`# v2 git bundle`, `${mainOid} refs/heads/x`], pack)
    await expectRefused(file, 'bundle-corrupt')
  })

  it('refuses a delta bomb: a few bytes against a page of ours that claim gigabytes', async () => {
    // Copy the whole base, again and again: the declared result is 4 GiB.
    const copy = Buffer.from([0x90 | 0x0f, 0, 0, 0, 0, 0xff, 0xff, 0xff])
    const delta = Buffer.concat([deltaSizes(pageBlob.size, 2 ** 32), copy])
    const pack = buildPack([{ type: 7, baseOid: pageBlob.oid, data: delta }])
    const file = await handBundle(
      [`# v2 git bundle`, `-${mainOid}`, `${mainOid} refs/heads/x`],
      pack,
    )
    await expectRefused(file, 'bundle-too-large')
  })

  it('refuses a delta whose copies leave its base, or whose base is nowhere', async () => {
    const outside = Buffer.concat([
      deltaSizes(pageBlob.size, 16),
      // Copy 16 bytes from 4 bytes before the base's end: 12 of them are past it.
      Buffer.from([0x93, (pageBlob.size - 4) & 0xff, (pageBlob.size - 4) >> 8, 16]),
    ])
    const shortBase = Buffer.from('court')
    const shortOid = gitObjectId('blob', shortBase)
    const wrongSize = Buffer.concat([deltaSizes(shortBase.length, 1), Buffer.from([1, 0x41])])
    for (const pack of [
      buildPack([{ type: 7, baseOid: pageBlob.oid, data: outside }]),
      buildPack([{ type: 7, baseOid: 'ab'.repeat(20), data: wrongSize }]),
      // An OFS_DELTA whose distance lands inside the previous entry, not at its start.
      buildPack([
        { type: 3, data: shortBase },
        { type: 6, baseDistance: 1, data: wrongSize },
      ]),
      buildPack([
        { type: 3, data: shortBase },
        {
          type: 7,
          baseOid: shortOid,
          data: Buffer.concat([deltaSizes(99, 1), Buffer.from([1, 0x41])]),
        },
      ]),
    ]) {
      const file = await handBundle([`# v2 git bundle`, `${mainOid} refs/heads/x`], pack)
      await expectRefused(file, 'bundle-corrupt')
    }
  })

  it('refuses a ref to an object the file does not bring, and one that is not a commit', async () => {
    const blob = Buffer.from('Une page.\n')
    const missing = await handBundle(
      [`# v2 git bundle`, `${'cd'.repeat(20)} refs/heads/x`],
      buildPack([{ type: 3, data: blob }]),
    )
    await expectRefused(missing, 'bundle-corrupt')
    const notCommit = await handBundle(
      [`# v2 git bundle`, `${gitObjectId('blob', blob)} refs/heads/x`],
      buildPack([{ type: 3, data: blob }]),
    )
    await expectRefused(notCommit, 'bundle-refused-ref')
  })

  it('refuses a commit whose tree is missing (the history must be complete)', async () => {
    const commit = Buffer.from(`tree ${'ef'.repeat(20)}\nparent ${mainOid}\n\nVersion\n`)
    const file = await handBundle(
      [`# v2 git bundle`, `-${mainOid}`, `${gitObjectId('commit', commit)} refs/heads/x`],
      buildPack([{ type: 1, data: commit }]),
    )
    await expectRefused(file, 'bundle-corrupt')
  })

  it('refuses objects git fsck --strict would flag, and writes none of them', async () => {
    const blob = Buffer.from('Une page.\n')
    const blobOid = gitObjectId('blob', blob)
    const entry = (mode: string, name: string): Buffer =>
      Buffer.concat([Buffer.from(`${mode} ${name}\0`), Buffer.from(blobOid, 'hex')])
    const ident = 'Aminata <aminata@example.org> 1700000000 +0100'
    const commitOf = (tree: string, author = ident): Buffer =>
      Buffer.from(`tree ${tree}\nauthor ${author}\ncommitter ${ident}\n\nVersion\n`)
    const good = Buffer.concat([entry('100644', 'a.md'), entry('100644', 'b.md')])
    const bads: { tree: Buffer; author?: string }[] = [
      { tree: Buffer.concat([entry('100644', 'b.md'), entry('100644', 'a.md')]) },
      { tree: Buffer.concat([entry('100644', 'a.md'), entry('100644', 'a.md')]) },
      { tree: entry('100664', 'a.md') },
      { tree: entry('100644', '.git') },
      { tree: entry('100644', '..') },
      // Git's folder by the names Windows and macOS also answer to, and a Windows separator.
      { tree: entry('100644', '.GIT') },
      { tree: entry('100644', '.git.') },
      { tree: entry('100644', 'git~1') },
      // HFS+ ignores joiners and marks in names: `.g\u200cit` is git's folder there.
      { tree: entry('100644', '.g\u200cit') },
      { tree: entry('100644', '\ufeff.git') },
      { tree: entry('100644', '..\\..\\startup.bat') },
      { tree: good, author: 'Aminata aminata@example.org 1700000000 +0100' },
      { tree: good, author: `${ident.replace('1700000000', '01700000000')}` },
    ]
    // The same file with a well-formed tree and commit is accepted (the checks are the cause).
    const files = [{ tree: good }, ...bads].map(({ tree, author }) => {
      const commit = commitOf(gitObjectId('tree', tree), author)
      return handBundle(
        ['# v2 git bundle', `${gitObjectId('commit', commit)} refs/heads/x`],
        buildPack([
          { type: 1, data: commit },
          { type: 2, data: tree },
          { type: 3, data: blob },
        ]),
      )
    })
    for (const file of (await Promise.all(files)).slice(1))
      await expectRefused(file, 'bundle-corrupt')
    const dir = await cloneOfReceiver()
    await receiveContribution(await contextOf(dir), await files[0]!)
    git(dir, 'fsck', '--strict', '--no-dangling')
  })

  it('writes only the objects the refs reach (junk in the pack stays out)', async () => {
    const blob = Buffer.from('Une page.\n')
    const tree = Buffer.concat([
      Buffer.from('100644 a.md\0'),
      Buffer.from(gitObjectId('blob', blob), 'hex'),
    ])
    const ident = 'Aminata <aminata@example.org> 1700000000 +0100'
    const commit = Buffer.from(
      `tree ${gitObjectId('tree', tree)}\nauthor ${ident}\ncommitter ${ident}\n\nV\n`,
    )
    const junk = Buffer.from('tree nothing\n')
    const file = await handBundle(
      ['# v2 git bundle', `${gitObjectId('commit', commit)} refs/heads/x`],
      buildPack([
        { type: 1, data: commit },
        { type: 2, data: tree },
        { type: 3, data: blob },
        { type: 1, data: junk },
      ]),
    )
    await receiveContribution(context, file)
    expect(git(receiver, 'cat-file', '-t', gitObjectId('blob', blob)).trim()).toBe('blob')
    expect(gitStatus(receiver, 'cat-file', '-e', gitObjectId('commit', junk))).not.toBe(0)
    git(receiver, 'fsck', '--strict')
  })

  it('refuses a folder or a missing file as « introuvable »', async () => {
    const before = repositorySnapshot(receiver)
    for (const file of [await tempDir('atelier-folder-'), path.join(receiver, 'absent.bundle')]) {
      expect(await refusalCode(receiveContribution(context, file))).toBe('not-found')
    }
    expect(repositorySnapshot(receiver)).toBe(before)
  })

  it('refuses garbage, other formats and unknown capabilities', async () => {
    const pack = buildPack([{ type: 3, data: Buffer.from('a') }])
    const ref = `${mainOid} refs/heads/x`
    for (const bytes of [
      Buffer.from('pas un paquet git du tout'),
      Buffer.alloc(3000, 0xff),
      Buffer.from(''),
      Buffer.concat([Buffer.from(`# v4 git bundle\n${ref}\n\n`), pack]),
      Buffer.concat([Buffer.from(`# v3 git bundle\n@object-format=sha256\n${ref}\n\n`), pack]),
      Buffer.concat([Buffer.from(`# v3 git bundle\n@filter=blob:none\n${ref}\n\n`), pack]),
      Buffer.concat([Buffer.from(`# v2 git bundle\n\n`), pack]),
      Buffer.concat([Buffer.from(`# v2 git bundle\nnot a ref line\n\n`), pack]),
      Buffer.concat([
        Buffer.from(`# v2 git bundle\n${mainOid} refs/heads/`),
        Buffer.from([0xff, 10, 10]),
        pack,
      ]),
    ]) {
      await expectRefused(await write(bytes), 'bundle-format')
    }
    await expectRefused(
      await write(
        Buffer.concat([
          Buffer.from(`# v2 git bundle\n${ref}\n\n`),
          withChecksum(Buffer.from('PACX')),
        ]),
      ),
      'bundle-corrupt',
    )
  })
})
