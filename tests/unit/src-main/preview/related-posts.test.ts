import fc from 'fast-check'
import {
  atelierBuild,
  hasJekyll as jekyllRuns,
  jekyllBuild,
  readBuilt,
} from '../../../helpers/jekyll-differential.js'
import { describe, expect, it } from 'vitest'
import { writeSite } from '../../../helpers/site-fixture.js'
import { filesBelow } from '../../../helpers/visible-text.js'

/**
 * `site.related_posts`, which Lanyon's and Hyde's post layouts list: without LSI, Jekyll's
 * `RelatedPosts#most_recent_posts` — the ten newest posts but the document being rendered,
 * for a post or a collection document (`[]` when the site has fewer than two posts), and
 * nothing (`nil`) for a page. Generated sites are built by Atelier and, where it is
 * installed, by Debian's `jekyll build`, and every written page must be the same.
 */

/** Every document prints what it sees of `site.related_posts`, and how many. */
const LIST =
  '{% for post in site.related_posts %}[{{ post.title }}]{% endfor %}|{{ site.related_posts.size }}'

function siteWith(posts: { day: number; name: string }[], notes: number): Record<string, string> {
  const files: Record<string, string> = {
    '_config.yml': 'title: Blog\ncollections:\n  notes:\n    output: true\n',
    '_layouts/default.html': `<main>{{ content }}</main><aside>${LIST}</aside>\n`,
    'index.html': `---\nlayout: default\n---\nAccueil\n`,
  }
  posts.forEach(({ day, name }, index) => {
    const date = `2024-01-${String(day).padStart(2, '0')}`
    files[`_posts/${date}-${name}.md`] =
      `---\nlayout: default\ntitle: P${index}${name}\n---\n<div>${LIST}</div>\n`
  })
  for (let index = 0; index < notes; index++) {
    files[`_notes/note-${index}.md`] = `---\nlayout: default\ntitle: N${index}\n---\nNote\n`
  }
  return files
}

/** Atelier's build, which must report no problem. */
async function ourBuild(root: string): Promise<string> {
  const { destination, report } = await atelierBuild(root)
  expect(report.problems).toEqual([])
  return destination
}

const read = readBuilt

describe('site.related_posts', () => {
  it('lists the ten newest posts but the one being rendered, and nothing on a page', async () => {
    const posts = Array.from({ length: 12 }, (_, index) => ({
      day: index + 1,
      name: `billet-${index}`,
    }))
    const root = await writeSite(siteWith(posts, 1))
    const ours = await ourBuild(root)
    // The newest post sees the next ten; the oldest sees the ten newest.
    expect(read(ours, '2024/01/12/billet-11.html')).toContain(
      '<aside>[P10billet-10][P9billet-9][P8billet-8][P7billet-7][P6billet-6][P5billet-5][P4billet-4][P3billet-3][P2billet-2][P1billet-1]|10</aside>',
    )
    expect(read(ours, '2024/01/01/billet-0.html')).toContain(
      '[P11billet-11][P10billet-10][P9billet-9][P8billet-8][P7billet-7][P6billet-6][P5billet-5][P4billet-4][P3billet-3][P2billet-2]|10</aside>',
    )
    // A collection document is a Jekyll document too: it gets the ten newest.
    expect(read(ours, 'notes/note-0.html')).toContain('<aside>[P11billet-11]')
    // A page gets `nil`: no list, no size.
    expect(read(ours, 'index.html')).toContain('<aside>|</aside>')
  }, 60_000)

  it('agrees with jekyll build on generated blogs (dates shared, few posts, collection documents)', async () => {
    const blog = fc.record({
      posts: fc.uniqueArray(
        fc.record({
          day: fc.integer({ min: 1, max: 4 }),
          name: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm'),
        }),
        { maxLength: 13, selector: (post) => post.name },
      ),
      notes: fc.integer({ min: 0, max: 2 }),
    })
    await fc.assert(
      fc.asyncProperty(blog, async ({ posts, notes }) => {
        const root = await writeSite(siteWith(posts, notes))
        const ours = await ourBuild(root)
        if (!jekyllRuns()) return
        const jekyll = await jekyllBuild(root)
        const pages = filesBelow(jekyll).filter((file) => file.endsWith('.html'))
        expect(filesBelow(ours).filter((file) => file.endsWith('.html'))).toEqual(pages)
        for (const file of pages) expect(read(ours, file), file).toBe(read(jekyll, file))
      }),
      // Each run is one `jekyll build` (about a second): a few sites, each of many documents.
      { numRuns: 4, examples: [[{ posts: [{ day: 1, name: 'a' }], notes: 1 }]] },
    )
  }, 120_000)
})
