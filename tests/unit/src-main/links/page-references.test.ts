import { describe, expect, it } from 'vitest'
import { findReferences, type PageReference } from '../../../../src-main/links/page-references.js'

/** Each reference with the text its span covers, to check the offsets a rename rewrites. */
function spans(text: string): (PageReference & { written: string })[] {
  return findReferences(text).map((reference) => ({
    ...reference,
    written: text.slice(reference.start, reference.end),
  }))
}

describe('findReferences', () => {
  it('finds Liquid tags with their spans and lines', () => {
    const text = [
      '---',
      'title: Accès',
      '---',
      'Voir {% link _themes/acces.md %} et {%- post_url 2024-05-14-plan -%}.',
      '{% include pied.html titre="x" %} {% include_relative notes/a.md %}',
      '{% link {{ page.cible }} %}',
    ].join('\n')
    const found = spans(text).filter((reference) => reference.kind !== 'field')
    expect(
      found.map(({ kind, line, target, written }) => ({ kind, line, target, written })),
    ).toEqual([
      { kind: 'link-tag', line: 4, target: '_themes/acces.md', written: '_themes/acces.md' },
      { kind: 'post-url', line: 4, target: '2024-05-14-plan', written: '2024-05-14-plan' },
      { kind: 'include', line: 5, target: 'pied.html', written: 'pied.html' },
      { kind: 'include-relative', line: 5, target: 'notes/a.md', written: 'notes/a.md' },
    ])
  })

  it('finds Markdown links, images, definitions and anchors, leaving external ones out', () => {
    const text = [
      '[Accès](/themes/acces/#pourquoi) ![Carte](../assets/carte.png "titre")',
      '[![Logo](logo.svg)](<page avec espace.html>) [ext](https://exemple.org) [mail](mailto:a@b.c)',
      '[haut](#contexte)',
      '',
      '[def]: /contribuer/',
    ].join('\n')
    expect(
      spans(text).map(({ kind, line, target, anchor, written }) => ({
        kind,
        line,
        target,
        written,
        ...(anchor !== undefined ? { anchor } : {}),
      })),
    ).toEqual([
      {
        kind: 'markdown-link',
        line: 1,
        target: '/themes/acces/',
        written: '/themes/acces/',
        anchor: 'pourquoi',
      },
      { kind: 'image', line: 1, target: '../assets/carte.png', written: '../assets/carte.png' },
      { kind: 'image', line: 2, target: 'logo.svg', written: 'logo.svg' },
      {
        kind: 'markdown-link',
        line: 2,
        target: 'page avec espace.html',
        written: 'page avec espace.html',
      },
      { kind: 'markdown-link', line: 3, target: '', written: '', anchor: 'contexte' },
      { kind: 'markdown-link', line: 5, target: '/contribuer/', written: '/contribuer/' },
    ])
  })

  it('finds HTML attributes and relative_url paths, and the address after {{ site.baseurl }}', () => {
    const text = [
      '<a href="/themes/">Thèmes</a> <img src=\'/assets/a.png\'>',
      '<link href="{{ \'/assets/css/style.css\' | relative_url }}">',
      '<a href="{{ site.baseurl }}/contribuer/">x</a>',
      "Un mot 'entre' | guillemets",
    ].join('\n')
    expect(spans(text).map(({ kind, target, written }) => ({ kind, target, written }))).toEqual([
      { kind: 'html-link', target: '/themes/', written: '/themes/' },
      { kind: 'html-link', target: '/assets/a.png', written: '/assets/a.png' },
      { kind: 'relative-url', target: '/assets/css/style.css', written: '/assets/css/style.css' },
      { kind: 'html-link', target: '/contribuer/', written: '/contribuer/' },
    ])
  })

  it('leaves out code blocks, code spans, raw and comments (Liquid still runs in code)', () => {
    const text = [
      '```',
      '[pas un lien](/a/)',
      '{% link _themes/dans-le-code.md %}',
      '```',
      '`[code](/b/)` {% raw %}{% link _themes/brut.md %}{% endraw %}',
      '{% comment %}{% include absent.html %}{% endcomment %}',
      '[vrai](/c/)',
    ].join('\n')
    expect(spans(text).map(({ kind, target }) => ({ kind, target }))).toEqual([
      { kind: 'link-tag', target: '_themes/dans-le-code.md' },
      { kind: 'markdown-link', target: '/c/' },
    ])
  })

  it('gives front-matter string values as fields, with the span inside quotes', () => {
    const text = [
      '---',
      'title: "Bénin"',
      "theme: 'acces-information'",
      'order: 2',
      'liens:',
      '  - _themes/a.md',
      '  - "b"',
      'hero:',
      '  title: Dedans',
      '---',
      'Texte',
    ].join('\n')
    expect(
      spans(text).map(({ kind, field, target, written, line }) => ({
        kind,
        field,
        target,
        written,
        line,
      })),
    ).toEqual([
      { kind: 'field', field: 'title', target: 'Bénin', written: 'Bénin', line: 2 },
      {
        kind: 'field',
        field: 'theme',
        target: 'acces-information',
        written: 'acces-information',
        line: 3,
      },
      { kind: 'field', field: 'liens', target: '_themes/a.md', written: '_themes/a.md', line: 6 },
      { kind: 'field', field: 'liens', target: 'b', written: 'b', line: 7 },
    ])
  })

  it('reads values with comments and flow lists, leaves out numbers, dates and escapes', () => {
    const text = [
      '---',
      'theme: acces # Nom du fichier du thème',
      'date: 2024-05-14',
      'order: 3',
      'titre: "a\\"b"',
      "tags: [a, 'b c' , 3]",
      'vide: []',
      'pays:',
      '  # le premier',
      '  - benin',
      'hero:',
      '  title: Dedans',
      '---',
    ].join('\n')
    expect(spans(text).map(({ field, target, written }) => ({ field, target, written }))).toEqual([
      { field: 'theme', target: 'acces', written: 'acces' },
      { field: 'tags', target: 'a', written: 'a' },
      { field: 'tags', target: 'b c', written: 'b c' },
      { field: 'pays', target: 'benin', written: 'benin' },
    ])
  })

  it('counts offsets in UTF-16 units after astral characters and CRLF lines', () => {
    const text = '---\r\ntitle: 😀\r\n---\r\n😀 [x](/y/)\r\n'
    const link = findReferences(text).find((reference) => reference.kind === 'markdown-link')!
    expect(text.slice(link.start, link.end)).toBe('/y/')
    expect(link.line).toBe(4)
  })
})
