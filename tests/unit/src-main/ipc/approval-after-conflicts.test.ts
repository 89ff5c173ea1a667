import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../../src-main/ipc/dispatch.js'
import { git, gitStatusCode } from '../../../helpers/native-git.js'
import { openSession } from '../../../helpers/session.js'
import { tempDir } from '../../../helpers/temp-dir.js'

const REVIEWER = { name: 'Ousmane Sy', email: 'ousmane@example.org' }

/** main and `aminata` both changed the same line of index.md: approving it conflicts. */
async function conflictingContribution(): Promise<string> {
  const root = path.join(await tempDir('atelier-approval-'), 'guide')
  await mkdir(root, { recursive: true })
  const page = (words: string) => `---\ntitle: Accueil\n---\n${words}\n`
  await writeFile(path.join(root, 'index.md'), page('Bonjour'))
  const commit = (message: string) =>
    git(root, '-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-qam', message)
  git(root, 'init', '-q', '-b', 'main')
  git(root, 'add', '-A')
  commit('v1')
  git(root, 'switch', '-q', '-c', 'aminata')
  await writeFile(path.join(root, 'index.md'), page('Bonjour à tous'))
  commit('Aminata')
  git(root, 'switch', '-q', 'main')
  await writeFile(path.join(root, 'index.md'), page('Bonjour à toutes'))
  commit('Sur main')
  return root
}

/**
 * « Approuver et intégrer » on a contribution that conflicts: the merge goes to
 * the conflict flow, and the approval (who, when) is recorded when that merge
 * is saved — or forgotten when it is given up.
 */
describe('an approval that meets conflicts', () => {
  it('is recorded with who approved once the merge is saved through the conflict flow', async () => {
    const root = await conflictingContribution()
    const { session, handlers } = await openSession(root)
    await session.settings.setAuthor(REVIEWER)
    const tip = git(root, 'rev-parse', 'aminata').trim()

    const approved = await dispatch(handlers, 'review.approve', { branch: 'aminata' })
    expect(approved).toMatchObject({ ok: true, value: { kind: 'conflicts' } })
    expect(gitStatusCode(root, 'notes', '--ref=atelier', 'show', tip)).not.toBe(0)

    await dispatch(handlers, 'versions.resolve', { path: 'index.md', choice: 'theirs' })
    const saved = await dispatch(handlers, 'versions.commit', { message: 'Fusion de aminata' })
    expect(saved.ok).toBe(true)
    const note = git(root, 'notes', '--ref=atelier', 'show', tip)
    expect(note).toContain('"approved"')
    expect(note).toContain('"integrated"')
    expect(note).toContain('"Ousmane Sy"')
    const list = await dispatch(handlers, 'review.list', {})
    expect(list).toMatchObject({ ok: true, value: [{ branch: 'aminata', status: 'integrated' }] })
    // Recorded once: another version later records nothing more.
    await writeFile(path.join(root, 'autre.md'), 'autre\n')
    await dispatch(handlers, 'versions.commit', { message: 'Autre' })
    expect(git(root, 'notes', '--ref=atelier', 'show', tip).match(/"approved"/g)).toHaveLength(1)
    expect(gitStatusCode(root, 'fsck', '--strict', '--no-dangling')).toBe(0)
  })

  it('is forgotten when the merge is given up: nothing recorded, now or at a later version', async () => {
    const root = await conflictingContribution()
    const { session, handlers } = await openSession(root)
    await session.settings.setAuthor(REVIEWER)
    const tip = git(root, 'rev-parse', 'aminata').trim()
    await dispatch(handlers, 'review.approve', { branch: 'aminata' })
    expect((await dispatch(handlers, 'versions.abortMerge', {})).ok).toBe(true)
    await writeFile(path.join(root, 'autre.md'), 'autre\n')
    expect((await dispatch(handlers, 'versions.commit', { message: 'Autre' })).ok).toBe(true)
    expect(gitStatusCode(root, 'notes', '--ref=atelier', 'show', tip)).not.toBe(0)
    expect(gitStatusCode(root, 'fsck', '--strict', '--no-dangling')).toBe(0)
  })
})
