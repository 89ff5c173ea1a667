import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../helpers/site-fixture.js'
import { tempDir } from '../helpers/temp-dir.js'

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
    for (const argv of [['toString'], ['review', 'constructor']]) {
      expect(
        await runCli(
          argv,
          () => undefined,
          () => undefined,
        ),
      ).toBe(2)
    }
  })

  it('lists its commands on stdout and exits 0 for --help, -h and help', async () => {
    for (const word of ['--help', '-h', 'help']) {
      let out = ''
      let err = ''
      const code = await runCli(
        [word],
        (text) => (out += text),
        (text) => (err += text),
      )
      expect({ code, err }).toEqual({ code: 0, err: '' })
      expect(out).toMatch(/^Utilisation : atelier <commande> …\n {2}status, log, commit, /)
    }
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

describe('cli roundtrip', () => {
  async function pages() {
    return writeSite({
      'a.md': '---\ntitle: A # titre\n---\n\nPremier paragraphe.\n\nSecond.\n',
      'sous/b.markdown': 'Sans réglages\r\n',
      'latin1.md': new Uint8Array([0x41, 0xe9, 0x0a]),
      'notes.txt': 'pas pris dans un dossier\n',
    })
  }

  it('reports every Markdown file identical, and the unsupported ones with a reason (JSON)', async () => {
    const dir = await pages()
    let out = ''
    const code = await runCli(
      ['roundtrip', dir, '--json'],
      (text) => (out += text),
      () => undefined,
    )
    expect(code).toBe(0)
    expect(JSON.parse(out)).toEqual({
      files: 3,
      identical: 2,
      different: [],
      unsupported: [{ path: `${dir}/latin1.md`, reason: 'not-utf8' }],
    })
  })

  it('prints a summary line in text mode', async () => {
    const dir = await pages()
    let out = ''
    await runCli(
      ['roundtrip', dir],
      (text) => (out += text),
      () => undefined,
    )
    expect(out).toMatch(/^identical {2}.*a\.md$/m)
    expect(out.trim().split('\n').at(-1)).toBe(
      'roundtrip: 3 files, 2 identical, 0 different, 1 unsupported',
    )
  })

  it('applies a mutation through the editor model and writes results at the same relative paths', async () => {
    const dir = await pages()
    const outDir = await tempDir()
    for (const kind of ['title', 'append', 'first-paragraph']) {
      const target = `${outDir}/${kind}`
      expect(
        await runCli(
          ['roundtrip', dir, '--mutate', kind, '--out', target],
          () => undefined,
          () => undefined,
        ),
      ).toBe(0)
    }
    const read = (kind: string, file: string) => readFile(`${outDir}/${kind}/${file}`, 'utf8')
    expect(await read('title', 'a.md')).toBe(
      '---\ntitle: A (révisé) # titre\n---\n\nPremier paragraphe.\n\nSecond.\n',
    )
    expect(await read('title', 'sous/b.markdown')).toBe(
      '---\r\ntitle: Sans titre (révisé)\r\n---\r\nSans réglages\r\n',
    )
    expect(await read('append', 'a.md')).toBe(
      '---\ntitle: A # titre\n---\n\nPremier paragraphe.\n\nSecond.\n\nParagraphe ajouté.\n',
    )
    expect(await read('first-paragraph', 'a.md')).toBe(
      '---\ntitle: A # titre\n---\n\nNote : Premier paragraphe.\n\nSecond.\n',
    )
  })

  it('reads each page with its site’s `kramdown.input`, as the editor does', async () => {
    // `#Titre` is a heading for kramdown's own parser, paragraph text for GFM (Jekyll's default).
    const body = '#Titre\n\nTexte.\n'
    const dir = await writeSite({
      'kramdown/_config.yml': 'kramdown:\n  input: kramdown\n',
      'kramdown/docs/page.md': body,
      'gfm/_config.yml': 'title: Site\n',
      'gfm/page.md': body,
    })
    const outDir = await tempDir()
    expect(
      await runCli(
        ['roundtrip', dir, '--mutate', 'first-paragraph', '--out', outDir],
        () => undefined,
        () => undefined,
      ),
    ).toBe(0)
    expect(await readFile(`${outDir}/kramdown/docs/page.md`, 'utf8')).toBe(
      '#Titre\n\nNote : Texte.\n',
    )
    expect(await readFile(`${outDir}/gfm/page.md`, 'utf8')).toBe('Note : #Titre\n\nTexte.\n')
  })

  it('refuses an unknown mutation with its usage', async () => {
    let err = ''
    expect(
      await runCli(
        ['roundtrip', '.', '--mutate', 'tout'],
        () => undefined,
        (text) => (err += text),
      ),
    ).toBe(2)
    expect(err).toMatch(/--mutate title\|append\|first-paragraph/)
  })
})

describe('cli search', () => {
  async function searchSite() {
    return writeSite({
      '_config.yml': CONFIG_WITH_COLLECTIONS,
      '_themes/egalite.md': page('title: Égalité', 'Parler d’égalité et d’EGALITE.\n'),
      'autre.md': page('title: Autre', 'Rien.\n'),
    })
  }

  it('prints every match as { path, line, text }, case and accents folded', async () => {
    let out = ''
    const code = await runCli(
      ['search', await searchSite(), 'egalite', '--json'],
      (text) => (out += text),
      () => undefined,
    )
    expect(code).toBe(0)
    expect(JSON.parse(out)).toEqual({
      results: [
        { path: '_themes/egalite.md', line: 2, text: 'Égalité' },
        { path: '_themes/egalite.md', line: 5, text: 'Parler d’égalité et d’EGALITE.' },
        { path: '_themes/egalite.md', line: 5, text: 'Parler d’égalité et d’EGALITE.' },
      ],
    })
  })

  it('speaks French without --json, and refuses a missing query with its usage', async () => {
    const workspace = await searchSite()
    let out = ''
    expect(
      await runCli(
        ['search', workspace, 'égal'],
        (text) => (out += text),
        () => undefined,
      ),
    ).toBe(0)
    expect(out).toContain('_themes/egalite.md — Égalité\n  2: [Égal]ité\n')
    expect(out).toContain('3 résultat(s) dans 1 page(s).')
    out = ''
    await runCli(
      ['search', workspace, 'introuvable'],
      (text) => (out += text),
      () => undefined,
    )
    expect(out).toBe('Aucun résultat pour « introuvable ».\n')
    let err = ''
    expect(
      await runCli(
        ['search', workspace],
        () => undefined,
        (text) => (err += text),
      ),
    ).toBe(2)
    expect(err).toContain('search <dossier> <recherche>')
  })
})

describe('cli check', () => {
  it('lists problems as JSON, errors first, in French, and exits 1 on an error', async () => {
    const workspace = await writeSite({
      '_config.yml': CONFIG_WITH_COLLECTIONS,
      '_themes/acces.md': page('title: Accès'),
      'a.md': page('title: A', '[x](/nulle-part/)\n{% link _themes/acess.md %}\n'),
    })
    let out = ''
    const code = await runCli(
      ['check', workspace, '--json'],
      (text) => (out += text),
      () => undefined,
    )
    expect(code).toBe(1)
    const { problems } = JSON.parse(out) as { problems: Record<string, unknown>[] }
    expect(problems).toEqual([
      {
        path: 'a.md',
        line: 6,
        kind: 'link-tag',
        severity: 'error',
        message: expect.stringMatching(/« _themes\/acess\.md ».*« _themes\/acces\.md »/),
      },
      {
        path: 'a.md',
        line: 5,
        kind: 'page-link',
        severity: 'warning',
        message: expect.stringMatching(/ne mène à aucune page du site/),
      },
    ])
  })

  it('exits 0 with warnings only, and prints one line per problem without --json', async () => {
    const workspace = await writeSite({
      '_config.yml': CONFIG_WITH_COLLECTIONS,
      'a.md': page('title: A', '![carte](/absente.png)\n'),
    })
    let out = ''
    expect(
      await runCli(
        ['check', workspace],
        (text) => (out += text),
        () => undefined,
      ),
    ).toBe(0)
    expect(out).toContain('a.md:5\tAvertissement\tLe fichier « /absente.png » n’existe pas')
    expect(out).toContain('1 problème(s)')
  })
})
