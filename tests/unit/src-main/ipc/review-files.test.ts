import { existsSync } from 'node:fs'
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../../src-main/ipc/dispatch.js'
import { git } from '../../../helpers/native-git.js'
import { openSession } from '../../../helpers/session.js'
import { tempDir } from '../../../helpers/temp-dir.js'

/**
 * A contribution file is chosen by the user anywhere on their disk, but
 * never among the guide's own files: « Envoyer » does not write into the
 * guide (nor through a link into it), « Ouvrir » does not read from it.
 */
async function guideWithContribution() {
  const base = await tempDir('atelier-review-files-')
  const root = path.join(base, 'guide')
  await mkdir(root, { recursive: true })
  await writeFile(path.join(root, 'index.md'), '---\ntitle: Accueil\n---\nBonjour\n')
  git(root, 'init', '-q', '-b', 'main')
  git(root, 'add', '-A')
  git(root, '-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'v1')
  git(root, 'switch', '-q', '-c', 'aminata')
  await writeFile(path.join(root, 'index.md'), '---\ntitle: Accueil\n---\nBonjour à tous\n')
  git(root, '-c', 'user.name=A', '-c', 'user.email=a@example.org', 'commit', '-qam', 'v2')
  git(root, 'switch', '-q', 'main')
  return { base, root }
}

describe('contribution files and the guide folder', () => {
  it('refuses to write a contribution file inside the guide, even through a link', async () => {
    const { base, root } = await guideWithContribution()
    await symlink(root, path.join(base, 'lien-vers-le-guide'))
    const { handlers } = await openSession(root)
    for (const file of [
      path.join(root, 'envoi.bundle'),
      path.join(root, '.git', 'envoi.bundle'),
      path.join(base, 'lien-vers-le-guide', 'envoi.bundle'),
    ]) {
      const result = await dispatch(handlers, 'review.send', {
        branch: 'aminata',
        full: false,
        file,
      })
      expect(result, file).toMatchObject({ ok: false, error: { code: 'contribution-file-inside' } })
      expect(existsSync(file), file).toBe(false)
    }
    expect(git(root, 'status', '--porcelain')).toBe('')
  })

  it('writes one outside, and refuses to read a file from inside the guide', async () => {
    const { base, root } = await guideWithContribution()
    const { handlers } = await openSession(root)
    const outside = path.join(base, 'envoi.bundle')
    const sent = await dispatch(handlers, 'review.send', {
      branch: 'aminata',
      full: false,
      file: outside,
    })
    expect(sent).toMatchObject({ ok: true })
    git(root, 'bundle', 'verify', '--quiet', outside)
    const inside = path.join(root, 'copie.bundle')
    await writeFile(inside, await readFile(outside))
    const received = await dispatch(handlers, 'review.receive', { file: inside })
    expect(received).toMatchObject({ ok: false, error: { code: 'contribution-file-inside' } })
    expect(git(root, 'branch', '--list', 'recu/*')).toBe('')
  })
})
