import { describe, expect, it } from 'vitest'
import {
  appendParagraph,
  prefixFirstParagraph,
  setFrontMatterField,
} from '../../../../src-shared/markdown/edit-operations.js'
import { decodePage, PAGE_BYTE_LIMIT } from '../../../../src-shared/markdown/page-bytes.js'
import { openPage, savePage } from '../../../../src-shared/markdown/page-document.js'

const roundtrip = (text: string) => savePage(openPage(text))

describe('page round trip keeps every byte', () => {
  it.each([
    ['LF with final newline', '---\ntitle: A\n---\n\n## Titre\n\nTexte.\n'],
    ['CRLF', '---\r\ntitle: A\r\n---\r\n\r\nTexte\r\n\r\n* un\r\n* deux\r\n'],
    ['mixed line endings', 'Un\r\ndeux\n\ntrois\r\n'],
    ['BOM and no final newline', '\uFEFF---\ntitle: B\n---\nCorps sans fin'],
    [
      'trailing spaces, tabs, NBSP and narrow NBSP',
      'Texte  \n\tindenté\u00a0: oui\u202f!   \n\n\n\n',
    ],
    ['only blank lines', '\n\n  \n'],
    ['empty', ''],
    ['no front matter', '# Titre\n\nTexte\n'],
  ])('%s', (_name, text) => {
    expect(roundtrip(text)).toBe(text)
  })

  it('keeps TOML and webgen front matter as read-only source, the body still editable', () => {
    const toml = '+++\ntitle = "A"\n+++\nCorps\n'
    const page = openPage(toml)
    expect(page.frontMatter).toMatchObject({ kind: 'read-only', reason: 'toml' })
    expect(savePage(prefixFirstParagraph(page, 'Note : '))).toBe(
      '+++\ntitle = "A"\n+++\nNote : Corps\n',
    )
    expect(() => setFrontMatterField(page, ['title'], 'x')).toThrow()

    const webgen = '---\ntitle: News\n--- pipeline:tags,blocks\n\n<h1>News</h1>\n'
    expect(openPage(webgen).frontMatter).toMatchObject({ kind: 'read-only', reason: 'webgen' })
    expect(roundtrip(webgen)).toBe(webgen)
  })

  it('marks unparseable front matter read-only when asked to validate', () => {
    const page = openPage('---\ntitle: [oops\n---\nTexte\n', {
      validateYaml: (yaml) => !yaml.includes('[oops'),
    })
    expect(page.frontMatter).toMatchObject({ kind: 'read-only', reason: 'yaml-error' })
  })

  it('gives a page without front matter one only when a field is set', () => {
    const page = openPage('Texte\r\n')
    expect(savePage(appendParagraph(page, 'Suite.'))).toBe('Texte\r\n\r\nSuite.\r\n')
    expect(savePage(setFrontMatterField(page, ['title'], 'Sans titre'))).toBe(
      '---\r\ntitle: Sans titre\r\n---\r\nTexte\r\n',
    )
  })

  it('appends after a last line without newline by adding only what is needed', () => {
    expect(savePage(appendParagraph(openPage('Fin'), 'Paragraphe ajouté.'))).toBe(
      'Fin\n\nParagraphe ajouté.\n',
    )
  })
})

describe('decodePage', () => {
  it('refuses non-UTF-8, binary and oversized files with a reason', () => {
    expect(decodePage(new Uint8Array([0x41, 0xe9, 0x42]))).toEqual({
      ok: false,
      reason: 'not-utf8',
    })
    expect(decodePage(new Uint8Array([0x89, 0x50, 0x00, 0x47]))).toEqual({
      ok: false,
      reason: 'binary',
    })
    expect(decodePage(new Uint8Array(PAGE_BYTE_LIMIT + 1).fill(0x61))).toEqual({
      ok: false,
      reason: 'too-large',
    })
    expect(decodePage(new TextEncoder().encode('\uFEFFé'))).toEqual({ ok: true, text: '\uFEFFé' })
  })
})
