import { writeFileSync, unlinkSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentHash } from '../../../../src-main/fs/conditional-write.js'
import type { WorkspaceChange } from '../../../../src-main/workspace/workspace-change.js'
import { Workspace } from '../../../../src-main/workspace/workspace.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../../../helpers/site-fixture.js'

/** Every change the workspace tells, and a wait for the first one from the watcher naming `file`. */
function listen(workspace: Workspace) {
  const heard: WorkspaceChange[] = []
  const waiting: { file: string; resolve: () => void }[] = []
  const fromWatcher = (change: WorkspaceChange, file: string) =>
    change.path === file && change.kind === 'outside'
  workspace.onChange((changes) => {
    heard.push(...changes)
    for (const wait of waiting) {
      if (changes.some((change) => fromWatcher(change, wait.file))) wait.resolve()
    }
  })
  const until = (file: string) =>
    new Promise<void>((resolve) => {
      if (heard.some((change) => fromWatcher(change, file))) resolve()
      else waiting.push({ file, resolve })
    })
  return { heard, until }
}

describe('workspace watcher', () => {
  it('sees a page written by another program, and the index shows it', async () => {
    const root = await writeSite({ '_config.yml': CONFIG_WITH_COLLECTIONS })
    const workspace = await Workspace.open(root)
    await workspace.pages()
    const { heard, until } = listen(workspace)
    await workspace.watch()
    await writeFile(path.join(root, 'nouveau.md'), page('title: Venue d’ailleurs'))
    await until('nouveau.md')
    expect(heard).toContainEqual({ path: 'nouveau.md', kind: 'outside', textOnly: false })
    const { pages } = await workspace.pages()
    expect(pages.map((entry) => entry.title)).toContain('Venue d’ailleurs')
    await workspace.close()
  })

  it('tells of our own save once, when made, and drops the watcher’s echo of it', async () => {
    const root = await writeSite({
      '_config.yml': CONFIG_WITH_COLLECTIONS,
      'a-propos.md': page('title: À propos'),
    })
    const workspace = await Workspace.open(root)
    const { heard, until } = listen(workspace)
    await workspace.watch()
    const before = await readFile(path.join(root, 'a-propos.md'))
    await workspace.savePage(
      'a-propos.md',
      page('title: À propos', 'Nouveau texte.\n'),
      contentHash(before),
    )
    expect(heard).toEqual([{ path: 'a-propos.md', kind: 'written', textOnly: true }])
    // Another program's write after ours: once it is heard, ours would have been heard before it.
    await writeFile(path.join(root, 'signal.md'), page('title: Signal'))
    await until('signal.md')
    expect(heard.filter((change) => change.path === 'a-propos.md')).toHaveLength(1)
    await workspace.close()
  })

  it('reports our saved page again when another program then changes it', async () => {
    const root = await writeSite({
      '_config.yml': CONFIG_WITH_COLLECTIONS,
      'a-propos.md': page('title: À propos'),
    })
    const workspace = await Workspace.open(root)
    const { heard, until } = listen(workspace)
    await workspace.watch()
    const before = await readFile(path.join(root, 'a-propos.md'))
    await workspace.savePage('a-propos.md', page('title: Nouveau titre'), contentHash(before))
    expect(heard).toEqual([{ path: 'a-propos.md', kind: 'written', textOnly: false }])
    await writeFile(path.join(root, 'a-propos.md'), page('title: Par un autre programme'))
    await until('a-propos.md')
    const { pages } = await workspace.pages()
    expect(pages.find((entry) => entry.path === 'a-propos.md')?.title).toBe(
      'Par un autre programme',
    )
    await workspace.close()
  })

  it('tells what changed while it started, which its first crawl cannot see', async () => {
    const root = await writeSite({
      '_config.yml': CONFIG_WITH_COLLECTIONS,
      '_layouts/default.html': '<main>{{ content }}</main>\n',
      'a-propos.md': page('title: À propos'),
      'partie.md': page('title: Partie'),
    })
    const workspace = await Workspace.open(root, { watched: true })
    await workspace.pages()
    const { heard } = listen(workspace)
    const watching = workspace.watch()
    // Before the watcher's first look at the folder: it takes these as they were from the start.
    writeFileSync(path.join(root, 'nouveau.md'), page('title: Venue d’ailleurs'))
    writeFileSync(path.join(root, 'a-propos.md'), page('title: À propos, changé ailleurs'))
    writeFileSync(
      path.join(root, '_layouts/default.html'),
      '<main class="x">{{ content }}</main>\n',
    )
    unlinkSync(path.join(root, 'partie.md'))
    await watching
    expect(heard.filter((change) => change.kind === 'outside').map((c) => c.path)).toEqual([
      '_layouts/default.html',
      'a-propos.md',
      'nouveau.md',
      'partie.md',
    ])
    const { pages } = await workspace.pages()
    expect(pages.map((entry) => entry.title).sort()).toEqual([
      'Venue d’ailleurs',
      'À propos, changé ailleurs',
    ])
    await workspace.close()
  })

  it('tells what changed before it started even when another listing read it first', async () => {
    const root = await writeSite({
      '_config.yml': CONFIG_WITH_COLLECTIONS,
      'a-propos.md': page('title: À propos'),
      'autre.md': page('title: Autre'),
    })
    const workspace = await Workspace.open(root, { watched: true })
    await workspace.pages()
    await writeFile(path.join(root, 'a-propos.md'), page('title: Changé ailleurs'))
    // Our own save of another page: the listing is read again, and sees the change first.
    const other = await readFile(path.join(root, 'autre.md'))
    await workspace.savePage('autre.md', page('title: Autre, renommé'), contentHash(other))
    expect((await workspace.pages()).pages.map((entry) => entry.title)).toContain('Changé ailleurs')
    const { heard } = listen(workspace)
    await workspace.watch()
    expect(heard.filter((change) => change.kind === 'outside').map((c) => c.path)).toEqual([
      'a-propos.md',
    ])
    await workspace.close()
  })

  it('tells nothing once closed, even when closed while it starts', async () => {
    const root = await writeSite({
      '_config.yml': CONFIG_WITH_COLLECTIONS,
      'a-propos.md': page('title: À propos'),
    })
    const workspace = await Workspace.open(root, { watched: true })
    await workspace.pages()
    const { heard } = listen(workspace)
    const watching = workspace.watch()
    writeFileSync(path.join(root, 'nouveau.md'), page('title: Venue d’ailleurs'))
    await workspace.close()
    await watching
    expect(heard).toEqual([])
  })

  it('settles its start when closed during the first crawl', async () => {
    const root = await writeSite({ '_config.yml': CONFIG_WITH_COLLECTIONS })
    const workspace = await Workspace.open(root)
    const watching = workspace.watch()
    await workspace.close()
    await expect(watching).resolves.toBeUndefined()
  })
})
