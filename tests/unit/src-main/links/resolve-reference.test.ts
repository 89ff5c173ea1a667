import { describe, expect, it } from 'vitest'
import { findReferences } from '../../../../src-main/links/page-references.js'
import { readLinkIndex, resolveReference } from '../../../../src-main/links/resolve-reference.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../../../helpers/site-fixture.js'

async function guide() {
  return writeSite({
    '_config.yml': `${CONFIG_WITH_COLLECTIONS}baseurl: /guide\ncollections_dir: ''\n`,
    '_themes/acces.md': page('title: Accès'),
    '_cas_pratiques/benin.md': page('title: Bénin\ntheme: acces'),
    '_posts/2024-05-14-plan.md': page('title: Plan'),
    '_includes/pied.html': '<footer></footer>',
    '_layouts/default.html': '{{ content }}',
    'contribuer.md': page('title: Contribuer'),
    'docs/index.md': page('title: Docs'),
    'docs/notes.txt': 'notes',
    'assets/carte png.png': 'png',
    'assets/css/style.scss': '---\n---\nbody { color: red; }\n',
  })
}

describe('resolveReference', () => {
  it('finds what each kind of reference names, as Jekyll looks it up', async () => {
    const index = await readLinkIndex(await guide())
    const from = '_cas_pratiques/benin.md'
    const resolve = (kind: Parameters<typeof resolveReference>[2]['kind'], target: string) =>
      resolveReference(index, from, { kind, target })
    expect(resolve('link-tag', '_themes/acces.md')).toBe('_themes/acces.md')
    expect(resolve('link-tag', '/contribuer.md')).toBe('contribuer.md')
    expect(resolve('link-tag', '_themes/absent.md')).toBeNull()
    // Layouts and includes are no site files for `{% link %}`.
    expect(resolve('link-tag', '_layouts/default.html')).toBeNull()
    expect(resolve('post-url', '2024-05-14-plan')).toBe('_posts/2024-05-14-plan.md')
    expect(resolve('post-url', '2024-05-15-plan')).toBeNull()
    expect(resolve('include', 'pied.html')).toBe('_includes/pied.html')
    expect(resolve('include', 'tete.html')).toBeNull()
    expect(resolve('include', '../_config.yml')).toBeNull()
    expect(
      resolveReference(index, 'docs/index.md', { kind: 'include-relative', target: 'notes.txt' }),
    ).toBe('docs/notes.txt')
    expect(resolve('include-relative', 'notes.txt')).toBeNull()
    expect(resolve('field', 'acces')).toBe('_themes/acces.md')
    // A post is named by its slug, as Jekyll's templates look it up.
    expect(resolve('field', 'plan')).toBe('_posts/2024-05-14-plan.md')
    expect(resolve('post-url', 'plan')).toBeNull()
    expect(
      resolveReference(
        index,
        from,
        { kind: 'field', target: 'acces' },
        { collection: 'cas_pratiques' },
      ),
    ).toBeNull()
  })

  it('follows addresses from the page’s published URL, with or without the base URL', async () => {
    const index = await readLinkIndex(await guide())
    const from = '_cas_pratiques/benin.md' // published at /cas_pratiques/benin.html
    const resolve = (
      kind: 'markdown-link' | 'relative-url' | 'image' | 'html-link',
      target: string,
    ) => resolveReference(index, from, { kind, target })
    expect(resolve('markdown-link', '/themes/acces.html')).toBe('_themes/acces.md')
    expect(resolve('markdown-link', '/guide/themes/acces.html')).toBe('_themes/acces.md')
    expect(resolve('markdown-link', '../themes/acces.html')).toBe('_themes/acces.md')
    expect(resolve('markdown-link', '../themes/acces')).toBe('_themes/acces.md')
    expect(resolve('markdown-link', '/docs/')).toBe('docs/index.md')
    expect(resolve('markdown-link', '/docs')).toBe('docs/index.md')
    expect(resolve('markdown-link', '/contribuer.html?x=1')).toBe('contribuer.md')
    expect(resolve('markdown-link', '')).toBe(from)
    expect(resolve('image', '/assets/carte%20png.png')).toBe('assets/carte png.png')
    expect(resolve('html-link', '/assets/css/style.css')).toBe('assets/css/style.scss')
    expect(resolve('relative-url', 'assets/css/style.css')).toBe('assets/css/style.scss')
    expect(resolve('markdown-link', '/themes/absent.html')).toBeNull()
    expect(resolve('markdown-link', 'acces.html')).toBeNull()
  })

  it('resolves the references findReferences gives, end to end', async () => {
    const index = await readLinkIndex(await guide())
    const text = page(
      'title: X\ntheme: acces',
      '[a]({% link _themes/acces.md %}) [b](/nulle-part/)\n',
    )
    const resolved = findReferences(text)
      .filter((reference) => reference.kind !== 'field')
      .map((reference) => resolveReference(index, 'contribuer.md', reference))
    expect(resolved).toEqual(['_themes/acces.md', null])
  })
})
