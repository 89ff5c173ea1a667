import { mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveInside } from '../../../../src-main/fs/safe-path.js'
import { tempDir } from '../../../helpers/temp-dir.js'

async function workspaceWithOutside() {
  const base = await tempDir()
  const root = path.join(base, 'ws')
  const outside = path.join(base, 'secret')
  await mkdir(path.join(root, '_themes'), { recursive: true })
  await mkdir(outside)
  await writeFile(path.join(outside, 'passwords.txt'), 'x')
  await writeFile(path.join(root, '_themes', 'a.md'), 'a')
  return { root, outside }
}

describe('resolveInside', () => {
  it('resolves ordinary relative paths, existing or not', async () => {
    const { root } = await workspaceWithOutside()
    await expect(resolveInside(root, '_themes/a.md')).resolves.toMatch(/_themes[/\\]a\.md$/)
    await expect(resolveInside(root, '_themes/nouveau/b.md')).resolves.toMatch(/b\.md$/)
    await expect(resolveInside(root, '_themes/../index.md')).resolves.toMatch(/index\.md$/)
  })

  it.each([
    ['../secret/passwords.txt'],
    ['_themes/../../secret/passwords.txt'],
    ['/etc/passwd'],
    ['C:\\Windows\\win.ini'],
    ['\\\\server\\share\\x'],
    ['_themes/a.md\0.txt'],
  ])('refuses %j', async (candidate) => {
    const { root } = await workspaceWithOutside()
    await expect(resolveInside(root, candidate)).rejects.toMatchObject({
      code: 'outside-workspace',
    })
  })

  it('refuses a symlink that points outside, and paths through it', async () => {
    const { root, outside } = await workspaceWithOutside()
    await symlink(outside, path.join(root, 'lien'))
    await expect(resolveInside(root, 'lien/passwords.txt')).rejects.toMatchObject({
      code: 'outside-workspace',
    })
    await expect(resolveInside(root, 'lien/nouveau.md')).rejects.toMatchObject({
      code: 'outside-workspace',
    })
  })

  it('allows a symlink that stays inside', async () => {
    const { root } = await workspaceWithOutside()
    await symlink(path.join(root, '_themes'), path.join(root, 'raccourci'))
    await expect(resolveInside(root, 'raccourci/a.md')).resolves.toMatch(/a\.md$/)
  })
})
