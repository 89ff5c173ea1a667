import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../../src-main/ipc/dispatch.js'
import { bundledStarterPlaybook } from '../../../../src-main/paths.js'
import { ensureStarterPlaybook } from '../../../../src-main/workspace/starter-playbook.js'
import type { RenamePreview } from '../../../../src-shared/api/types.js'
import { hasJekyll, jekyllBuild, readBuilt } from '../../../helpers/jekyll-differential.js'
import { git, nativePorcelain } from '../../../helpers/native-git.js'
import { openSession } from '../../../helpers/session.js'
import { tempDir } from '../../../helpers/temp-dir.js'

const THEME = '_themes/acces-information.md'
const CASE = '_cas_pratiques/benin-registre-demandes.md'
const LINK_LINE =
  'Voir aussi {% link _themes/acces-information.md %}, [pourquoi](/themes/acces-information/#pourquoi).'

/**
 * A copy of the starter playbook whose Bénin case study also links to its theme with
 * `{% link %}` (the reported case), recorded as a version by native git.
 */
async function starterWithLink(): Promise<string> {
  const root = await ensureStarterPlaybook(bundledStarterPlaybook, await tempDir())
  const file = path.join(root, CASE)
  await writeFile(file, `${await readFile(file, 'utf8')}\n${LINK_LINE}\n`)
  git(root, 'add', '-A')
  git(root, '-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'Lien')
  return root
}

async function planned(
  handlers: Awaited<ReturnType<typeof openSession>>['handlers'],
  title: string,
) {
  const result = await dispatch(handlers, 'rename.plan', { path: THEME, title })
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value as RenamePreview
}

const bases = (preview: RenamePreview) =>
  Object.fromEntries(preview.files.map((file) => [file.path, file.base]))

describe('rename with links', () => {
  it.skipIf(!hasJekyll())(
    'renames a theme of the starter by its title: the case studies follow and `jekyll build` still publishes',
    async () => {
      const root = await starterWithLink()
      const { session, handlers } = await openSession(root)
      await session.settings.setAuthor({ name: 'T', email: 't@example.org' })
      const preview = await planned(handlers, 'Le droit de savoir')
      expect(preview.to).toBe('_themes/le-droit-de-savoir.md')
      expect(preview.newUrl).toBe('/themes/le-droit-de-savoir/')
      expect(preview.files.map((file) => file.path)).toEqual([THEME, CASE])
      expect(preview.files[1]!.lines).toEqual([
        {
          line: 8,
          before: 'theme: acces-information # Nom du fichier du thème (sans « .md »)',
          after: 'theme: le-droit-de-savoir # Nom du fichier du thème (sans « .md »)',
        },
        {
          line: (await readFile(path.join(root, CASE), 'utf8')).split('\n').indexOf(LINK_LINE) + 1,
          before: LINK_LINE,
          after:
            'Voir aussi {% link _themes/le-droit-de-savoir.md %}, [pourquoi](/themes/le-droit-de-savoir/#pourquoi).',
        },
      ])
      const applied = await dispatch(handlers, 'rename.apply', {
        path: THEME,
        title: 'Le droit de savoir',
        bases: bases(preview),
      })
      expect(applied).toEqual({ ok: true, value: { path: '_themes/le-droit-de-savoir.md' } })

      const site = await jekyllBuild(root)
      const built = readBuilt(site, 'cas-pratiques/benin-registre-demandes/index.html')
      expect(built).toContain('href="/themes/le-droit-de-savoir/"')
      expect(built).toContain('href="/themes/le-droit-de-savoir/#pourquoi"')
      expect(built).not.toContain('acces-information')
      // The theme page still lists its case study (found by its `theme:`).
      expect(readBuilt(site, 'themes/le-droit-de-savoir/index.html')).toContain(
        '/cas-pratiques/benin-registre-demandes/',
      )

      // Native git sees one rename and one edit, and accepts the version recorded of them.
      expect(nativePorcelain(root).split('\n').filter(Boolean).sort()).toEqual([
        ` D ${THEME}`,
        ` M ${CASE}`,
        '?? _themes/le-droit-de-savoir.md',
      ])
      // Atelier's own status agrees (a rename shows as the new path, from the old one).
      const status = await handlers['versions.status']({})
      expect(
        status.changes.flatMap((change) => [change.path, change.from ?? []].flat()).sort(),
      ).toEqual([CASE, THEME, '_themes/le-droit-de-savoir.md'].sort())
      expect(
        await dispatch(handlers, 'versions.commit', { message: 'Renommer un thème' }),
      ).toMatchObject({ ok: true })
      expect(nativePorcelain(root)).toBe('')
      git(root, 'fsck', '--strict')
      expect(
        git(root, 'show', '--name-status', '--format=', '-M', 'HEAD').trim().split('\n').sort(),
      ).toEqual([
        `M\t${CASE}`,
        expect.stringMatching(
          /^R\d+\t_themes\/acces-information\.md\t_themes\/le-droit-de-savoir\.md$/,
        ),
      ])
      await session.close()
    },
    60_000,
  )

  it.skipIf(!hasJekyll())(
    'the same rename without its links makes `jekyll build` fail (the reported bug)',
    async () => {
      const root = await starterWithLink()
      const { session, handlers } = await openSession(root)
      const renamed = await dispatch(handlers, 'pages.rename', {
        path: THEME,
        newName: 'le-droit-de-savoir',
      })
      expect(renamed.ok).toBe(true)
      await expect(jekyllBuild(root)).rejects.toThrow(/Could not find document/)
      await session.close()
    },
    60_000,
  )

  it.skipIf(!hasJekyll())(
    'moves a case study to another folder: the links to it follow and `jekyll build` publishes them',
    async () => {
      const root = await starterWithLink()
      const home = path.join(root, 'index.md')
      await writeFile(
        home,
        `${await readFile(home, 'utf8')}\nVoir [le Bénin]({% link ${CASE} %}) et [encore](/cas-pratiques/benin-registre-demandes/).\n`,
      )
      git(root, '-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-qam', 'Liens')
      const { session, handlers } = await openSession(root)
      await session.settings.setAuthor({ name: 'T', email: 't@example.org' })
      // The folder passes the same gate as any path.
      expect(
        await dispatch(handlers, 'rename.plan', {
          path: CASE,
          title: 'Bénin',
          folder: '../dehors',
        }),
      ).toMatchObject({ ok: false, error: { code: 'outside-workspace' } })
      const planning = await dispatch(handlers, 'rename.plan', {
        path: CASE,
        title: 'Bénin : le registre des demandes',
        folder: 'archives',
      })
      if (!planning.ok) throw new Error(JSON.stringify(planning.error))
      const preview = planning.value as RenamePreview
      const moved = 'archives/benin-le-registre-des-demandes.md'
      expect(preview.to).toBe(moved)
      expect(preview.newUrl).toBe('/archives/benin-le-registre-des-demandes/')
      expect(preview.files.map((file) => file.path)).toEqual([CASE, 'index.md'])
      const applied = await dispatch(handlers, 'rename.apply', {
        path: CASE,
        title: 'Bénin : le registre des demandes',
        folder: 'archives',
        bases: bases(preview),
      })
      expect(applied).toEqual({ ok: true, value: { path: moved } })
      const site = await jekyllBuild(root)
      const built = readBuilt(site, 'index.html')
      expect(built).toContain('href="/archives/benin-le-registre-des-demandes/">le Bénin')
      expect(built).toContain('href="/archives/benin-le-registre-des-demandes/">encore')
      expect(readBuilt(site, 'archives/benin-le-registre-des-demandes/index.html')).toContain(
        'href="/themes/acces-information/"',
      )
      expect(
        await dispatch(handlers, 'versions.commit', { message: 'Déplacer un cas' }),
      ).toMatchObject({ ok: true })
      expect(nativePorcelain(root)).toBe('')
      git(root, 'fsck', '--strict')
      await session.close()
    },
    60_000,
  )

  it('writes nothing when a file changed after the plan was shown, and says so', async () => {
    const root = await starterWithLink()
    const { session, handlers } = await openSession(root)
    const preview = await planned(handlers, 'Le droit de savoir')
    const file = path.join(root, CASE)
    const changed = (await readFile(file, 'utf8')).replace('Bénin', 'Bénin (modifié)')
    await writeFile(file, changed)
    const applied = await dispatch(handlers, 'rename.apply', {
      path: THEME,
      title: 'Le droit de savoir',
      bases: bases(preview),
    })
    expect(applied).toMatchObject({ ok: false, error: { code: 'rename-changed' } })
    expect(await readFile(file, 'utf8')).toBe(changed)
    expect(nativePorcelain(root)).toBe(` M ${CASE}\n`)
    await session.close()
  })
})
