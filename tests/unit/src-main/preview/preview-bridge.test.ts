import { describe, expect, it } from 'vitest'
import {
  injectPreviewBridge,
  withoutAutoRefresh,
} from '../../../../src-main/preview/preview-bridge.js'
import { PreviewService } from '../../../../src-main/preview/preview-service.js'
import { writeSite } from '../../../helpers/site-fixture.js'

const bridgeTag = /<script nonce="([^"]+)">\(\(\) => \{[\s\S]*?\}\)\(\)<\/script>/

function nonceOf(csp: string | undefined): string | null {
  return /script-src 'nonce-([^']+)'(?:;|$)/.exec(csp ?? '')?.[1] ?? null
}

describe('the preview bridge in every page', () => {
  it('goes at the start of the head, after the charset, or where the head would begin', () => {
    const withHead = injectPreviewBridge(
      '<!DOCTYPE html><html><head>\n  <meta charset="utf-8"><title>T</title></head><body>x</body></html>',
      'abc',
    )
    expect(withHead).toMatch(
      /^<!DOCTYPE html><html><head>\n {2}<meta charset="utf-8"><script nonce="abc">/,
    )
    expect(withHead).toMatch(/<\/script><title>T<\/title><\/head><body>x<\/body><\/html>$/)
    // `<header>` is not the head.
    const noHead = injectPreviewBridge(
      '<!-- généré -->\n<!DOCTYPE html>\n<html lang="fr"><header>h</header>',
      'n',
    )
    expect(noHead).toMatch(
      /^<!-- généré -->\n<!DOCTYPE html>\n<html lang="fr"><script nonce="n">[\s\S]*<\/script><header>h<\/header>$/,
    )
    expect(injectPreviewBridge('<p>Sans gabarit</p>', 'n')).toMatch(
      /^<script nonce="n">[\s\S]*<\/script><p>Sans gabarit<\/p>$/,
    )
  })

  it('keeps refresh tags inert, so the page cannot take the frame elsewhere by itself', () => {
    expect(
      withoutAutoRefresh(
        '<meta charset="utf-8"><META HTTP-EQUIV="Refresh" content="0; url=https://example.org/">' +
          '<meta http-equiv=\'refresh\' content=\'5\'><meta name="refresh" content="x">',
      ),
    ).toBe(
      '<meta charset="utf-8"><META data-atelier-http-equiv="Refresh" content="0; url=https://example.org/">' +
        '<meta data-atelier-http-equiv=\'refresh\' content=\'5\'><meta name="refresh" content="x">',
    )
  })

  it('is the only script allowed: its nonce in the policy, a new one for each response', async () => {
    const root = await writeSite({
      '_layouts/base.html':
        '<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/style.css"></head><body>{{ content }}</body></html>',
      'cas.md':
        '---\ntitle: Cas\nlayout: base\n---\nTexte.\n\n<script>alert(1)</script>\n\n<a href="#" onclick="alert(2)">x</a>\n',
      'style.css': 'p { color: red }',
    })
    const preview = new PreviewService(root, 'http://127.0.0.1:1')
    const first = await preview.serve('/cas.html')
    const second = await preview.serve('/cas.html')
    const csp = first.headers['content-security-policy']!
    const nonce = nonceOf(csp)
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    // No 'self', no 'unsafe-inline', no hash: the nonce alone.
    expect(csp.split('; ').filter((part) => part.startsWith('script-src'))).toEqual([
      `script-src 'nonce-${nonce}'`,
    ])
    expect(csp).toContain("default-src 'none'")
    // The bridge carries that nonce; the page's own script does not.
    const body = String(first.body)
    expect(bridgeTag.exec(body)?.[1]).toBe(nonce)
    expect(body.match(/<script/g)).toHaveLength(2)
    expect(body).toContain('<script>alert(1)</script>')
    expect(nonceOf(second.headers['content-security-policy'])).not.toBe(nonce)
    expect(bridgeTag.exec(String(second.body))?.[1]).toBe(
      nonceOf(second.headers['content-security-policy']),
    )

    // Files other than pages run nothing, and carry no bridge.
    const css = await preview.serve('/style.css')
    expect(css.headers['content-security-policy']).toContain("script-src 'none'")
    expect(String(css.body)).toBe('p { color: red }')
    // The not-found message is a page of the preview too.
    const missing = await preview.serve('/nulle-part.html')
    expect(missing.status).toBe(404)
    expect(bridgeTag.exec(String(missing.body))?.[1]).toBe(
      nonceOf(missing.headers['content-security-policy']),
    )
  })

  it('gives a page’s HTML for a swap in place: what is served, without the bridge', async () => {
    const root = await writeSite({
      '_layouts/base.html':
        '<!DOCTYPE html><html><head><title>{{ page.title }}</title></head><body>{{ content }}<img src="https://exemple.org/x.png"><meta http-equiv="refresh" content="0; url=/ailleurs/"></body></html>',
      'cas.md': '---\ntitle: Cas\nlayout: base\n---\nTexte.\n',
      'notes.txt': 'pas une page',
    })
    const preview = new PreviewService(root, "'self'")
    preview.setDraft('cas.md', '---\ntitle: Cas revu\nlayout: base\n---\nTexte revu.\n')
    const html = await preview.pageHtml('cas.md')
    expect(html).toContain('<title>Cas revu</title>')
    expect(html).toContain('<p>Texte revu.</p>')
    expect(html).not.toContain('<script')
    // External content is already replaced, as in the frame.
    expect(html).not.toContain('exemple.org')
    expect(html).toContain('contenu externe non affiché hors ligne')
    // Swapped in, a refresh tag would act: it is inert here too.
    expect(html).toContain('<meta data-atelier-http-equiv="refresh"')
    const served = String((await preview.serve('/cas.html')).body)
    expect(served.replace(bridgeTag, '')).toBe(html)
    expect(await preview.pageHtml('notes.txt')).toBeNull()
    expect(await preview.pageHtml('absente.md')).toBeNull()
  })
})
