import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectBuildLikeJekyll, hasJekyll } from '../../../helpers/jekyll-differential.js'

/**
 * Public Jekyll sites (themes' example sites, documentation sites) kept in
 * `tests/fixtures/sites/<name>/`, each with its licence and a `site.json`
 * saying what its build needs. Each is built by `jekyll build` and by
 * `cli build`, and the two must agree (see jekyll-differential.ts).
 */
interface SiteFixture {
  /** Where the site came from (repository and commit), for the next engineer. */
  readonly source: string
  /** Ruby plugins `jekyll build` needs (Debian packages them). */
  readonly plugins?: readonly string[]
  /** Built stylesheets whose selectors must agree. */
  readonly stylesheets?: readonly string[]
  /** Jekyll-only outputs (plugin files) Atelier does not write by design. */
  readonly notOurs?: readonly string[]
  readonly minPages?: number
}

const root = path.resolve(import.meta.dirname, '../../../fixtures/sites')
const sites = existsSync(root)
  ? readdirSync(root).filter((name) => existsSync(path.join(root, name, 'site.json')))
  : []

describe('public Jekyll sites: cli build agrees with jekyll build', () => {
  it('has sites to compare', () => {
    expect(sites.length).toBeGreaterThan(0)
  })
  for (const name of sites) {
    const dir = path.join(root, name)
    const fixture = JSON.parse(readFileSync(path.join(dir, 'site.json'), 'utf8')) as SiteFixture
    it.skipIf(!hasJekyll(fixture.plugins))(
      name,
      async () => {
        const notOurs = new Set(fixture.notOurs ?? [])
        await expectBuildLikeJekyll(dir, {
          stylesheets: fixture.stylesheets,
          minPages: fixture.minPages,
          notOurs: (file) => notOurs.has(file) || file.endsWith('.css.map'),
        })
      },
      180_000,
    )
  }
})
