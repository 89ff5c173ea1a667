import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSite } from '../../../../src-main/preview/read-site.js'
import { readFrontMatter } from '../../../../src-main/workspace/front-matter-reader.js'
import { indexKeysOf } from '../../../../src-main/workspace/index-keys.js'
import { PageIndex } from '../../../../src-main/workspace/page-index.js'
import { page, writeSite } from '../../../helpers/site-fixture.js'
import { tempDir } from '../../../helpers/temp-dir.js'

/**
 * The page index and the preview read a page's settings with the same YAML rules (Jekyll's:
 * YAML 1.1 as Psych, the last of duplicate keys winning), so a title or order the explorer
 * shows is the one the site has. The explorer keeps only those two of a page's settings.
 */
const FRONT_MATTERS: Record<string, string> = {
  'a YAML 1.1 boolean': 'title: Guide\nfeatured: yes\ncomments: off',
  'a YAML 1.1 octal': 'title: Guide\norder: 010',
  'a date': 'title: Guide\nupdated: 2024-03-05',
  'a duplicate key': 'title: Premier\ntitle: Second',
  'a title that YAML 1.1 reads as a boolean': 'title: on',
}

describe('one front-matter reader', () => {
  for (const [shape, frontMatter] of Object.entries(FRONT_MATTERS)) {
    it(`the explorer and the preview read the same settings: ${shape}`, async () => {
      const root = await writeSite({ 'page.md': page(frontMatter) })
      const site = await readSite(root, { builtinTheme: await tempDir('atelier-no-theme-') })
      const doc = site.documents.find((item) => item.relativePath === 'page.md')
      const { read } = await readFrontMatter(path.join(root, 'page.md'))
      expect(read.kind).toBe('data')
      expect(read.kind === 'data' ? read.data : null).toEqual(indexKeysOf(doc?.data ?? {}))
    })
  }

  it('gives the explorer the title Jekyll gives: a boolean is no title', async () => {
    const root = await writeSite({ 'page.md': page('title: on\norder: 010') })
    const { pages } = await new PageIndex(root).scan()
    expect(pages[0]).toMatchObject({ title: 'page', order: 8 })
  })
})
