import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SiteProblem } from '../../../../src-shared/api/types.js'
import { CheckService } from '../../../../src-main/checks/check-service.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../../../helpers/site-fixture.js'

const kinds = (problems: SiteProblem[]) => problems.map(({ path: file, kind }) => `${file} ${kind}`)

describe('CheckService', () => {
  it('checks the whole guide, then again what a change touches, telling each new list', async () => {
    const root = await writeSite({
      '_config.yml': CONFIG_WITH_COLLECTIONS,
      '_themes/acces.md': page('title: Accès', 'Texte.\n'),
      'a.md': page('title: A', '[x](/themes/acces.html#pourquoi)\n'),
      'b.md': page('title: B', '{% link _themes/absent.md %}\n'),
    })
    const service = new CheckService(root, 10)
    const heard: SiteProblem[][] = []
    service.onChange((problems) => heard.push(problems))
    await service.start()
    expect(kinds(service.problems())).toEqual(['b.md link-tag', 'a.md anchor'])
    // The theme gets the heading: the page that links to it is checked again with it.
    await writeFile(path.join(root, '_themes/acces.md'), page('title: Accès', '## Pourquoi\n'))
    service.noteChanged(['_themes/acces.md'])
    await service.idle()
    expect(kinds(service.problems())).toEqual(['b.md link-tag'])
    // A page added: every link is looked at again.
    await writeFile(path.join(root, '_themes/absent.md'), page('title: Plus absent'))
    service.noteChanged(['_themes/absent.md'])
    await service.idle()
    expect(service.problems()).toEqual([])
    expect(heard.map(kinds)).toEqual([['b.md link-tag', 'a.md anchor'], ['b.md link-tag'], []])
    service.close()
  })

  it('takes a saved page’s new text without reading the site again when its settings are the same', async () => {
    const root = await writeSite({
      '_config.yml': CONFIG_WITH_COLLECTIONS,
      '_themes/acces.md': page('title: Accès', 'Texte.\n'),
      'a.md': page('title: A', '[x](/themes/acces.html#pourquoi)\n'),
    })
    const service = new CheckService(root, 10)
    await service.start()
    expect(kinds(service.problems())).toEqual(['a.md anchor'])
    await writeFile(
      path.join(root, '_themes/acces.md'),
      page('title: Accès', '## Pourquoi\n\n[y](/nulle-part/)\n'),
    )
    service.noteChanged([{ path: '_themes/acces.md', textOnly: true }])
    await service.idle()
    expect(kinds(service.problems())).toEqual(['_themes/acces.md page-link'])
    service.close()
  })

  it('checks the open page as typed, against the site as last read', async () => {
    const root = await writeSite({
      '_config.yml': CONFIG_WITH_COLLECTIONS,
      'a.md': page('title: A'),
    })
    const service = new CheckService(root, 10)
    const typed = page('title: A', '[x](/absente/)\n')
    expect(kinds(await service.checkText('a.md', typed))).toEqual(['a.md page-link'])
    expect(service.problems()).toEqual([])
    service.close()
  })
})
