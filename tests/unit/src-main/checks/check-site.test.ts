import { describe, expect, it } from 'vitest'
import { checkOnePage } from '../../../../src-main/checks/check-page.js'
import { checkSite, readCheckContext } from '../../../../src-main/checks/check-site.js'
import { closest } from '../../../../src-main/checks/closest.js'
import { ensureStarterPlaybook } from '../../../../src-main/workspace/starter-playbook.js'
import { bundledStarterPlaybook } from '../../../../src-main/paths.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../../../helpers/site-fixture.js'
import { tempDir } from '../../../helpers/temp-dir.js'

describe('checkSite', () => {
  it('finds no problem in the starter playbook, as the user gets it', async () => {
    const starter = await ensureStarterPlaybook(
      bundledStarterPlaybook,
      await tempDir('atelier-data-'),
    )
    expect(await checkSite(await readCheckContext(starter))).toEqual([])
  })

  it('finds no problem in the bundled starter, built-in theme and all', async () => {
    expect(await checkSite(await readCheckContext(bundledStarterPlaybook))).toEqual([])
  })

  it('checks the editor’s text of a page without it being saved', async () => {
    const root = await writeSite({
      '_config.yml': CONFIG_WITH_COLLECTIONS,
      '_themes/acces.md': page('title: Accès', '## Pourquoi ?\n'),
      'a.md': page('title: A'),
    })
    const context = await readCheckContext(root)
    expect(checkOnePage(context, 'a.md', page('title: A'))).toEqual([])
    const typed = page(
      'title: A',
      'Voir {% link _themes/absent.md %} et [ici](#plus-bas).\n\n## Plus bas\n',
    )
    expect(checkOnePage(context, 'a.md', typed)).toEqual([
      expect.objectContaining({
        path: 'a.md',
        line: 5,
        kind: 'link-tag',
        severity: 'error',
        text: '_themes/absent.md',
        suggestion: '_themes/acces.md',
      }),
    ])
    // A Markdown link is selected by its text, which the editor shows (its address it does not).
    const linked = page('title: A', 'Voir [la page **absente**]({% link _themes/absent.md %}).\n')
    expect(checkOnePage(context, 'a.md', linked).map((problem) => problem.text)).toEqual([
      'la page absente',
    ])
    // A heading's id as kramdown makes it (accents kept, punctuation dropped).
    expect(
      checkOnePage(context, 'a.md', page('title: A', '[x](/themes/acces.html#pourquoi-)\n')),
    ).toEqual([])
  })
})

describe('closest', () => {
  it('suggests a near name only', () => {
    expect(closest('acces-informaton', ['acces-information', 'budget'])).toBe('acces-information')
    expect(closest('Accès', ['acces', 'budget'])).toBe('acces')
    expect(closest('zzz', ['acces', 'budget'])).toBeNull()
  })
})
