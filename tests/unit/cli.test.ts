import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../helpers/site-fixture.js'

const root = path.resolve(import.meta.dirname, '../..')

async function site() {
  return writeSite({
    '_config.yml': CONFIG_WITH_COLLECTIONS,
    '_themes/b.md': page('title: Deux\norder: 2'),
    '_themes/a.md': page('title: Un\norder: 1'),
    '_cas_pratiques/x.md': page('title: [cassé'),
    '_posts/2024-01-02-nouvelles.md': page('title: Nouvelles'),
  })
}

describe('cli index', () => {
  it('prints the page index as JSON with collection names from _config.yml', async () => {
    const workspace = await site()
    let out = ''
    const code = await runCli(
      ['index', workspace, '--json'],
      (text) => (out += text),
      () => undefined,
    )
    expect(code).toBe(0)
    const { pages } = JSON.parse(out) as { pages: Record<string, unknown>[] }
    expect(pages.map((entry) => Object.keys(entry).sort())).toEqual(
      pages.map(() => ['collection', 'error', 'order', 'path', 'title']),
    )
    expect(
      pages.filter((entry) => entry.collection === 'themes').map((entry) => entry.title),
    ).toEqual(['Un', 'Deux'])
    expect(pages.find((entry) => entry.collection === 'posts')).toMatchObject({
      title: 'Nouvelles',
      error: null,
    })
    const broken = pages.find((entry) => entry.collection === 'cas_pratiques')
    expect(broken?.error).toMatch(/mal écrits/)
  })

  it('explains its usage in French and exits 2 on a bad command', async () => {
    let err = ''
    expect(
      await runCli(
        ['inconnu'],
        () => undefined,
        (text) => (err += text),
      ),
    ).toBe(2)
    expect(err).toMatch(/Utilisation/)
  })

  it('runs through `npm run cli`', async () => {
    const workspace = await site()
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'cli', '--', 'index', workspace, '--json'],
      {
        cwd: root,
      },
    )
    expect(JSON.parse(stdout).pages).toHaveLength(4)
  }, 30_000)
})
