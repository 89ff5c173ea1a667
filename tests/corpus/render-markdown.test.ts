/**
 * renderMarkdown against Ruby kramdown (through Jekyll 4.3's own
 * KramdownParser, tests/fixtures/kramdown/kramdown-jekyll.rb) on the shared
 * hand-written pages, the seeds and the starter playbook: page bodies after
 * front matter, Liquid left as text on both sides. HTML is compared with
 * whitespace runs collapsed, nothing else normalised.
 *
 * Every page must be identical, Rouge's token spans included: the languages
 * these pages use are all ported (markdown/rouge/). A page differing only by
 * token spans is named apart, to tell a lexer gap from a Markdown one.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { body, files, fold, withoutRougeSpans } from './corpus-pages.js'
import { renderMarkdown } from '../../src-main/preview/markdown/render-markdown.js'

const root = resolve(import.meta.dirname, '../..')
const shared = resolve(root, '../shared')
const script = join(root, 'tests/fixtures/kramdown/kramdown-jekyll.rb')

function hasRubyKramdown(): boolean {
  try {
    execFileSync('ruby', ['-e', 'require "jekyll"; require "kramdown-parser-gfm"'], {
      stdio: 'ignore',
    })
    return true
  } catch {
    return false
  }
}

const ruby = hasRubyKramdown()

describe.skipIf(!ruby)('renderMarkdown matches Jekyll 4.3 kramdown on real pages', () => {
  const pages = [
    ...files(join(shared, 'corpus/handwritten'), (n) => n.endsWith('.md')),
    ...files(join(shared, 'seeds'), () => true),
    ...files(join(root, 'resources/starter-playbook'), (n) => n.endsWith('.md')),
  ]
  const bodies = pages.map((p) => body(readFileSync(p, 'utf8')))

  it(`renders the ${pages.length} pages like kramdown`, () => {
    const expected = JSON.parse(
      execFileSync('ruby', [script, '--batch'], {
        input: JSON.stringify(bodies),
        maxBuffer: 64 * 1024 * 1024,
      }).toString(),
    ) as string[]
    const exact: string[] = []
    const highlightingOnly: string[] = []
    const different: string[] = []
    pages.forEach((page, i) => {
      const name = relative(resolve(root, '..'), page)
      const want = fold(expected[i]!)
      const got = fold(renderMarkdown(bodies[i]!))
      if (got === want) exact.push(name)
      else if (got === fold(withoutRougeSpans(expected[i]!))) highlightingOnly.push(name)
      else different.push(name)
    })
    console.log(
      `render-markdown corpus: ${exact.length}/${pages.length} identical` +
        (highlightingOnly.length
          ? `; differing only by Rouge token spans: ${highlightingOnly.join(', ')}`
          : '') +
        (different.length ? `; different: ${different.join(', ')}` : ''),
    )
    expect(different).toEqual([])
    expect(highlightingOnly).toEqual([])
  })
})

describe.skipIf(ruby)('renderMarkdown corpus comparison', () => {
  it.skip('needs Ruby with the jekyll and kramdown-parser-gfm gems (the reference renderer)', () => {})
})
