import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { PreviewService } from '../../../../src-main/preview/preview-service.js'
import { writeSite } from '../../../helpers/site-fixture.js'

const opened: PreviewService[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((preview) => preview.close()))
})

async function previewOf(root: string): Promise<PreviewService> {
  const preview = new PreviewService(root, "'self'")
  opened.push(preview)
  return preview
}

const SITE = {
  '_config.yml': 'title: Guide\n',
  '_layouts/base.html': '<main>{{ content }}</main>',
  'cas.md': '---\ntitle: Cas\nlayout: base\n---\nPremier texte.\n',
  'autre.md': '---\ntitle: Autre\nlayout: base\n---\nAutre texte.\n',
}

describe('preview after a change on disk', () => {
  it('reads only the page again when only its text changed, keeping the site model', async () => {
    const root = await writeSite(SITE)
    const preview = await previewOf(root)
    const before = await preview.site()
    const other = before.documents.find((doc) => doc.relativePath === 'autre.md')
    await writeFile(
      path.join(root, 'cas.md'),
      '---\ntitle: Cas\nlayout: base\n---\nSecond texte.\n',
    )
    preview.noteChanged([{ path: 'cas.md', textOnly: true }])
    const after = await preview.site()
    expect(after.layouts).toBe(before.layouts)
    expect(after.config).toBe(before.config)
    expect(after.data).toBe(before.data)
    expect(after.documents.find((doc) => doc.relativePath === 'autre.md')).toBe(other)
    expect(String((await preview.serve('/cas.html')).body)).toContain('<p>Second texte.</p>')
  })

  it('reads the whole site again after a change to `_config.yml` or a layout', async () => {
    const root = await writeSite(SITE)
    const preview = await previewOf(root)
    const first = await preview.site()
    await writeFile(path.join(root, '_config.yml'), 'title: Guide revu\n')
    preview.noteChanged([{ path: '_config.yml', textOnly: false }])
    const second = await preview.site()
    expect(second.config).not.toBe(first.config)
    expect(second.config.raw.title).toBe('Guide revu')
    await writeFile(path.join(root, '_layouts/base.html'), '<article>{{ content }}</article>')
    preview.noteChanged([{ path: '_layouts/base.html', textOnly: false }])
    expect((await preview.site()).layouts).not.toBe(second.layouts)
    expect(String((await preview.serve('/cas.html')).body)).toContain('<article>')
  })

  it('reads the whole site again when a page said to be text only is not a document', async () => {
    const root = await writeSite({ ...SITE, 'notes.txt': 'texte' })
    const preview = await previewOf(root)
    const first = await preview.site()
    preview.noteChanged([{ path: 'notes.txt', textOnly: true }])
    expect((await preview.site()).layouts).not.toBe(first.layouts)
  })
})
