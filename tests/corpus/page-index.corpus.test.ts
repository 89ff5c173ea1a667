import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PageIndex } from '../../src-main/workspace/page-index.js'
import { runCli } from '../../src-main/cli.js'

/** Real pages from ../shared/corpus: Jekyll's and kramdown's docs, and hand-made edge cases. */
const corpus = path.resolve(import.meta.dirname, '../../../shared/corpus')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    return statSync(file).isDirectory() ? files(file) : [file]
  })
}

describe('page index on the shared corpus', () => {
  it('lists every hand-made page, BOM and CRLF included, with its front-matter title', async () => {
    const root = path.join(corpus, 'handwritten')
    const { pages, files: others } = await new PageIndex(root).scan()
    const withFrontMatter = files(root).filter((file) =>
      /^\uFEFF?---\r?\n/.test(readFileSync(file, 'utf8')),
    )
    expect(pages.map((page) => page.path).sort()).toEqual(
      withFrontMatter.map((file) => path.relative(root, file)).sort(),
    )
    expect(pages.filter((page) => page.error)).toEqual([])
    const titleOf = (file: string) => pages.find((page) => page.path === file)?.title
    expect(titleOf('08-bom-no-final-newline.md')).toBe('Avec BOM et sans retour final')
    expect(titleOf('01-front-matter-comments.md')).toBe('Sénégal – Ouvrir le budget communal')
    expect(titleOf('07-crlf.md')).toMatch(/^Fin de ligne Windows[^\r]*$/)
    expect(titleOf('16-front-matter-complex.md')).toBe('Tchap : résolution d’une faille')
    expect(others).toContain('13-no-front-matter-article.md')
  })

  it('reads all of Jekyll’s documentation pages without a front-matter problem', async () => {
    const root = path.join(corpus, 'jekyll-docs')
    const { pages } = await new PageIndex(root).scan()
    expect(pages.length).toBeGreaterThan(50)
    expect(pages.filter((page) => page.error)).toEqual([])
  })

  it('gives the CLI index of kramdown’s docs (webgen `.page` files are not Jekyll pages)', async () => {
    let out = ''
    const code = await runCli(
      ['index', path.join(corpus, 'kramdown-doc'), '--json'],
      (text) => (out += text),
      () => undefined,
    )
    expect(code).toBe(0)
    expect(JSON.parse(out)).toEqual({ pages: expect.any(Array) })
  })
})
