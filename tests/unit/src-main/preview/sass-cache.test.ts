import { utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSite } from '../../../../src-main/preview/read-site.js'
import { SiteRenderer } from '../../../../src-main/preview/render-document.js'
import { SassCompileCache } from '../../../../src-main/preview/sass-cache.js'
import { writeSite } from '../../../helpers/site-fixture.js'

/**
 * « Problèmes » reads the site afresh on each refresh and builds every
 * stylesheet: Sass must run again only when something it compiles from
 * changed — the stylesheet's text, what its Liquid prints, a partial it
 * imports — and never on a refresh where nothing did.
 */
describe('compiled stylesheets kept between refreshes', () => {
  it('recompile on an edit to the stylesheet, its Liquid values or an imported partial, and only then', async () => {
    const root = await writeSite({
      '_config.yml': 'title: Guide\ncouleur: blue\n',
      '_layouts/default.html': '{{ content }}',
      'assets/css/style.scss': '---\n---\n@import "base";\nbody { color: {{ site.couleur }}; }\n',
      '_sass/base.scss': '@import "mixins";\na { color: red; }\n',
      '_sass/_mixins.scss': 'em { font-style: italic; }\n',
    })
    const cache = new SassCompileCache()
    // What « Problèmes » does on each refresh: read the site, build its stylesheet.
    const refresh = async () => {
      const site = await readSite(root)
      return new SiteRenderer(site, false, cache).renderSass(site.sassFiles[0]!)
    }
    // Written "a while ago", as files are when the user refreshes after an edit.
    const edit = async (file: string, text: string) => {
      const absolute = path.join(root, file)
      await writeFile(absolute, text)
      const past = Date.now() / 1000 - 60
      await utimes(absolute, past, past)
    }
    for (const file of ['_sass/base.scss', '_sass/_mixins.scss', 'assets/css/style.scss'])
      await utimes(path.join(root, file), Date.now() / 1000 - 120, Date.now() / 1000 - 120)

    const first = await refresh()
    expect(first).toMatch(/color: red/)
    expect(cache.compiles).toBe(1)
    expect(await refresh()).toBe(first)
    expect(await refresh()).toBe(first)
    expect(cache.compiles).toBe(1)

    await edit('_sass/_mixins.scss', 'em { font-style: normal; }\n')
    expect(await refresh()).toMatch(/font-style: normal/)
    expect(cache.compiles).toBe(2)
    expect(await refresh()).toMatch(/font-style: normal/)
    expect(cache.compiles).toBe(2)

    await edit('_sass/base.scss', '@import "mixins";\na { color: green; }\n')
    expect(await refresh()).toMatch(/color: green/)
    expect(cache.compiles).toBe(3)

    await edit('_config.yml', 'title: Guide\ncouleur: black\n')
    expect(await refresh()).toMatch(/color: black/)
    expect(cache.compiles).toBe(4)

    await edit('assets/css/style.scss', '---\n---\n@import "base";\np { margin: 0; }\n')
    expect(await refresh()).toMatch(/margin: 0/)
    expect(await refresh()).toMatch(/margin: 0/)
    expect(cache.compiles).toBe(5)
  })

  it('keeps nothing from a partial written while Sass ran', async () => {
    const root = await writeSite({
      '_config.yml': 'title: Guide\n',
      '_layouts/default.html': '{{ content }}',
      'assets/css/style.scss': '---\n---\n@import "base";\n',
      '_sass/base.scss': 'a { color: red; }\n',
    })
    const cache = new SassCompileCache()
    const refresh = async () => {
      const site = await readSite(root)
      return new SiteRenderer(site, false, cache).renderSass(site.sassFiles[0]!)
    }
    // Just written: its time is not safely before the compile, so the CSS is not kept.
    await refresh()
    await refresh()
    expect(cache.compiles).toBe(2)
  })
})
