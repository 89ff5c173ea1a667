/**
 * Semantic edit test over every real page (issue 12): for each page of
 * ../shared/corpus, the seeds and the starter playbook, and each
 * `roundtrip --mutate` edit (title, append, first-paragraph), the published
 * body before and after differs only by the edit (tests/helpers/semantic-edit-judge.ts).
 * Judged by the kramdown port, and by Ruby kramdown through Jekyll 4.3's own
 * KramdownParser where it is installed (one Ruby process for all pages). Each
 * page is rendered with its site's `kramdown.input`.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { files } from './corpus-pages.js'
import { kramdownOptions, renderMarkdown } from '../../src-main/preview/markdown/render-markdown.js'
import type { MutationKind } from '../../src-main/commands/roundtrip.js'
import {
  applyEdit,
  editKinds,
  editorModel,
  jekyllSplit,
  judgeEdit,
} from '../helpers/semantic-edit-judge.js'

const root = resolve(import.meta.dirname, '../..')
const shared = resolve(root, '../shared')

function corpusPages(): string[] {
  if (!existsSync(join(shared, 'corpus'))) return []
  return [
    ...files(join(shared, 'corpus'), (n) => /\.(md|markdown|page)$/.test(n)),
    ...(existsSync(join(shared, 'seeds')) ? files(join(shared, 'seeds'), () => true) : []),
    ...files(join(root, 'resources/starter-playbook'), (n) => n.endsWith('.md')),
  ]
}

/**
 * The `kramdown:` section of the page's site: the nearest _config.yml above it.
 * kramdown's own documentation (`.page` files) is written for kramdown's parser.
 */
function siteKramdown(page: string): Record<string, unknown> {
  if (page.includes(`${join('corpus', 'kramdown-doc')}`)) return { input: 'kramdown' }
  for (let dir = dirname(page); dir.startsWith(shared) || dir.startsWith(root);) {
    const config = join(dir, '_config.yml')
    if (existsSync(config)) {
      const values = parse(readFileSync(config, 'utf8')) as { kramdown?: Record<string, unknown> }
      return values?.kramdown ?? {}
    }
    const up = dirname(dir)
    if (up === dir) break
    dir = up
  }
  return {}
}

interface Case {
  name: string
  kind: MutationKind
  config: Record<string, unknown>
  before: ReturnType<typeof jekyllSplit>
  after: ReturnType<typeof jekyllSplit>
  model: ReturnType<typeof editorModel>
}

/** Pages at the front-matter/body boundary (the reported case first), beside the real ones. */
const BOUNDARY_PAGES = [
  '---\ntitle: Accueil\n---',
  '---\ntitle: Accueil\n...',
  '\uFEFF---\r\ntitle: Accueil\r\n---',
  '---\n---',
  '---\ntitle: Accueil\n---\n  ',
]

function cases(): Case[] {
  const out: Case[] = []
  const pages = corpusPages().map((page) => ({
    name: relative(resolve(root, '..'), page),
    config: siteKramdown(page),
    text: readFileSync(page, 'utf8'),
  }))
  for (const text of BOUNDARY_PAGES) pages.push({ name: JSON.stringify(text), config: {}, text })
  for (const { name, config, text } of pages) {
    const model = editorModel(text)
    const before = jekyllSplit(text)
    for (const kind of editKinds)
      out.push({
        name: `${name} [${kind}]`,
        kind,
        config,
        before,
        after: jekyllSplit(applyEdit(kind, text)),
        model,
      })
  }
  return out
}

function judgeAll(all: Case[], render: (bodies: [Case, string][]) => string[]): string[] {
  const html = render(all.flatMap((c) => [[c, c.before.body] as [Case, string], [c, c.after.body]]))
  const differing: string[] = []
  all.forEach((c, i) => {
    const verdict = judgeEdit(c.kind, c.before, c.after, html[2 * i]!, html[2 * i + 1]!, c.model)
    if (verdict) differing.push(`${c.name}: ${verdict}`)
  })
  return differing
}

const withPort = (bodies: [Case, string][]) =>
  bodies.map(([c, body]) => renderMarkdown(body, kramdownOptions(c.config)))

/** Bodies with their `kramdown:` section (JSON list on stdin) through Jekyll's KramdownParser. */
const REFERENCE = `
require "json"
require "jekyll"
parsers = Hash.new do |cache, kramdown|
  config = Jekyll::Configuration.from({ "kramdown" => JSON.parse(kramdown), "quiet" => true })
  cache[kramdown] = Jekyll::Converters::Markdown::KramdownParser.new(config)
end
items = JSON.parse(STDIN.read.force_encoding("UTF-8"))
STDOUT.write(JSON.generate(items.map { |kramdown, text| parsers[kramdown].convert(text) }))
`

const withRuby = (bodies: [Case, string][]) =>
  JSON.parse(
    execFileSync('ruby', ['-e', REFERENCE], {
      input: JSON.stringify(bodies.map(([c, body]) => [JSON.stringify(c.config), body])),
      maxBuffer: 512 * 1024 * 1024,
    }).toString(),
  ) as string[]

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

const all = cases()

/**
 * Edits judged different because the editor reads a block otherwise than kramdown (issue 12,
 * point 2: the editor's block reading is being aligned with kramdown's by another change; remove
 * an entry once it passes). Nothing else may differ.
 */
const KNOWN_READING_DIFFERENCES: string[] = [
  // None: the two former entries (02-liquid.md, a list right after a paragraph line with GFM;
  // kramdown-doc news.page, `<webgen:block … />` as an HTML block) now read as kramdown does.
]

const unexpected = (differing: string[]) =>
  differing.filter(
    (line) => !KNOWN_READING_DIFFERENCES.some((known) => line.startsWith(`${known}:`)),
  )

function report(judge: string, differing: string[]): void {
  console.log(
    `semantic edits judged by ${judge}: ${all.length - differing.length}/${all.length} edits change only what was edited` +
      (differing.length ? `\n  ${differing.join('\n  ')}` : ''),
  )
}

describe.skipIf(all.length === BOUNDARY_PAGES.length * editKinds.length)(
  'each --mutate edit changes the published page only by the edit',
  () => {
    it(`on ${all.length / editKinds.length} pages, judged by the kramdown port`, () => {
      const differing = judgeAll(all, withPort)
      report('the kramdown port', differing)
      expect(unexpected(differing)).toEqual([])
    })

    it.skipIf(!hasRubyKramdown())(
      `on ${all.length / editKinds.length} pages, judged by Ruby kramdown (Jekyll 4.3)`,
      () => {
        const differing = judgeAll(all, withRuby)
        report('Ruby kramdown', differing)
        expect(unexpected(differing)).toEqual([])
      },
      300_000,
    )
  },
)
