import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Workspace } from '../../../../src-main/workspace/workspace.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../../../helpers/site-fixture.js'

describe('workspace watcher', () => {
  it('sees a page written by another program within a second, and the index shows it', async () => {
    const root = await writeSite({ '_config.yml': CONFIG_WITH_COLLECTIONS })
    const workspace = await Workspace.open(root)
    await workspace.pages()
    const reported = new Promise<string[]>((resolve) => void workspace.watch(resolve))
    // Let chokidar finish its first crawl.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const started = Date.now()
    await writeFile(path.join(root, 'nouveau.md'), page('title: Venue d’ailleurs'))
    const paths = await reported
    expect(Date.now() - started).toBeLessThan(1000)
    expect(paths).toContain('nouveau.md')
    const { pages } = await workspace.pages()
    expect(pages.map((entry) => entry.title)).toContain('Venue d’ailleurs')
    await workspace.close()
  })
})
