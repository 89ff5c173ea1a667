import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentHash } from '../../../../src-main/fs/conditional-write.js'
import { LinkIndexCache } from '../../../../src-main/rename/link-index-cache.js'
import { Workspace } from '../../../../src-main/workspace/workspace.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../../../helpers/site-fixture.js'

describe('LinkIndexCache', () => {
  it('keeps the site’s reading over text saves, and reads again after a rename', async () => {
    const root = await writeSite({
      '_config.yml': CONFIG_WITH_COLLECTIONS,
      '_themes/acces.md': page('title: Accès'),
    })
    const workspace = await Workspace.open(root)
    const cache = new LinkIndexCache(workspace)
    const first = await cache.get()
    expect(await cache.get()).toBe(first)
    const file = path.join(root, '_themes/acces.md')
    const text = await readFile(file, 'utf8')
    await workspace.savePage('_themes/acces.md', `${text}Encore.\n`, contentHash(text))
    expect(await cache.get()).toBe(first)
    await workspace.renamePage('_themes/acces.md', 'savoir')
    const next = await cache.get()
    expect(next).not.toBe(first)
    expect([...next.documents.keys()]).toEqual(['_themes/savoir.md'])
  })
})
