import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Workspace } from '../../../../src-main/workspace/workspace.js'
import { markdownInputOf } from '../../../../src-shared/markdown/markdown-input.js'
import { openPage } from '../../../../src-shared/markdown/page-document.js'
import { writeSite } from '../../../helpers/site-fixture.js'

const PAGE = '---\ntitle: Conséquences\n---\nLes conséquences sont :\n* une ;\n* deux.\n'

describe("the site's kramdown.input reaches the editor", () => {
  it('reads `input` as Jekyll does (kramdown or Kramdown; anything else is GFM)', () => {
    expect(markdownInputOf({ kramdown: { input: 'kramdown' } })).toBe('kramdown')
    expect(markdownInputOf({ kramdown: { input: 'Kramdown' } })).toBe('kramdown')
    expect(markdownInputOf({ kramdown: { input: 'GFM' } })).toBe('GFM')
    expect(markdownInputOf({ kramdown: {} })).toBe('GFM')
    expect(markdownInputOf(null)).toBe('GFM')
  })

  it('a page read from the workspace carries the input, and the editor reads it so', async () => {
    const root = await writeSite({ '_config.yml': 'title: Site\n', 'page.md': PAGE })
    const workspace = await Workspace.open(root)
    const gfm = await workspace.readPage('page.md')
    expect(gfm.markdownInput).toBe('GFM')
    const kinds = (input: typeof gfm.markdownInput) =>
      openPage(PAGE, { input }).doc.content.map((node) => node.type)
    expect(kinds(gfm.markdownInput)).toEqual(['paragraph', 'bulletList'])

    await writeFile(path.join(root, '_config.yml'), 'title: Site\nkramdown:\n  input: kramdown\n')
    const kramdown = await workspace.readPage('page.md')
    expect(kramdown.markdownInput).toBe('kramdown')
    expect(kinds(kramdown.markdownInput)).toEqual(['paragraph'])
  })
})
