import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseFrontMatterYaml } from '../../../../src-main/site/front-matter.js'
import { indexKeysOf, scanIndexKeys } from '../../../../src-main/workspace/index-keys.js'

/**
 * The explorer's quick reading of front matter against the full YAML parser (Jekyll's rules),
 * which judges: on any text, the scanner gives the title and order the parser gives, or
 * declines. Declining only costs time; a wrong answer would show a title Jekyll does not.
 */
function judge(yaml: string): 'fast' | 'declined' {
  const fast = scanIndexKeys(yaml)
  if (fast === null) return 'declined'
  const full = parseFrontMatterYaml(yaml, 2)
  expect(full.kind, JSON.stringify(yaml)).toBe('data')
  if (full.kind === 'data') expect(fast, JSON.stringify(yaml)).toStrictEqual(indexKeysOf(full.data))
  return 'fast'
}

const KEYS = [
  'title',
  'order',
  'layout',
  'hero',
  'tags',
  'description',
  'Title',
  'TITLE',
  'ordre',
  'yes',
  'on',
  'null',
  'y',
  '_x',
  'a-b',
  '__proto__',
  '<<',
  '"title"',
  "'order'",
  '? title',
  'title ',
  'ti tle',
  '-',
  'a:b',
  '&a title',
  '*a',
  '!!str title',
  '[title]',
  'x'.repeat(1030),
  'é',
  'thèmes',
  'rôle',
  'Été',
  'ключ',
  '2024',
  '\u00a0',
  'a\u00a0b',
]
const SEPARATORS = [': ', ': ', ': ', ':', ':  ', ' : ', ':\t', '\t: ', ':\u00a0', '::', ': ']

const VALUES = [
  // Plain strings, French and otherwise.
  'Accès à l’information',
  'Page numéro 3',
  'Budget citoyen',
  'a  b',
  "l'État",
  'x#y',
  'a #commentaire',
  'a # b: c',
  'a:b',
  'a: b',
  'a :b',
  'Question : réponse',
  'fin:',
  'http://example.org/a',
  '/themes/x/',
  'a [b] {c}',
  'a, b',
  'a "b" c',
  '«\u00a0Titre\u00a0»',
  '\u00a0a',
  'a\u00a0',
  'a\u00a0#b',
  'é',
  '😀 emoji',
  '_x',
  '(a)',
  '=',
  '<<',
  'a   ',
  'a - b',
  'a -b',
  'a ? b',
  // Words YAML 1.1 reads as booleans or null, and near misses.
  'Yes',
  'yes',
  'NO',
  'on',
  'Off',
  'null',
  'Null',
  'NULL',
  '~',
  'y',
  'n',
  'ya',
  'True',
  'tRue',
  'nul',
  // Numbers, dates and things that look like them.
  '0',
  '1',
  '-1',
  '+1',
  '10',
  '010',
  '08',
  '0.5',
  '0x1F',
  '0b11',
  '0o7',
  '1_000',
  '1.5',
  '1.50',
  '-2.25',
  '-0',
  '-0.0',
  '0.0',
  '.5',
  '1.',
  '1e3',
  '1.5e-2',
  '.inf',
  '-.inf',
  '.nan',
  '1:30',
  '190:20:30',
  '12345678901234567890',
  '123456789012345',
  '1234567890123456',
  '0.123456789012345678',
  '2024-03-05',
  '2024-03-05 10:30:00',
  '3 pages',
  '3rd Party',
  '1er mai',
  '2e édition',
  '10 %',
  '1.5 fois',
  '2024-03-05 matin',
  '2024-03-05T10:30:00Z',
  '2024-3-5',
  '12:30',
  '+33 1 23',
  '-moins',
  '.cache',
  '.Inf',
  '+.inf',
  '-.NaN',
  '0xfoo',
  'a1',
  'abc',
  'Face',
  'e',
  'x',
  '_',
  '3 # trois',
  '3#trois',
  // Quoted scalars.
  '"Titre : sous-titre"',
  '"a\\"b"',
  '"a\\\\b"',
  '"a\\nb"',
  '"a\\tb"',
  '"\\x41"',
  '"\\u00e9"',
  '"\\/"',
  '"\\ "',
  '"\\"',
  '"a\\',
  '"a" b',
  '"a"#c',
  '"a" # c',
  '"a"  ',
  '"a" "b"',
  '"unterminated',
  '"a\'b"',
  "'l''État'",
  "'a' b",
  "'a'#b",
  "'a''",
  "'unterminated",
  "'a\"b'",
  "'a\\nb'",
  '""',
  "''",
  '"  espaces  "',
  '"3"',
  "'yes'",
  // Flow collections.
  '[a, b]',
  '[budget, accès à l’information]',
  '[]',
  '[ ]',
  '[a,]',
  '[,a]',
  '[a,,b]',
  '[a, [b]]',
  '[a: b]',
  '[a:b]',
  '{a: b}',
  '{}',
  '[a, "b"]',
  '[1, 2.5]',
  '[a',
  '[a] # c',
  '[a]#c',
  '[a]b',
  '[-a]',
  '[- a]',
  '[a #b]',
  '[a#b]',
  '[a  b]',
  '[ a , b ]',
  '[a] ]',
  '[&x a]',
  '[a, *b]',
  '[a\u00a0b]',
  // Indicators and structure on the value side.
  '&anchor valeur',
  '*alias',
  '!!str 3',
  '!tag x',
  '!',
  '|',
  '>',
  '|-',
  '>+',
  '|2',
  '| # c',
  '|#c',
  '| x',
  '%x',
  '@x',
  '`x`',
  '- a',
  '-',
  '? x',
  '?',
  ':x',
  ': x',
  '-x',
  '?x',
  ',x',
  '#commentaire',
  '# commentaire',
  '',
  ' ',
  '---',
  '...',
  // Characters outside the printable set or with meaning elsewhere.
  'a\u2028b',
  'a\u0085b',
  'a\u0000b',
  'a\u007fb',
  'a\u0007',
  '\ufeffa',
  'a\rb',
  'a\tb',
  'a\t',
  '\ud800',
  'a\ufffe',
]

const COMMENTS = ['# Réglages', '#', '#: x', '# - a', '#[', '#"']

const indent = fc.constantFrom(0, 0, 0, 0, 1, 2, 2, 2, 3, 4, 4, 6)
// The explorer's own keys come often, so their values meet every shape.
const key = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('title', 'order') },
  { weight: 3, arbitrary: fc.constantFrom(...KEYS) },
)
const separator = fc.oneof(
  { weight: 3, arbitrary: fc.constant(': ') },
  { weight: 1, arbitrary: fc.constantFrom(...SEPARATORS) },
)
// Values that open or shape a block come more often, so their following lines get tested.
const value = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('|', '>-', '', '# c', '[a, b]', "'a'", '"a"') },
  { weight: 3, arbitrary: fc.constantFrom(...VALUES) },
)

/** One line of front matter, from a grammar that makes valid and broken YAML alike. */
const line = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(indent, key, separator, value)
      .map(([n, k, s, v]) => `${' '.repeat(n)}${k}${s}${v}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(indent, key, separator)
      .map(([n, k, s]) => `${' '.repeat(n)}${k}${s.trimEnd()}`),
  },
  { weight: 2, arbitrary: fc.tuple(indent, value).map(([n, v]) => `${' '.repeat(n)}- ${v}`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(indent, fc.constantFrom('- ', '-  ', '-'), key, separator, value)
      .map(([n, dash, k, s, v]) => `${' '.repeat(n)}${dash}${k}${s}${v}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(indent, fc.constantFrom(...COMMENTS))
      .map(([n, c]) => `${' '.repeat(n)}${c}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '    ', '       ', '\t', '  \t') },
  { weight: 1, arbitrary: fc.tuple(indent, value).map(([n, v]) => `${' '.repeat(n)}${v}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('---', '--- x', '...', '%YAML 1.1', '%TAG ! x', '? a', ': b', '-'),
  },
)
const lineEnd = fc.constantFrom('\n', '\n', '\n', '\n', '\r\n', '\r')

/** Any sequence of such lines, with mixed line endings. */
const grammarYaml = fc
  .array(fc.tuple(line, lineEnd), { maxLength: 10 })
  .map((lines) => lines.map(([text, end]) => text + end).join(''))

/** Front matter as people write it: settings, a nested block, lists, comments, one line ending. */
const PLAIN_TITLES = [
  'Accès à l’information',
  'Budget citoyen',
  "L'État ouvert",
  'Étape 3',
  'Page numéro 12',
]
const realisticYaml = fc
  .record({
    title: fc.oneof(
      fc.constantFrom(...PLAIN_TITLES),
      fc.constantFrom(...PLAIN_TITLES).map((t) => JSON.stringify(`${t} : guide`)),
      fc.constantFrom(...PLAIN_TITLES).map((t) => `'${t.replace(/'/g, "''")}'`),
      fc.constantFrom(...PLAIN_TITLES).map((t) => `${t} # titre`),
    ),
    order: fc.oneof(
      fc.integer({ min: -5, max: 500 }).map(String),
      fc.constantFrom('1.5', '2.25', ''),
    ),
    extra: fc.subarray(
      [
        'layout: theme',
        'permalink: /themes/acces/',
        'description: Le droit d’accès, pas à pas',
        'date: 2024-03-05',
        'tags: [budget, transparence]',
        'published: true',
        'hero:\n  title: Titre\n  text: Texte',
        'resources:\n  - title: Guide\n    url: /guide/\n  - title: Loi\n    url: /loi/',
        'categories:\n- a\n- b',
        'summary: >\n  Un résumé\n  sur deux lignes\n',
        '# Réglages de la page',
        '',
      ],
      { minLength: 0 },
    ),
    titleFirst: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n'),
  })
  .map(({ title, order, extra, titleFirst, eol }) => {
    const own = [`title: ${title}`, `order: ${order}`]
    const lines = titleFirst ? [...own, ...extra] : [...extra, ...own]
    return `${lines.join('\n')}\n`.replace(/\n/g, eol)
  })

const HOSTILE_CHARACTERS = [
  ' ',
  '  ',
  '\t',
  '\r',
  '\r\n',
  '\n',
  '#',
  ':',
  '"',
  "'",
  '\\',
  '-',
  '[',
  ']',
  '{',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '\u00a0',
  '\ufeff',
  '\u2028',
  '\u0085',
  '\u0000',
  'é',
]

/** Realistic front matter with one hostile character put somewhere. */
const mutatedYaml = fc
  .tuple(realisticYaml, fc.nat(), fc.constantFrom(...HOSTILE_CHARACTERS), fc.boolean())
  .map(([yaml, at, char, replace]) => {
    const position = at % (yaml.length + 1)
    return yaml.slice(0, position) + char + yaml.slice(position + (replace ? 1 : 0))
  })

describe('scanIndexKeys against the full YAML parser', () => {
  it('agrees or declines on front matter from a grammar of valid and broken lines', () => {
    let fast = 0
    fc.assert(
      fc.property(grammarYaml, (yaml) => {
        if (judge(yaml) === 'fast') fast++
      }),
      { numRuns: 10_000 },
    )
    // The grammar must reach the fast path often enough for the comparison to mean something.
    expect(fast).toBeGreaterThan(1000)
  })

  it('reads realistic front matter without the parser', () => {
    let fast = 0
    fc.assert(
      fc.property(realisticYaml, (yaml) => {
        if (judge(yaml) === 'fast') fast++
      }),
      { numRuns: 1000 },
    )
    // Everything this generator writes is inside the subset: the parser is never needed.
    expect(fast).toBe(1000)
  })

  it('agrees or declines when one hostile character lands anywhere in realistic front matter', () => {
    fc.assert(
      fc.property(mutatedYaml, (yaml) => {
        judge(yaml)
      }),
      { numRuns: 4000 },
    )
  })

  it('agrees or declines on every value of the list as a title or an order', () => {
    let fast = 0
    for (const key of ['title', 'order', 'layout']) {
      for (const value of VALUES) {
        for (const after of ['\n', ' # c\n', '\r\n', '\nnext: 1\n', '\n  suite\n']) {
          if (judge(`${key}: ${value}${after}`) === 'fast') fast++
        }
      }
    }
    expect(fast).toBeGreaterThan(VALUES.length)
  })

  it('agrees on the cases that decide a title or an order', () => {
    const cases: Record<string, string> = {
      duplicate: 'title: Premier\ntitle: Second\norder: 2\norder: 3\n',
      'duplicate emptied': 'title: Premier\ntitle:\n',
      'duplicate title nested': 'title: Premier\ntitle:\n  texte: Second\n',
      'duplicate order listed': 'order: 1\norder:\n- 2\n',
      'negative zero': 'order: -0\n',
      'blank lines longer than a block scalar': 'd: |\n      \n  x\ntitle: a\n',
      'octal order': 'order: 010\n',
      'order as text': 'order: premier\n',
      'boolean title': 'title: on\n',
      'date title': 'title: 2024-03-05\n',
      'comment title': 'title: # rien\n',
      'nested title': 'hero:\n  title: Pas la page\n',
      crlf: 'title: Fenêtres\r\norder: 4\r\n',
      'no settings': '# rien\n\n',
    }
    for (const yaml of Object.values(cases)) judge(yaml)
    expect(scanIndexKeys(cases.duplicate!)).toEqual({ title: 'Second', order: 3 })
    expect(scanIndexKeys(cases.crlf!)).toEqual({ title: 'Fenêtres', order: 4 })
    expect(scanIndexKeys(cases['nested title']!)).toEqual({})
  })
})

describe('scanIndexKeys on hostile text', () => {
  const LIMIT = 256 * 1024
  const hostile: Record<string, string> = {
    'one long line of spaces': `title: a${' '.repeat(LIMIT)}b\n`,
    'an unclosed flow sequence': `tags: [${'a, '.repeat(LIMIT / 3)}\n`,
    'many escapes': `title: "${'\\\\'.repeat(LIMIT / 2)}\n`,
    'deep indentation': Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
    'many sequence items': `tags:\n${'  - a\n'.repeat(LIMIT / 6)}`,
    'spaces before a colon': `${'a '.repeat(LIMIT / 2)}: b\n`,
    'a long block scalar': `d: |\n${'  x\n'.repeat(LIMIT / 4)}`,
  }
  for (const [shape, yaml] of Object.entries(hostile)) {
    it(`answers quickly: ${shape}`, () => {
      const started = performance.now()
      scanIndexKeys(yaml)
      expect(performance.now() - started).toBeLessThan(250)
    })
  }
})
