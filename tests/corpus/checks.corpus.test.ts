import { spawnSync } from 'node:child_process'
import { cp, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkSite, readCheckContext } from '../../src-main/checks/check-site.js'
import { hasJekyll } from '../helpers/jekyll-differential.js'
import { tempDir } from '../helpers/temp-dir.js'

const docs = path.resolve(import.meta.dirname, '../../../shared/corpus/jekyll-docs')

/**
 * Pages that depend on the site's `_data/`, which the corpus does not have: checks read
 * Liquid, they do not run it, so they cannot agree with a build missing the data.
 */
const NEEDS_MISSING_DATA = [
  // `modulo: site.data.….size` divides by 0 when run without the data.
  'pages/jekyllconf.md',
  // Its includes sit in a loop over `site.data.permalinks`: without the data, never reached.
  '_docs/permalinks.md',
]

const EMPTIED = '---\ntitle: Vidée\n---\n\nVidée.\n'

/** `jekyll build` of the site: null when it builds, else the page its error names. */
async function jekyllFailure(root: string): Promise<string | null> {
  const destination = path.join(await tempDir('atelier-jekyll-'), 'site')
  const build = spawnSync(
    'jekyll',
    ['build', '--source', root, '--destination', destination, '--disable-disk-cache'],
    { env: { ...process.env, JEKYLL_NO_BUNDLER_REQUIRE: 'true' }, encoding: 'utf8' },
  )
  if (build.status === 0) return null
  // eslint-disable-next-line no-control-regex
  const output = `${build.stdout}\n${build.stderr}`.replace(/\u001b\[[0-9;]*m/g, '')
  // The exception's line names the page (warnings before it name others).
  const named = /Liquid Exception: .* in (\S+\.(?:md|markdown|html))\s*$/m.exec(output)
  if (!named) throw new Error(`jekyll build failed without naming a page:\n${output}`)
  return path.relative(root, path.resolve(root, named[1]!)).split(path.sep).join('/')
}

/**
 * The Markdown of Jekyll's own documentation, as a site with its two collections (its layouts,
 * includes and data are not in the corpus). Jekyll is asked again and again: each page it
 * stops on must be one we report an error on; that page is emptied and the site built
 * again, until Jekyll builds. By then, every page we reported an error on was one Jekyll
 * stopped on, and on what Jekyll builds we report no error.
 */
describe.skipIf(!hasJekyll())('checks agree with jekyll build on the Jekyll documentation', () => {
  it('reports an error on exactly the pages jekyll build stops on', async () => {
    const root = path.join(await tempDir('atelier-jekyll-docs-'), 'site')
    for (const folder of ['_docs', '_posts', '_tutorials', 'pages'])
      await cp(path.join(docs, folder), path.join(root, folder), { recursive: true })
    await writeFile(
      path.join(root, '_config.yml'),
      'collections:\n  docs:\n    output: true\n  tutorials:\n    output: true\n',
    )
    for (const page of NEEDS_MISSING_DATA) await writeFile(path.join(root, page), EMPTIED)
    const problems = await checkSite(await readCheckContext(root))
    const flagged = new Set(
      problems.filter((problem) => problem.severity === 'error').map((problem) => problem.path),
    )
    expect(flagged.size).toBeGreaterThan(0)
    const stopped: string[] = []
    for (
      let failed = await jekyllFailure(root);
      failed !== null;
      failed = await jekyllFailure(root)
    ) {
      expect(flagged, `jekyll build stops on ${failed}`).toContain(failed)
      expect(stopped).not.toContain(failed)
      stopped.push(failed)
      // Emptied, not removed: other pages' links to it must still find it.
      await writeFile(path.join(root, failed), EMPTIED)
    }
    expect([...flagged].filter((page) => !stopped.includes(page))).toEqual([])
    const after = await checkSite(await readCheckContext(root))
    expect(after.filter((problem) => problem.severity === 'error')).toEqual([])
  }, 600_000)
})
