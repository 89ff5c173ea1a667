import { describe, expect, it } from 'vitest'
import { previewCsp, replaceExternalContent } from '../../../../src-main/preview/offline-content.js'
import { relativizeLinks } from '../../../../src-main/preview/relative-links.js'

describe('links for a USB key', () => {
  it('makes site links relative to the page, folders ending in index.html', () => {
    const html =
      '<a href="/">Accueil</a> <a href="/themes/acces/#a">Accès</a> <link href="/assets/css/style.css">' +
      ' <img src="/uploads/x.png"> <a href="https://exemple.org/">ext</a> <a href="#haut">haut</a> <a href="//cdn.org/x">cdn</a>'
    expect(relativizeLinks(html, 'cas-pratiques/benin/index.html', '')).toBe(
      '<a href="../../index.html">Accueil</a> <a href="../../themes/acces/index.html#a">Accès</a> <link href="../../assets/css/style.css">' +
        ' <img src="../../uploads/x.png"> <a href="https://exemple.org/">ext</a> <a href="#haut">haut</a> <a href="//cdn.org/x">cdn</a>',
    )
    expect(
      relativizeLinks(
        '<a href="/guide/themes/">t</a><a href="/guide/">h</a>',
        'index.html',
        '/guide',
      ),
    ).toBe('<a href="themes/index.html">t</a><a href="index.html">h</a>')
  })
})

describe('offline preview', () => {
  it('replaces external images, frames and media with a placeholder, keeps local ones', () => {
    const html =
      '<p><img src="https://exemple.org/x.png" alt="x"> <img src="/uploads/y.png"></p>' +
      '<iframe src="https://www.youtube.com/embed/z"></iframe><video src="//cdn.org/v.mp4"><track src="x"></video>'
    const out = replaceExternalContent(html, 'contenu externe non affiché hors ligne')
    expect(out).not.toContain('exemple.org')
    expect(out).not.toContain('youtube')
    expect(out).not.toContain('cdn.org')
    expect(out).toContain('<img src="/uploads/y.png">')
    expect(out.match(/contenu externe non affiché hors ligne/g)).toHaveLength(6)
  })

  it('allows no script and no network unless external content is allowed', () => {
    const strict = previewCsp({ allowExternal: false, frameAncestors: 'http://127.0.0.1:1' })
    expect(strict).toContain("script-src 'none'")
    expect(strict).toContain("connect-src 'none'")
    expect(strict).toContain("img-src 'self' data:;")
    expect(strict).toContain('frame-ancestors http://127.0.0.1:1')
    expect(previewCsp({ allowExternal: true, frameAncestors: "'self'" })).toContain(
      "img-src 'self' data: https: http:",
    )
    // Pages: only the script carrying the response's nonce (the bridge); nothing else.
    const page = previewCsp({ allowExternal: false, frameAncestors: "'self'", nonce: 'bm9uY2U=' })
    expect(page.split('; ').filter((part) => part.startsWith('script-src'))).toEqual([
      "script-src 'nonce-bm9uY2U='",
    ])
    expect(page).toContain("default-src 'none'")
  })
})
