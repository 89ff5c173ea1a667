import { describe, expect, it } from 'vitest'
import { splitFrontMatter } from '../../../src-shared/front-matter/split-front-matter.js'

describe('splitFrontMatter', () => {
  it('finds the YAML and where the body starts', () => {
    const text = '---\ntitle: Accueil\n---\nCorps\n'
    const split = splitFrontMatter(text)
    expect(split).toMatchObject({ kind: 'yaml', yaml: 'title: Accueil\n' })
    if (split.kind === 'yaml') expect(text.slice(split.bodyStart)).toBe('Corps\n')
  })

  it('accepts CRLF, a BOM and the `...` closing line', () => {
    const text = '\uFEFF---\r\ntitle: A\r\n...\r\nCorps'
    const split = splitFrontMatter(text)
    expect(split).toMatchObject({ kind: 'yaml', yaml: 'title: A\r\n' })
    if (split.kind === 'yaml') expect(text.slice(split.bodyStart)).toBe('Corps')
  })

  it('accepts empty front matter', () => {
    expect(splitFrontMatter('---\n---\nCorps')).toMatchObject({ kind: 'yaml', yaml: '' })
  })

  it('says when there is none, or when it is never closed', () => {
    expect(splitFrontMatter('# Titre\n---\n')).toEqual({ kind: 'none' })
    expect(splitFrontMatter('---- pas un délimiteur\n')).toEqual({ kind: 'none' })
    expect(splitFrontMatter('---\ntitle: A\nCorps sans fin\n')).toEqual({ kind: 'unclosed' })
  })

  it('does not take a `---` inside a value as the end', () => {
    const split = splitFrontMatter('---\ntitle: "a --- b"\n---\nx')
    expect(split).toMatchObject({ kind: 'yaml', yaml: 'title: "a --- b"\n' })
  })
})
