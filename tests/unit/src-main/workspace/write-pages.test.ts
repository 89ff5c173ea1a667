import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import * as conditionalWrite from '../../../../src-main/fs/conditional-write.js'
import { Workspace } from '../../../../src-main/workspace/workspace.js'
import type { WorkspaceChange } from '../../../../src-main/workspace/workspace-change.js'
import { writeSite } from '../../../helpers/site-fixture.js'

/** Another program's write, made just before Atelier writes the file it names. */
const interference = vi.hoisted(() => ({ file: '', text: '' }))
vi.mock('../../../../src-main/fs/conditional-write.js', async (original) => {
  const real = await original<typeof conditionalWrite>()
  return {
    ...real,
    writeFileIfUnchanged: async (...args: Parameters<typeof real.writeFileIfUnchanged>) => {
      if (interference.file && args[0] === interference.file) {
        await writeFile(interference.file, interference.text)
        interference.file = ''
      }
      return real.writeFileIfUnchanged(...args)
    },
  }
})

const A = '---\ntitle: A\n---\n\negalite\n'
const B = '---\ntitle: B\n---\n\negalite\n'

async function twoPages() {
  const root = await writeSite({ 'a.md': A, 'b.md': B })
  const workspace = await Workspace.open(root)
  const told: WorkspaceChange[][] = []
  workspace.onChange((changes) => told.push([...changes]))
  const writes = [
    { path: 'a.md', text: A.replace('egalite', 'parité'), base: conditionalWrite.contentHash(A) },
    { path: 'b.md', text: B.replace('egalite', 'parité'), base: conditionalWrite.contentHash(B) },
  ]
  return { root, workspace, told, writes }
}

describe('Workspace.writePages', () => {
  it('writes every page and tells of them in one change', async () => {
    const { root, workspace, told, writes } = await twoPages()
    await workspace.writePages(writes)
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe(writes[0]!.text)
    expect(await readFile(path.join(root, 'b.md'), 'utf8')).toBe(writes[1]!.text)
    expect(told).toEqual([
      [
        { path: 'a.md', kind: 'written', textOnly: false },
        { path: 'b.md', kind: 'written', textOnly: false },
      ],
    ])
  })

  it('writes nothing when a page is not the version planned', async () => {
    const { root, workspace, told, writes } = await twoPages()
    await writeFile(path.join(root, 'b.md'), `${B}Ajout.\n`)
    await expect(workspace.writePages(writes)).rejects.toMatchObject({
      code: 'changed-since-preview',
      detail: 'b.md',
    })
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe(A)
    expect(told).toEqual([])
  })

  it('puts back the pages written when another program changes one during the writes', async () => {
    const { root, workspace, told, writes } = await twoPages()
    const theirs = `${B}Écrit par un autre programme.\n`
    Object.assign(interference, { file: path.join(root, 'b.md'), text: theirs })
    await expect(workspace.writePages(writes)).rejects.toMatchObject({
      code: 'changed-since-preview',
    })
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe(A)
    expect(await readFile(path.join(root, 'b.md'), 'utf8')).toBe(theirs)
    expect(told).toEqual([])
  })
})
