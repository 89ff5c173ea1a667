import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeGroupIfUnchanged } from '../../../../src-main/fs/group-write.js'
import { tempDir } from '../../../helpers/temp-dir.js'

async function folder(files: Record<string, string>) {
  const root = await tempDir('atelier-group-')
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(root, name), text)
  return { root, at: (name: string) => path.join(root, name) }
}

const contents = async (root: string) =>
  Object.fromEntries(
    await Promise.all(
      (await readdir(root))
        .sort()
        .map(async (name) => [name, await readFile(path.join(root, name), 'utf8')]),
    ),
  )

describe('writeGroupIfUnchanged', () => {
  it('creates, edits and removes as planned', async () => {
    const { root, at } = await folder({ 'a.md': 'a', 'b.md': 'b' })
    const outcome = await writeGroupIfUnchanged([
      { file: at('c.md'), before: null, after: 'a2' },
      { file: at('b.md'), before: 'b', after: 'b2' },
      { file: at('a.md'), before: 'a', after: null },
    ])
    expect(outcome).toEqual({ kind: 'written' })
    expect(await contents(root)).toEqual({ 'b.md': 'b2', 'c.md': 'a2' })
  })

  it('writes nothing when a file is not the version planned from', async () => {
    const { root, at } = await folder({ 'a.md': 'a', 'b.md': 'changé' })
    const outcome = await writeGroupIfUnchanged([
      { file: at('c.md'), before: null, after: 'a2' },
      { file: at('b.md'), before: 'b', after: 'b2' },
      { file: at('a.md'), before: 'a', after: null },
    ])
    expect(outcome).toEqual({ kind: 'changed', file: at('b.md') })
    expect(await contents(root)).toEqual({ 'a.md': 'a', 'b.md': 'changé' })
  })

  it('puts back what it wrote when a file changes during the writes', async () => {
    // The second step on `a.md` finds the first step's text, as it would another program's.
    const { root, at } = await folder({ 'a.md': 'a', 'b.md': 'b' })
    const outcome = await writeGroupIfUnchanged([
      { file: at('new.md'), before: null, after: 'n' },
      { file: at('a.md'), before: 'a', after: 'a2' },
      { file: at('b.md'), before: 'b', after: 'b2' },
      { file: at('a.md'), before: 'a', after: null },
    ])
    expect(outcome).toEqual({ kind: 'changed', file: at('a.md') })
    expect(await contents(root)).toEqual({ 'a.md': 'a', 'b.md': 'b' })
  })
})
