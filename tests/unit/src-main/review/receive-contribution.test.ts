import { describe, expect, it } from 'vitest'
import { contributionImportCommand } from '../../../../src-main/commands/contribution-import.js'
import { RECEIVED_NOTES_REF } from '../../../../src-main/git/review-refs.js'
import { receiveContribution } from '../../../../src-main/review/receive-contribution.js'
import { translate } from '../../../../src-shared/i18n/translate.js'
import {
  commitOn,
  contextOf,
  guidePages,
  nativeBundle,
  refusalCode,
  repositorySnapshot,
  senderAndReceiver,
} from '../../../helpers/bundles.js'
import { git, gitStatusCode } from '../../../helpers/native-git.js'

function usage(text: string): never {
  throw new Error(`usage: ${text}`)
}

async function run(args: string[]): Promise<{ code: number; text: string }> {
  let text = ''
  const code = await contributionImportCommand(args, (chunk) => (text += chunk), usage)
  return { code, text }
}

describe('receiving a contribution', () => {
  it('never touches the user’s own branch of the same name, nor main', async () => {
    const { sender, receiver } = await senderAndReceiver(guidePages(4))
    const theirs = await commitOn(sender, 'aminata', { 'fiches/a.md': 'Leur texte.\n' })
    const mine = await commitOn(receiver, 'aminata', { 'fiches/a.md': 'Mon texte.\n' })
    const main = git(receiver, 'rev-parse', 'main').trim()
    const received = await receiveContribution(
      await contextOf(receiver),
      await nativeBundle(sender, 'main..aminata'),
    )
    expect(received.branches).toEqual([{ name: 'recu/aminata', oid: theirs }])
    expect(git(receiver, 'rev-parse', 'aminata').trim()).toBe(mine)
    expect(git(receiver, 'rev-parse', 'main').trim()).toBe(main)
  })

  it('refuses the main line under its older name too (master)', async () => {
    const { sender, receiver } = await senderAndReceiver(guidePages(3))
    git(receiver, 'branch', '-m', 'main', 'master')
    git(sender, 'branch', '-m', 'main', 'master')
    const start = git(sender, 'rev-parse', 'master').trim()
    await commitOn(sender, 'master', { 'fiches/b.md': 'B\n' })
    const before = repositorySnapshot(receiver)
    const file = await nativeBundle(sender, `${start}..master`)
    expect(await refusalCode(receiveContribution(await contextOf(receiver), file))).toBe(
      'bundle-refused-ref',
    )
    expect(repositorySnapshot(receiver)).toBe(before)
  })

  it('refuses recu/x when the user has a branch named recu (it would clash), changing nothing', async () => {
    const { sender, receiver } = await senderAndReceiver(guidePages(3))
    await commitOn(sender, 'x', { 'fiches/x.md': 'X\n' })
    git(receiver, 'branch', 'recu')
    const before = repositorySnapshot(receiver)
    const file = await nativeBundle(sender, 'main..x')
    expect(await refusalCode(receiveContribution(await contextOf(receiver), file))).toBe(
      'bundle-refused-ref',
    )
    expect(repositorySnapshot(receiver)).toBe(before)
  })
  it('refuses recu/x when recu/x/y exists, packed or not, and moves no other ref of the file', async () => {
    const { sender, receiver } = await senderAndReceiver(guidePages(3))
    await commitOn(sender, 'a', { 'fiches/a.md': 'A\n' })
    await commitOn(sender, 'x', { 'fiches/x.md': 'X\n' })
    const file = await nativeBundle(sender, 'a', 'x', '^main')
    git(receiver, 'branch', 'recu/x/y')
    for (const pack of [false, true]) {
      if (pack) git(receiver, 'pack-refs', '--all')
      const before = repositorySnapshot(receiver)
      expect(await refusalCode(receiveContribution(await contextOf(receiver), file))).toBe(
        'bundle-refused-ref',
      )
      expect(repositorySnapshot(receiver)).toBe(before)
    }
  })
})

describe('contribution import <workspace> <file> [--json]', () => {
  it('prints the received branches as JSON', async () => {
    const { sender, receiver } = await senderAndReceiver(guidePages(4))
    const tip = await commitOn(sender, 'aminata', { 'fiches/a.md': 'A\n' })
    git(sender, 'notes', '--ref=atelier', 'add', '-m', 'Bien.', tip)
    const file = await nativeBundle(sender, 'aminata', 'refs/notes/atelier', '^main')
    const { code, text } = await run([receiver, file, '--json'])
    expect(code).toBe(0)
    expect(JSON.parse(text)).toEqual({ branches: [{ name: 'recu/aminata', oid: tip }] })
    // The notes joined the review notes (a fast-forward: the receiver had none); none wait.
    expect(git(receiver, 'rev-parse', 'refs/notes/atelier').trim()).toBe(
      git(sender, 'rev-parse', 'refs/notes/atelier').trim(),
    )
    expect(gitStatusCode(receiver, 'rev-parse', '-q', '--verify', RECEIVED_NOTES_REF)).toBe(1)
    expect(gitStatusCode(receiver, 'fsck', '--strict', '--no-dangling')).toBe(0)
  })

  it('exits 1 with the French message and writes nothing on a refusal', async () => {
    const { sender, receiver } = await senderAndReceiver(guidePages(4))
    const start = git(sender, 'rev-parse', 'main').trim()
    await commitOn(sender, 'main', { 'fiches/a.md': 'A\n' })
    const file = await nativeBundle(sender, `${start}..main`)
    const before = repositorySnapshot(receiver)
    const plain = await run([receiver, file])
    expect(plain.code).toBe(1)
    expect(plain.text).toContain(translate('fr', 'errors.bundle-refused-ref'))
    const json = await run([receiver, file, '--json'])
    expect(json.code).toBe(1)
    expect(JSON.parse(json.text)).toEqual({
      error: { code: 'bundle-refused-ref', message: translate('fr', 'errors.bundle-refused-ref') },
    })
    expect(repositorySnapshot(receiver)).toBe(before)
  })

  it('asks for both arguments', async () => {
    await expect(run(['only-one'])).rejects.toThrow(/usage: contribution import/)
  })
})
