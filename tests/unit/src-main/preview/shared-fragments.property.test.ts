import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLiquid } from '../../../../src-main/preview/liquid-engine.js'
import type { Site } from '../../../../src-main/preview/site-model.js'

/**
 * Shared fragments (shared-fragments.ts) render an include once for the whole site and
 * fill in its page-dependent holes per page. The judge is the same engine without
 * sharing: generated includes — page values printed, compared, filtered, looped over,
 * assigned, captured, tested by `case`, with state-keeping tags — rendered for several
 * pages in a row must give the same text, the same variables after the include, and
 * the same errors.
 */

let root: string
let site: Site
let next = 0

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'atelier-shared-'))
  await mkdir(path.join(root, '_includes'))
  await writeFile(
    path.join(root, '_includes', 'inner.html'),
    '{% if page.url == "/a/" %}[A]{% endif %}{% assign inner = page.title %}{{ include.z }}',
  )
  await writeFile(path.join(root, '_includes', 'empty.html'), '')
  await writeFile(
    path.join(root, '_includes', 'base.html'),
    '<main>{% block a %}default{% endblock %}</main>',
  )
  site = {
    root,
    config: { baseurl: '', url: '', raw: {} },
    documents: [],
    staticFiles: [],
    data: {},
    layouts: new Map(),
    buildTime: 0,
    sassFiles: [],
    theme: null,
    problems: [],
  } as unknown as Site
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

const VALUES = [
  'page.url',
  'page.title',
  'page.flag',
  'page.n',
  'page.tags',
  'page.missing',
  'item.url',
  'item.flag',
  'item.title',
  'outer',
  'x',
  'inner',
  'site.title',
  'site.related_posts',
  'site.related_posts.size',
  'site.related_posts.first.url',
  'forloop.index',
  'forloop',
  'page.tags[-1]',
  'site',
  'content',
  '"/a/"',
  '"Un"',
  '2',
  'nil',
  'empty',
  'true',
]

const value = fc.constantFrom(...VALUES)
const condition = fc.oneof(
  value,
  fc
    .tuple(value, fc.constantFrom('==', '!=', '>', 'contains', 'and', 'or'), value)
    .map((parts) => parts.join(' ')),
)

/** Values that do not depend on the page: printing them keeps an include shareable. */
const siteValue = fc.constantFrom('site.title', 'site.pages.size', '"Un"')

const leaf = fc.oneof(
  { arbitrary: fc.constantFrom('a', ' ', '<li>', '\n', '"', '|'), weight: 8 },
  { arbitrary: siteValue.map((v) => `{{ ${v} }}`), weight: 8 },
  { arbitrary: value.map((v) => `{{ ${v} }}`), weight: 1 },
  {
    arbitrary: fc
      .tuple(value, fc.constantFrom('upcase', 'default: "d"', 'size', 'append: page.title'))
      .map(([v, filter]) => `{{ ${v} | ${filter} }}`),
    weight: 1,
  },
  { arbitrary: value.map((v) => `{{ site.pages | where: "url", ${v} | size }}`), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      '{{ site.pages | where_exp: "p", "p.url == page.url" | size }}',
      '{{ site.pages | where_exp: "p", "page.flag" | size }}',
    ),
    weight: 1,
  },
  { arbitrary: value.map((v) => `{% assign x = ${v} %}`), weight: 1 },
  {
    arbitrary: fc.constant('{% assign y = site.pages | sort: "order" | first %}{{ y.title }}'),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom(
      '{% assign s = site %}',
      '{% assign tmp = outer %}{% assign outer = x %}{% assign x = tmp %}',
      '{{ site | map: "related_posts.first" | compact | size }}',
      '{% for pair in site %}{{ pair[0] }}{% endfor %}',
      '{% increment c %}',
      '{% cycle "o", "p" %}',
      '{% break %}',
      '{% continue %}',
      '{% include inner.html %}',
      '{% include inner.html z=page.title %}',
      '{% echo page.n %}',
    ),
    weight: 1,
  },
)

const fragment: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .tuple(condition, tie('node'), fc.option(condition), tie('node'), tie('node'))
      .map(([c, yes, c2, mid, no]) =>
        c2 === null
          ? `{% if ${c} %}${yes}{% else %}${no}{% endif %}`
          : `{% if ${c} %}${yes}{% elsif ${c2} %}${mid}{% else %}${no}{% endif %}`,
      ),
    fc
      .tuple(condition, tie('node'), tie('node'))
      .map(([c, yes, no]) => `{% unless ${c} %}${yes}{% else %}${no}{% endunless %}`),
    fc
      .tuple(
        fc.constantFrom('', ' limit: 2', ' offset: continue', ' limit: continue', ' reversed'),
        tie('node'),
      )
      .map(([modifier, body]) => `{% for item in site.pages${modifier} %}${body}{% endfor %}`),
    tie('node').map((body) => `{% capture x %}${body}{% endcapture %}{{ x | size }}`),
    fc
      .tuple(value, tie('node'), tie('node'))
      .map(([v, yes, no]) => `{% case ${v} %}{% when "/a/" %}${yes}{% else %}${no}{% endcase %}`),
    fc.array(tie('node'), { maxLength: 4 }).map((parts) => parts.join('')),
  ),
})).node

const PAGES = [
  { url: '/a/', title: 'Un', flag: true, n: 1, tags: ['t'] },
  { url: '/b/', title: 'Deux', flag: false, n: 3, tags: [] },
  { url: '/c/', title: 'Un', n: 2 },
]
const SITE = {
  title: 'Guide',
  pages: [
    { url: '/a/', title: 'Un', order: 2, flag: true },
    { url: '/b/', title: 'Deux', order: 1 },
    { url: '/c/', title: 'Trois', order: 3, flag: false },
  ],
}

/**
 * The include in layouts that set variables before it and print what it left after,
 * and in one using LiquidJS's `layout` and `block` (their state lives in registers).
 */
function layoutsFor(file: string): string[] {
  return [
    `{% assign outer = page.flag %}{% assign x = page.url %}{% for i in site.pages limit: 1 %}{% endfor %}[{% include ${file} %}]{{ x }}|{{ y.title }}|{{ inner }}|{{ outer }}|{{ s.related_posts.size }}{% if s.related_posts.first %}R{% endif %}|{% increment c %}|{% for item in site.pages offset: continue %}{{ item.url }}{% endfor %}`,
    `{% layout base.html %}{% block a %}A:{{ page.title }}{% endblock %}{% include ${file} %}`,
  ]
}

/** Calls of `counted`, a filter registered after sharing is installed (so never refused). */
let counted = 0

function renderAll(shared: boolean, file: string): string[] {
  const liquid = createLiquid(site, {
    markdownify: (text) => text,
    ...(shared ? { shareFragments: () => true, pageSiteKeys: ['related_posts'] } : {}),
  })
  liquid.registerFilter('counted', (input: unknown) => {
    counted++
    return input
  })
  return layoutsFor(file).flatMap((text) => {
    const layout = liquid.parse(text)
    return PAGES.map((page, at) => {
      try {
        return liquid.renderSync(layout, {
          site: { ...SITE, related_posts: at === 1 ? [] : [SITE.pages[at]] },
          page,
          content: at === 0 ? '' : `<p>${page.title}</p>`,
          layout: {},
        }) as string
      } catch (error) {
        return `error: ${(error as Error).message}`
      }
    })
  })
}

describe('shared fragments', () => {
  it('render every generated include as the unshared engine does, page after page', async () => {
    let runs = 0
    let sharedRuns = 0
    await fc.assert(
      fc.asyncProperty(fragment, async (source) => {
        const file = `gen-${next++}.html`
        // Counted once per page when rendered on each page, once in all when shared.
        await writeFile(path.join(root, '_includes', file), `{{ "" | counted }}${source}`)
        counted = 0
        const shared = renderAll(true, file)
        runs++
        // Once in all when shared (both layouts), once per page and layout when not.
        if (counted === 1) sharedRuns++
        expect(shared).toEqual(renderAll(false, file))
      }),
      { numRuns: 400 },
    )
    // Not vacuous: many generated includes were in fact shared.
    expect(sharedRuns / runs).toBeGreaterThan(0.15)
  })

  it('gives up, and pages render it themselves, where both branches would grow without end', async () => {
    // Each level tests the page and includes itself twice: a page follows one path to its
    // depth (`page.n`), both branches of every test would double at each of 40 levels.
    const file = `rec-${next++}.html`
    await writeFile(
      path.join(root, '_includes', file),
      // (The empty include first sets the registers `include` keeps, as a theme's would be.)
      `{% include empty.html %}{% if include.d %}{% if page.n > include.d.n %}x{% include ${file} d=include.d.next %}{% include ${file} d=include.d.next %}{% endif %}{% endif %}`,
    )
    const top = `top-${next++}.html`
    await writeFile(path.join(root, '_includes', top), `{% include ${file} d=site.chain %}`)
    let chain: Record<string, unknown> | null = null
    for (let n = 40; n >= 0; n--) chain = { n, next: chain }
    const render = (shared: boolean) => {
      const liquid = createLiquid(site, {
        markdownify: (text) => text,
        ...(shared ? { shareFragments: () => true, pageSiteKeys: ['related_posts'] } : {}),
      })
      const layout = liquid.parse(`[{% include ${top} %}]`)
      return PAGES.map((page) => liquid.renderSync(layout, { site: { chain }, page }) as string)
    }
    const plain = render(false)
    expect(plain[1]).toBe(`[${'x'.repeat(7)}]`)
    expect(render(true)).toEqual(plain)
  })

  it('renders a navigation once and fills in the current page', async () => {
    const file = `nav-${next++}.html`
    await writeFile(
      path.join(root, '_includes', file),
      '{% for item in site.pages %}<a{% if page.url == item.url %} aria-current="page"{% endif %}>{{ item.title | counted }}</a>{% endfor %}',
    )
    counted = 0
    const rendered = renderAll(true, file)
    // Each link's title once for all pages and both layouts, not once per page.
    expect(counted).toBe(3)
    expect(rendered).toEqual(renderAll(false, file))
    expect(rendered[1]).toContain('<a>Un</a><a aria-current="page">Deux</a><a>Trois</a>')
  })
})
