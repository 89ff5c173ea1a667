import { describe, expect, it } from 'vitest'
import { PreviewService } from '../../../../src-main/preview/preview-service.js'
import { writeSite } from '../../../helpers/site-fixture.js'

describe('live preview of unsaved text', () => {
  it('lays the edited front matter over the site’s defaults, so a deleted key is gone', async () => {
    const root = await writeSite({
      '_config.yml':
        'defaults:\n  - scope: { path: "" }\n    values: { layout: base, auteur: Équipe }\n',
      '_layouts/base.html': '[{{ page.title }}|{{ page.auteur }}|{{ page.pays }}]{{ content }}',
      'cas.md': '---\ntitle: Cas\npays: Bénin\n---\nTexte.\n',
    })
    const preview = new PreviewService(root, "'self'")
    const html = async () => String((await preview.serve('/cas.html')).body)
    expect(await html()).toContain('[Cas|Équipe|Bénin]')
    preview.setDraft('cas.md', '---\ntitle: Cas revu\n---\nTexte revu.\n')
    expect(await html()).toContain('[Cas revu|Équipe|]<p>Texte revu.</p>')
    preview.setDraft('cas.md', null)
    expect(await html()).toContain('[Cas|Équipe|Bénin]')
  })
})
