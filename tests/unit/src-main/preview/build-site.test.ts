import { execFileSync, spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildSite, EXPORT_MARKER } from '../../../../src-main/preview/build-site.js'
import { bundledStarterPlaybook } from '../../../../src-main/paths.js'
import { ensureStarterPlaybook } from '../../../../src-main/workspace/starter-playbook.js'
import { tempDir } from '../../../helpers/temp-dir.js'
import { filesBelow, visibleText } from '../../../helpers/visible-text.js'

const hasJekyll = spawnSync('jekyll', ['--version']).status === 0

describe('export of the site', () => {
  it.skipIf(!hasJekyll)(
    'writes the starter playbook as Debian’s jekyll build does (same files, same visible text), and so does the built-in theme for the same pages without layouts',
    async () => {
      // The user's copy: the starter's pages with the built-in theme's files installed.
      const installed = await ensureStarterPlaybook(bundledStarterPlaybook, await tempDir())
      const jekyll = path.join(await tempDir('atelier-jekyll-'), 'site')
      execFileSync(
        'jekyll',
        ['build', '--source', installed, '--destination', jekyll, '--disable-disk-cache'],
        { stdio: 'pipe' },
      )
      // The bundled folder has no layouts: the preview dresses it with the built-in theme.
      for (const source of [installed, bundledStarterPlaybook]) {
        const ours = path.join(await tempDir('atelier-build-'), 'site')
        const report = await buildSite(source, ours)
        expect(report.problems).toEqual([])
        expect(filesBelow(ours).filter((name) => name !== EXPORT_MARKER)).toEqual(
          filesBelow(jekyll),
        )
        for (const file of filesBelow(jekyll).filter((name) => name.endsWith('.html'))) {
          expect(visibleText(path.join(ours, file)), `${source}: ${file}`).toBe(
            visibleText(path.join(jekyll, file)),
          )
        }
      }
    },
    120_000,
  )

  it('with --relative, links work without a server', async () => {
    const ours = path.join(await tempDir('atelier-build-'), 'site')
    const progress: number[] = []
    await buildSite(bundledStarterPlaybook, ours, {
      relative: true,
      onProgress: (done) => progress.push(done),
    })
    const home = await readFile(path.join(ours, 'index.html'), 'utf8')
    expect(home).toContain('href="assets/css/style.css"')
    expect(home).toMatch(/href="themes\/acces-information\/index.html"/)
    const theme = await readFile(path.join(ours, 'themes/acces-information/index.html'), 'utf8')
    expect(theme).toContain('href="../../assets/css/style.css"')
    expect(theme).not.toMatch(/(href|src)="\//)
    expect(progress.at(-1)).toBe(filesBelow(ours).length - 1)
  })

  it('replaces an earlier export but never empties a folder it did not write', async () => {
    const folder = await tempDir('atelier-build-')
    await writeFile(path.join(folder, 'mes-notes.txt'), 'à garder')
    await expect(buildSite(bundledStarterPlaybook, folder)).rejects.toMatchObject({
      code: 'export-not-empty',
    })
    expect(await readFile(path.join(folder, 'mes-notes.txt'), 'utf8')).toBe('à garder')

    const exported = path.join(folder, 'site')
    await buildSite(bundledStarterPlaybook, exported)
    await writeFile(path.join(exported, 'ancien.html'), 'x')
    await buildSite(bundledStarterPlaybook, exported)
    expect(filesBelow(exported)).not.toContain('ancien.html')
    expect(filesBelow(exported)).toContain('index.html')
  })
})
