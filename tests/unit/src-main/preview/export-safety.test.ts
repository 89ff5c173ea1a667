import { spawnSync } from 'node:child_process'
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../../src-main/ipc/dispatch.js'
import { buildSite, EXPORT_MARKER } from '../../../../src-main/preview/build-site.js'
import { openSession } from '../../../helpers/session.js'
import { tempDir } from '../../../helpers/temp-dir.js'
import { filesBelow } from '../../../helpers/visible-text.js'

const hasJekyll = spawnSync('jekyll', ['--version']).status === 0
const SECRET = 'SECRET-HORS-DU-SITE'

/**
 * A site with symlinks of every kind: to a folder and a file outside (Jekyll's
 * safe mode skips them), to a folder and a file inside (followed), and a page
 * whose permalink climbs above the destination.
 */
async function siteWithLinks() {
  const base = await tempDir('atelier-links-')
  const root = path.join(base, 'site')
  const outside = path.join(base, 'dehors')
  await mkdir(path.join(outside, 'sous'), { recursive: true })
  await writeFile(path.join(outside, 'secret.txt'), `${SECRET}\n`)
  await writeFile(path.join(outside, 'sous', 'b.txt'), `${SECRET}\n`)
  await writeFile(path.join(outside, 'page.md'), `---\ntitle: ${SECRET}\n---\n${SECRET}\n`)
  await mkdir(path.join(root, 'docs'), { recursive: true })
  // A layout of its own, so the built-in theme stays out of the comparison with Jekyll.
  await mkdir(path.join(root, '_layouts'))
  await writeFile(path.join(root, '_layouts', 'default.html'), '{{ content }}')
  await writeFile(path.join(root, '_config.yml'), 'title: T\n')
  await writeFile(path.join(root, 'docs', 'd.txt'), 'D\n')
  await writeFile(path.join(root, 'vrai.txt'), 'VRAI\n')
  await writeFile(
    path.join(root, 'index.md'),
    '---\nlayout: null\n---\nB {% include_relative vrai.txt %} C {% include_relative lien-interne.txt %} D {% include_relative dossier-dedans/d.txt %}\n',
  )
  await writeFile(
    path.join(root, 'evasion.md'),
    '---\nlayout: null\npermalink: /../../../evasion.html\n---\nE\n',
  )
  await symlink(path.join(outside, 'secret.txt'), path.join(root, 'lien.txt'))
  await symlink(path.join(root, 'vrai.txt'), path.join(root, 'lien-interne.txt'))
  await symlink(outside, path.join(root, 'dossier-dehors'))
  await symlink(path.join(root, 'docs'), path.join(root, 'dossier-dedans'))
  await symlink(path.join(outside, 'page.md'), path.join(root, 'page-dehors.md'))
  return { base, root, outside }
}

describe('export and symlinks, as Jekyll’s safe mode', () => {
  it.skipIf(!hasJekyll)(
    'writes the files `jekyll build --safe` writes, nothing from outside',
    async () => {
      const { base, root } = await siteWithLinks()
      const jekyll = path.join(base, 'jekyll', 'sortie')
      const run = spawnSync(
        'jekyll',
        ['build', '--safe', '--source', root, '--destination', jekyll, '--disable-disk-cache'],
        { encoding: 'utf8' },
      )
      expect(run.status, run.stderr).toBe(0)
      const ours = path.join(base, 'atelier', 'sortie')
      const report = await buildSite(root, ours)
      expect(report.problems).toEqual([])
      expect(filesBelow(ours).filter((file) => file !== EXPORT_MARKER)).toEqual(filesBelow(jekyll))
      for (const file of filesBelow(ours)) {
        expect(await readFile(path.join(ours, file), 'utf8'), file).not.toContain(SECRET)
      }
      // Nothing written above the destination by the climbing permalink.
      expect(filesBelow(path.join(base, 'atelier'))).toEqual(
        filesBelow(ours).map((file) => `sortie/${file}`),
      )
    },
  )

  it('survives a symlink to a folder, a dangling one and one looping back, with no EISDIR', async () => {
    const { base, root } = await siteWithLinks()
    await symlink(path.join(base, 'absent.txt'), path.join(root, 'casse.txt'))
    await symlink(root, path.join(root, 'docs', 'boucle'))
    const ours = path.join(base, 'sortie')
    const report = await buildSite(root, ours)
    expect(report.problems).toEqual([])
    expect(filesBelow(ours)).toContain('dossier-dedans/d.txt')
    expect(filesBelow(ours)).not.toContain('casse.txt')
    expect(filesBelow(ours).some((file) => file.startsWith('dossier-dehors'))).toBe(false)
  })

  it('never includes a file through a symlink leaving the page’s folder', async () => {
    const { base, root } = await siteWithLinks()
    await writeFile(
      path.join(root, 'fuite.md'),
      '---\nlayout: null\n---\nA {% include_relative lien.txt %} B {% include_relative dossier-dehors/secret.txt %} C\n',
    )
    const ours = path.join(base, 'sortie')
    await buildSite(root, ours)
    const leaked = await readFile(path.join(ours, 'fuite.html'), 'utf8')
    expect(leaked).not.toContain(SECRET)
    expect(leaked).toMatch(/A\s+B\s+C/)
    expect(await readFile(path.join(ours, 'index.html'), 'utf8')).toMatch(/B VRAI\s+C VRAI\s+D D/)
  })
})

describe('export destination', () => {
  it('refuses an existing file, in French, and leaves it alone', async () => {
    const { base, root } = await siteWithLinks()
    const report = path.join(base, 'rapport.docx')
    await writeFile(report, 'mon rapport')
    await expect(buildSite(root, report)).rejects.toMatchObject({ code: 'export-not-a-folder' })
    const { handlers } = await openSession(root)
    expect(
      await dispatch(handlers, 'preview.export', { destination: report, relative: true }),
    ).toMatchObject({ ok: false, error: { code: 'export-not-a-folder' } })
    expect(await readFile(report, 'utf8')).toBe('mon rapport')
  })

  it('refuses a symlink leading into the workspace, and a non-empty folder it did not write', async () => {
    const { base, root } = await siteWithLinks()
    const { handlers } = await openSession(root)
    await symlink(root, path.join(base, 'raccourci'))
    expect(
      await dispatch(handlers, 'preview.export', {
        destination: path.join(base, 'raccourci', 'export'),
        relative: false,
      }),
    ).toMatchObject({ ok: false, error: { code: 'export-inside-workspace' } })
    expect(filesBelow(root)).not.toContain('export/index.html')
    await mkdir(path.join(base, 'documents'))
    await writeFile(path.join(base, 'documents', 'lettre.txt'), 'à garder')
    expect(
      await dispatch(handlers, 'preview.export', {
        destination: path.join(base, 'documents'),
        relative: false,
      }),
    ).toMatchObject({ ok: false, error: { code: 'export-not-empty' } })
    expect(filesBelow(path.join(base, 'documents'))).toEqual(['lettre.txt'])
  })
})
