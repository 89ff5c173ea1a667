import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exists, existsNoFollow, unlessNotFound } from '../../../../src-main/fs/not-found.js'
import { tempDir } from '../../../helpers/temp-dir.js'

describe('unlessNotFound', () => {
  it('gives the result when the file is there', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'a.md'), 'texte')
    await expect(unlessNotFound(readFile(path.join(dir, 'a.md'), 'utf8'))).resolves.toBe('texte')
  })

  it('gives null for a missing file and for a path through a file', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'a.md'), 'texte')
    await expect(unlessNotFound(readFile(path.join(dir, 'absent.md')))).resolves.toBeNull()
    await expect(unlessNotFound(readFile(path.join(dir, 'a.md', 'b.md')))).resolves.toBeNull()
  })

  it('lets every other error through (a folder read as a file)', async () => {
    const dir = await tempDir()
    await mkdir(path.join(dir, 'dossier'))
    await expect(unlessNotFound(readFile(path.join(dir, 'dossier')))).rejects.toMatchObject({
      code: 'EISDIR',
    })
  })
})

describe('exists', () => {
  it('follows symlinks; existsNoFollow counts a dangling one', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'a.md'), 'texte')
    await symlink(path.join(dir, 'nowhere'), path.join(dir, 'lien'))
    expect(await exists(path.join(dir, 'a.md'))).toBe(true)
    expect(await exists(path.join(dir, 'absent.md'))).toBe(false)
    expect(await exists(path.join(dir, 'lien'))).toBe(false)
    expect(await existsNoFollow(path.join(dir, 'lien'))).toBe(true)
    expect(await existsNoFollow(path.join(dir, 'absent.md'))).toBe(false)
  })
})
