import { describe, expect, it } from 'vitest'
import {
  getField,
  removeField,
  setField,
} from '../../../../src-shared/front-matter/front-matter-edit.js'

const seedLike = `# Page settings
title: Togo – Convaincre # Define a title of your page
description: "Au Togo, « ouvrir » les données" # quoted
keywords: # Define keywords for search engines
order: 7 # Define order

# Hero section
hero:
    title: Togo - Parler avec les autorités
    text: Étapes, messages-clés et bonnes pratiques
    
`

describe('front-matter edits splice only the edited key', () => {
  it('changes one value and keeps its trailing comment', () => {
    const edited = setField(seedLike, ['title'], 'Togo – Convaincre (révisé)')
    expect(edited).toBe(
      seedLike.replace('title: Togo – Convaincre #', 'title: Togo – Convaincre (révisé) #'),
    )
  })

  it('keeps the quoting style of the value it replaces', () => {
    const edited = setField(seedLike, ['description'], 'Nouveau texte')
    expect(edited).toBe(seedLike.replace('"Au Togo, « ouvrir » les données"', '"Nouveau texte"'))
  })

  it('fills an empty value before its comment', () => {
    expect(setField(seedLike, ['keywords'], 'données ouvertes')).toContain(
      'keywords: données ouvertes # Define keywords for search engines\n',
    )
  })

  it('edits a nested key at its own indentation, and numbers stay numbers', () => {
    const edited = setField(setField(seedLike, ['hero', 'title'], 'Nouveau titre'), ['order'], 8)
    expect(edited).toBe(
      seedLike
        .replace('    title: Togo - Parler avec les autorités', '    title: Nouveau titre')
        .replace('order: 7', 'order: 8'),
    )
    expect(getField(edited, ['hero', 'title'])).toBe('Nouveau titre')
  })

  it('quotes a value that YAML would misread', () => {
    const edited = setField(seedLike, ['hero', 'title'], 'Bénin : registre')
    expect(getField(edited, ['hero', 'title'])).toBe('Bénin : registre')
  })

  it('appends a new key in the file’s style, nested keys at the mapping’s indentation', () => {
    expect(setField(seedLike, ['layout'], 'cas')).toBe(`${seedLike}layout: cas\n`)
    const nested = setField(seedLike, ['hero', 'image'], '/uploads/une.jpg')
    expect(nested).toContain(
      '    text: Étapes, messages-clés et bonnes pratiques\n    image: /uploads/une.jpg\n',
    )
    const created = setField('title: A\n', ['seo', 'image'], 'x.png')
    expect(created).toBe('title: A\nseo:\n  image: x.png\n')
  })

  it('removes only the key’s lines', () => {
    expect(removeField(seedLike, ['keywords'])).toBe(
      seedLike.replace('keywords: # Define keywords for search engines\n', ''),
    )
    const block = 'a: 1\ntext: |\n  ligne 1\n  ligne 2\nb: 2\n'
    expect(removeField(block, ['text'])).toBe('a: 1\nb: 2\n')
  })

  it('rewrites a block scalar as a block scalar', () => {
    const block = 'text: |\n  ligne 1\n  ligne 2\nb: 2\n'
    expect(setField(block, ['text'], 'autre 1\nautre 2\n')).toBe(
      'text: |\n  autre 1\n  autre 2\nb: 2\n',
    )
  })

  it('leaves dates, anchors, aliases, flow collections and CRLF of other keys as written', () => {
    const yaml =
      'date: 2019-04-19 02:38:00 +02:00\r\ntags: [a, b]\r\nbase: &base\r\n  layout: post\r\nother: *base\r\ntitle: x\r\n'
    expect(setField(yaml, ['title'], 'y')).toBe(yaml.replace('title: x', 'title: y'))
    expect(setField(yaml, ['added'], 'z')).toBe(`${yaml}added: z\r\n`)
  })

  it('empties a value without removing the key or its comment', () => {
    expect(setField(seedLike, ['title'], '')).toContain('title: # Define a title of your page\n')
    expect(setField('a: 1\n', ['b'], null)).toBe('a: 1\nb:\n')
  })

  it('replaces a list value with a flow list', () => {
    expect(setField('tags:\n  - a\n  - b\nz: 1\n', ['tags'], ['c', 'd'])).toBe(
      'tags: [c, d]\nz: 1\n',
    )
  })
})
