import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLiquid } from '../../../../src-main/preview/liquid-engine.js'
import type { Site } from '../../../../src-main/preview/site-model.js'

let root: string
let site: Site

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'atelier-memo-'))
  site = {
    root,
    config: { baseurl: '', url: '', raw: {} },
    documents: [],
    theme: null,
  } as unknown as Site
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

/** Documents whose `slug` reads are counted, and whose `content` changes at each read. */
function documents() {
  const reads = { slug: 0 }
  let contentReads = 0
  const docs = ['acces', 'budget', 'acces'].map((slug, at) => ({
    title: `Page ${at}`,
    get slug() {
      reads.slug++
      return slug
    },
    get content() {
      return `version ${contentReads++}`
    },
  }))
  return { docs, reads }
}

const TEMPLATE =
  '{{ site.docs | where: "slug", page.theme | size }}|{{ site.docs | sort: "slug" | map: "title" | join: "," }}|{{ site.docs | where: "content", "version 1" | size }}'

function renderTwice(shared: boolean) {
  const { docs, reads } = documents()
  const liquid = createLiquid(site, {
    markdownify: (text) => text,
    ...(shared ? { shareFragments: () => true } : {}),
  })
  const template = liquid.parse(TEMPLATE)
  const outputs = ['acces', 'budget', 'acces'].map(
    (theme) => liquid.renderSync(template, { site: { docs }, page: { theme } }) as string,
  )
  return { outputs, reads }
}

describe('where and sort on the site’s arrays', () => {
  it('are worked out once per array and arguments, with the same results', () => {
    const memo = renderTwice(true)
    const plain = renderTwice(false)
    expect(memo.outputs).toEqual(plain.outputs)
    expect(memo.outputs[0]).toMatch(/^2\|Page 0,Page 2,Page 1\|/)
    // `where: "slug", "acces"` twice and `budget` once, `sort` three times: each item's slug
    // read once per distinct call when kept, every time when not.
    expect(memo.reads.slug).toBe(3 * 3)
    expect(plain.reads.slug).toBe(3 * 3 + 3 * 3)
  })

  it('are not kept when they read a document’s content, which depends on the page rendered', () => {
    const memo = renderTwice(true)
    // The content getter answers differently at each read: kept, the third call would repeat the first.
    expect(memo.outputs.map((output) => output.split('|')[2])).toEqual(
      renderTwice(false).outputs.map((output) => output.split('|')[2]),
    )
  })
})
