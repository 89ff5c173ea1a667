import { execFile } from 'node:child_process'
import { cp, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ConfigProblem } from '../../../../src-shared/api/types.js'
import { readYamlConfig } from '../../../../src-shared/config/config-problem.js'
import { catalogues } from '../../../../src-shared/i18n/catalogues.js'
import { buildCommand } from '../../../../src-main/commands/preview.js'
import { parseDataFile } from '../../../../src-main/site/data-files.js'
import { readJekyllConfig } from '../../../../src-main/site/jekyll-config.js'
import { readSite } from '../../../../src-main/preview/read-site.js'
import { readSiteConfig } from '../../../../src-main/workspace/site-config.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../../../helpers/site-fixture.js'
import { openSession } from '../../../helpers/session.js'
import { tempDir } from '../../../helpers/temp-dir.js'

const projectRoot = path.resolve(import.meta.dirname, '../../../..')

/** Every message a settings problem may show: a catalogue sentence, file filled in, then the line. */
function fromCatalogue(problem: ConfigProblem): boolean {
  const template = catalogues.fr.configProblems[problem.code]
  const reason = template
    .replaceAll('{{file}}', problem.file)
    .replaceAll('{{key}}', problem.key ?? '')
  const at = problem.line === null ? '' : ` (ligne ${problem.line})`
  return problem.message === `${reason}${at}`
}

/** Words of the parsers' and zod's English that must never reach a person. */
const ENGLISH =
  /Error|Unexpected|[Ee]xpected|Invalid|token|position|[Nn]ested|[Aa]lias|Excessive|Implicit|Map keys|column|Quote|Record|Nonexistent/

const BILLION_LAUGHS = [
  'title: Guide',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
  'collections:',
  '  themes:',
  '    output: true',
  '',
].join('\n')

const VALID_TYPES = `types:
  theme:
    label: Thème
    collection: themes
    fields:
      - { name: title, label: Titre, type: text }
`

/** The broken settings files found by the probe, and their kin: file, text, code, line. */
const CORPUS: {
  name: string
  file: string
  text: string
  code: ConfigProblem['code']
  line: number | null
}[] = [
  {
    name: '_config.yml with a syntax error',
    file: '_config.yml',
    text: 'title: Guide\ncollections:\n  themes:\n    output: true\n   - perdu\n',
    code: 'yaml',
    line: 5,
  },
  {
    name: '_config.yml with an unclosed quote',
    file: '_config.yml',
    text: 'title: "Guide\ncollections:\n  themes:\n    output: true\n',
    code: 'yaml',
    line: 4,
  },
  {
    name: '_config.yml alias bomb',
    file: '_config.yml',
    text: BILLION_LAUGHS,
    code: 'aliases',
    line: 3,
  },
  {
    name: '_config.yml that is a list',
    file: '_config.yml',
    text: '- a\n- b\n',
    code: 'not-a-mapping',
    line: 1,
  },
  {
    name: 'a data file in broken YAML',
    file: '_data/pays.yml',
    text: 'senegal:\n  nom: Sénégal\n  capitale: [Dakar\n',
    code: 'yaml',
    line: 3,
  },
  {
    name: 'a data file alias bomb',
    file: '_data/bombe.yaml',
    text: BILLION_LAUGHS,
    code: 'aliases',
    line: 3,
  },
  {
    name: 'a data file in broken JSON',
    file: '_data/pays.json',
    text: '{\n  "senegal": "Dakar",\n  "mali" "Bamako"\n}\n',
    code: 'json',
    line: 3,
  },
  {
    name: 'a data file in broken CSV',
    file: '_data/pays.csv',
    text: 'pays,capitale\nSénégal,Dakar\nMali,"Bamako\n',
    code: 'csv',
    line: 3,
  },
  {
    name: 'a CSV row with too many cells',
    file: '_data/pays.csv',
    text: 'pays,capitale\nSénégal,Dakar\nMali,Bamako,trop\n',
    code: 'csv',
    line: 3,
  },
  {
    name: '_atelier.yml in broken YAML',
    file: '_atelier.yml',
    text: 'types:\n  theme: [\n',
    code: 'yaml',
    line: 2,
  },
  {
    name: '_atelier.yml with a missing label',
    file: '_atelier.yml',
    text: 'types:\n  theme:\n    collection: themes\n    fields:\n      - { name: title, label: Titre, type: text }\n',
    code: 'schema-missing',
    line: 3,
  },
  {
    name: '_atelier.yml with an unknown link style',
    file: '_atelier.yml',
    text: `links: html\n${VALID_TYPES}`,
    code: 'schema-value',
    line: 1,
  },
  {
    name: '_atelier.yml with a label that is a list',
    file: '_atelier.yml',
    text: VALID_TYPES.replace('label: Thème', 'label: [a, b]'),
    code: 'schema-type',
    line: 3,
  },
  {
    name: '_atelier.yml with no fields',
    file: '_atelier.yml',
    text: 'types:\n  theme:\n    label: Thème\n    collection: themes\n    fields: []\n',
    code: 'schema-empty',
    line: 5,
  },
  {
    name: '_atelier.yml with a field name in spaces',
    file: '_atelier.yml',
    text: VALID_TYPES.replace('name: title', 'name: mon titre'),
    code: 'schema-format',
    line: 6,
  },
  {
    name: '_atelier.yml with a field of unknown type',
    file: '_atelier.yml',
    text: VALID_TYPES.replace('type: text', 'type: couleur'),
    code: 'schema-invalid',
    line: 6,
  },
]

async function siteWith(file: string, text: string): Promise<string> {
  const files: Record<string, string> = {
    '_config.yml': CONFIG_WITH_COLLECTIONS,
    '_themes/a.md': page('title: A'),
    'index.md': page('title: Accueil'),
  }
  files[file] = text
  return writeSite(files)
}

describe('broken settings files: a French problem with file and line', () => {
  it.each(CORPUS)('$name: in « Problèmes » and in `build` (exit 1)', async (entry) => {
    const root = await siteWith(entry.file, entry.text)
    const { session, handlers } = await openSession(root)
    try {
      const problems = await handlers['workspace.problems']({})
      expect(problems).toHaveLength(1)
      const problem = problems[0]!
      expect(problem).toMatchObject({ code: entry.code, file: entry.file, line: entry.line })
      expect(fromCatalogue(problem)).toBe(true)
      expect(problem.message).not.toMatch(ENGLISH)

      const printed: string[] = []
      const code = await buildCommand(
        [root, await tempDir('atelier-out-')],
        (text) => printed.push(text),
        () => {
          throw new Error('usage')
        },
      )
      const output = printed.join('')
      if (entry.file === '_atelier.yml') {
        // Atelier's own file: Jekyll ignores it, so does the build.
        expect(code).toBe(0)
      } else {
        expect(code).toBe(1)
        expect(output).toContain(problem.message)
      }
      expect(output).not.toMatch(ENGLISH)
    } finally {
      await session.close()
    }
  })

  it('both readers of _config.yml report the same problem', async () => {
    for (const entry of CORPUS.filter((item) => item.file === '_config.yml')) {
      const root = await siteWith(entry.file, entry.text)
      const workspace = (await readSiteConfig(root)).problem
      const preview = (await readJekyllConfig(root)).problem
      expect(workspace).toEqual(preview)
      expect(workspace).toMatchObject({ code: entry.code, line: entry.line })
    }
  })

  it('refuses nesting deep enough to exhaust the parser, at once and with its line', () => {
    const deep = `title: Guide\nnav: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`
    const started = performance.now()
    const read = readYamlConfig(deep, '_config.yml', '1.1')
    expect(performance.now() - started).toBeLessThan(500)
    expect(read).toMatchObject({ ok: false, problem: { code: 'yaml', line: 2 } })
  })

  it('expands an alias bomb never: refused before expanding it', async () => {
    // Refused by the alias count, not by a clock: the reader never builds the expansion.
    const read = readYamlConfig(BILLION_LAUGHS, '_config.yml', '1.1')
    expect(read.ok).toBe(false)
    expect(!read.ok && read.problem.code).toBe('aliases')
    // A few aliases (anchors reused in `defaults:`) are fine.
    expect(readYamlConfig('a: &x {b: 1}\nc: *x\nd: *x\n', '_config.yml').ok).toBe(true)
  })

  // Any damage to a settings file — a character inserted anywhere — is either still read or
  // a problem in the catalogue's French, on a line of the file; never a throw or English.
  it('any damaged settings file gives a catalogue message on a line of the file', () => {
    const sources: [string, string][] = [
      ['_config.yml', CONFIG_WITH_COLLECTIONS],
      ['_data/pays.yml', 'senegal:\n  nom: Sénégal\n  villes: [Dakar, Thiès]\n'],
      ['_data/pays.json', '{\n  "senegal": { "nom": "Sénégal", "villes": ["Dakar"] }\n}\n'],
      ['_data/pays.csv', 'pays,capitale\nSénégal,Dakar\n"Côte d\'Ivoire",Yamoussoukro\n'],
    ]
    const damage = fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(
          ':',
          '-',
          '[',
          ']',
          '{',
          '}',
          '"',
          "'",
          '*',
          '&',
          '\t',
          ' ',
          '\n',
          ',',
          '#',
          '|',
          '>',
          '%',
          '@',
          '!',
        ),
      ),
      { minLength: 1, maxLength: 4 },
    )
    fc.assert(
      fc.property(fc.constantFrom(...sources), damage, ([file, text], edits) => {
        let damaged = text
        for (const [at, char] of edits) {
          const index = at % (damaged.length + 1)
          damaged = damaged.slice(0, index) + char + damaged.slice(index)
        }
        const read =
          file === '_config.yml'
            ? readYamlConfig(damaged, file, '1.1')
            : parseDataFile(file, damaged)
        if (read.ok) return
        expect(fromCatalogue(read.problem)).toBe(true)
        expect(read.problem.message).not.toMatch(ENGLISH)
        const lines = damaged.split('\n').length
        if (read.problem.line !== null) {
          expect(read.problem.line).toBeGreaterThanOrEqual(1)
          expect(read.problem.line).toBeLessThanOrEqual(lines)
        }
      }),
      { numRuns: 400 },
    )
  })

  it('keeps reading the data files that are fine beside a broken one', async () => {
    const root = await writeSite({
      '_config.yml': CONFIG_WITH_COLLECTIONS,
      '_data/bon.yml': 'nom: Sénégal\n',
      '_data/casse.json': '{ "a": }',
    })
    const site = await readSite(root)
    expect(site.data.bon).toEqual({ nom: 'Sénégal' })
    expect(site.problems.map((problem) => problem.file)).toEqual(['_data/casse.json'])
  })
})

describe('a page too large to open', () => {
  it('says the page is too large, not that its settings are', async () => {
    const root = await siteWith('gros.md', page('title: Gros', 'Texte. '.repeat(800_000)))
    const { session, handlers } = await openSession(root)
    try {
      const content = await handlers['pages.read']({ path: 'gros.md' })
      expect(content.problem).toMatchObject({ code: 'page-too-large' })
      expect(content.problem?.message).toBe(catalogues.fr.problems['page-too-large'])
    } finally {
      await session.close()
    }
  })
})

describe('npm run cli -- build', () => {
  // The probe: an alias-bomb `_config.yml` built 3 of 14 pages of the starter and exited 0.
  it('exits 1 with the French problem when _config.yml is an alias bomb', async () => {
    const root = await tempDir('atelier-cli-config-')
    await cp(path.join(projectRoot, 'resources', 'starter-playbook'), root, { recursive: true })
    await writeFile(path.join(root, '_config.yml'), BILLION_LAUGHS)
    const run = promisify(execFile)
    const failure = await run(
      process.execPath,
      [
        path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'),
        'src-main/cli.ts',
        'build',
        root,
        await tempDir('atelier-cli-out-'),
      ],
      { cwd: projectRoot },
    ).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    )
    expect(failure?.code).toBe(1)
    expect(failure?.stdout).toContain(
      `${catalogues.fr.configProblems.aliases.replace('{{file}}', '_config.yml')} (ligne 3)`,
    )
    expect(`${failure?.stdout}${failure?.stderr}`).not.toMatch(ENGLISH)
  }, 60_000)
})
