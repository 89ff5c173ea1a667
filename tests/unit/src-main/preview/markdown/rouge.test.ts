/**
 * The ported Rouge lexers against Rouge 3.30 itself: each snippet of
 * fixtures/rouge-cases.json must give byte for byte the HTML that
 * `Rouge::Formatters::HTML` wrote for `Rouge::Lexer.find(lang).lex(snippet)`
 * (fixtures/rouge-expected.json, regenerate with `ruby tests/unit/src-main/
 * preview/markdown/fixtures/capture-rouge.rb`). Tests need no Ruby.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../../../src-main/preview/markdown/render-markdown.js'
import {
  highlightTokens,
  portedLexer,
} from '../../../../../src-main/preview/markdown/rouge/index.js'
import { translateRubyRegex } from '../../../../../src-main/preview/markdown/rouge/ruby-regex.js'

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url))
const CASES = JSON.parse(readFileSync(`${fixtures}rouge-cases.json`, 'utf8')) as Record<
  string,
  Record<string, string>
>
const EXPECTED = JSON.parse(readFileSync(`${fixtures}rouge-expected.json`, 'utf8')) as Record<
  string,
  Record<string, string>
> & { rouge_version: string }

describe('Rouge lexers, as Rouge 3.30 highlights', () => {
  it('were captured from Rouge 3.30 (the version Jekyll 4.3 runs with here)', () => {
    expect(EXPECTED.rouge_version).toBe('3.30.0')
  })

  for (const [lang, snippets] of Object.entries(CASES)) {
    describe(lang, () => {
      for (const [name, code] of Object.entries(snippets)) {
        it(name, () => {
          expect(highlightTokens(code, lang)).toBe(EXPECTED[lang]![name])
        })
      }
    })
  }
})

describe('lexer lookup', () => {
  it('knows the ported lexers by their Rouge tags and aliases only, case-sensitively', () => {
    for (const name of ['yaml', 'yml', 'json', 'html', 'xml', 'shell', 'bash', 'sh', 'zsh']) {
      expect(portedLexer(name), name).not.toBeNull()
    }
    for (const name of [
      'javascript',
      'js',
      'css',
      'liquid',
      'markdown',
      'md',
      'plaintext',
      'text',
    ]) {
      expect(portedLexer(name), name).not.toBeNull()
    }
    expect(portedLexer('YAML')).toBeNull()
    expect(portedLexer('ruby')).toBeNull()
    expect(portedLexer('toString')).toBeNull()
  })
})

describe('highlighted code in pages', () => {
  it('writes token spans inside Rouge’s wrapper for a ported language', () => {
    expect(renderMarkdown('```yaml\nkey: value\n```\n')).toBe(
      '<div class="language-yaml highlighter-rouge"><div class="highlight"><pre class="highlight"><code>' +
        '<span class="na">key</span><span class="pi">:</span> <span class="s">value</span>\n' +
        '</code></pre></div></div>\n',
    )
  })

  it('writes a language Rouge does not know as kramdown does: a bare pre, no wrapper', () => {
    // Rouge::Lexer.find('YAML') is nil: kramdown then does not highlight.
    expect(renderMarkdown('```YAML\nkey: value\n```\n')).toBe(
      '<pre><code class="language-YAML">key: value\n</code></pre>\n',
    )
  })

  it('keeps the wrapper but writes no spans for a language Rouge knows and that is not ported', () => {
    expect(renderMarkdown('```ruby\nputs 1 < 2\n```\n')).toBe(
      '<div class="language-ruby highlighter-rouge"><div class="highlight"><pre class="highlight"><code>' +
        'puts 1 &lt; 2\n</code></pre></div></div>\n',
    )
  })

  it('highlights a code span with a language class, without the block wrapper', () => {
    expect(renderMarkdown('Run `echo "hi"`{:.language-sh} now.\n')).toBe(
      '<p>Run <code class="language-sh highlighter-rouge"><span class="nb">echo</span> ' +
        '<span class="s2">"hi"</span></code> now.</p>\n',
    )
  })
})

describe('Ruby regexps', () => {
  it('keep Ruby’s ASCII \\s, its Unicode \\b and its \\A at the rule start', () => {
    const s = new RegExp(translateRubyRegex('\\s'), 'u')
    expect(s.test('\u00a0')).toBe(false)
    expect(s.test('\t')).toBe(true)
    const b = new RegExp(`^a${translateRubyRegex('\\b')}`, 'u')
    expect(b.test('aé')).toBe(false)
    expect(b.test('a-')).toBe(true)
    expect(new RegExp(translateRubyRegex('\\Ax'), 'u').test('yx')).toBe(false)
    expect(new RegExp(translateRubyRegex('[\\x41-\\u0043]+'), 'u').exec('zABC')?.[0]).toBe('ABC')
  })

  it('refuse what they cannot translate rather than match differently', () => {
    expect(() => translateRubyRegex('(?>a+)b')).toThrow(/atomic/)
    expect(() => translateRubyRegex('a*+')).toThrow(/possessive/)
    expect(() => translateRubyRegex('[[:alpha:]]')).toThrow(/POSIX/)
  })
})
