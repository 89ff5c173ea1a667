import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import {
  appendParagraph,
  frontMatterField,
  prefixFirstParagraph,
  setFrontMatterField,
} from '../../src-shared/markdown/edit-operations.js'
import { decodePage } from '../../src-shared/markdown/page-bytes.js'
import type { MarkdownInput } from '../../src-shared/markdown/markdown-input.js'
import { openPage, savePage, type PageModel } from '../../src-shared/markdown/page-document.js'
import { CONFIG_FILE, readSiteConfig } from '../workspace/site-config.js'

export const mutations = {
  title: (page: PageModel) => {
    if (page.frontMatter.kind === 'read-only') return page
    const current = frontMatterField(page, ['title'])
    const title =
      typeof current === 'string' || typeof current === 'number'
        ? `${current} (révisé)`
        : 'Sans titre (révisé)'
    return setFrontMatterField(page, ['title'], title)
  },
  append: (page: PageModel) => appendParagraph(page, 'Paragraphe ajouté.'),
  'first-paragraph': (page: PageModel) => prefixFirstParagraph(page, 'Note : '),
} as const

export type MutationKind = keyof typeof mutations

export interface RoundtripReport {
  files: number
  identical: string[]
  different: { path: string; line: number; expected: string; actual: string }[]
  unsupported: { path: string; reason: string }[]
}

/** Every `.md`/`.markdown` file under the given folders; files named explicitly are always taken. */
export async function collectFiles(inputs: string[]): Promise<{ file: string; base: string }[]> {
  const found: { file: string; base: string }[] = []
  const walk = async (dir: string, base: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== '.git' && entry.name !== 'node_modules') await walk(file, base)
      } else if (/\.(md|markdown)$/i.test(entry.name)) found.push({ file, base })
    }
  }
  for (const input of inputs) {
    const info = await stat(input)
    if (info.isDirectory()) await walk(input, input)
    else found.push({ file: input, base: path.dirname(input) })
  }
  return found.sort((a, b) => a.file.localeCompare(b.file))
}

function firstDifference(
  expected: string,
  actual: string,
): { line: number; expected: string; actual: string } {
  const a = expected.split('\n')
  const b = actual.split('\n')
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    if (a[index] !== b[index])
      return { line: index + 1, expected: a[index] ?? '', actual: b[index] ?? '' }
  }
  return { line: 0, expected: '', actual: '' }
}

/**
 * The `kramdown.input` a page is read with: that of its site, the nearest
 * folder at or above it holding a `_config.yml` (the editor reads the opened
 * folder's); GFM, Jekyll's default, when there is none. Cached per folder.
 */
async function siteInput(
  file: string,
  cache: Map<string, Promise<MarkdownInput>>,
): Promise<MarkdownInput> {
  const lookUp = async (dir: string): Promise<MarkdownInput> => {
    if (await stat(path.join(dir, CONFIG_FILE)).catch(() => null))
      return (await readSiteConfig(dir)).markdownInput ?? 'GFM'
    const parent = path.dirname(dir)
    return parent === dir ? 'GFM' : cached(parent)
  }
  const cached = (dir: string): Promise<MarkdownInput> => {
    let found = cache.get(dir)
    if (!found) cache.set(dir, (found = lookUp(dir)))
    return found
  }
  return cached(path.dirname(path.resolve(file)))
}

/**
 * Takes each file through the editor document and back. Without a mutation
 * the result must be the same bytes; with one, the edited page is written
 * under `out` at the same relative path.
 */
export async function roundtrip(
  inputs: string[],
  options: { mutate?: MutationKind; out?: string } = {},
): Promise<RoundtripReport> {
  const report: RoundtripReport = { files: 0, identical: [], different: [], unsupported: [] }
  const siteInputs = new Map<string, Promise<MarkdownInput>>()
  for (const { file, base } of await collectFiles(inputs)) {
    report.files++
    const decoded = decodePage(await readFile(file))
    if (!decoded.ok) {
      report.unsupported.push({ path: file, reason: decoded.reason })
      continue
    }
    let page = openPage(decoded.text, { input: await siteInput(file, siteInputs) })
    if (options.mutate) page = mutations[options.mutate](page)
    const written = savePage(page)
    if (options.out) {
      const target = path.join(options.out, path.relative(base, file))
      await mkdir(path.dirname(target), { recursive: true })
      await writeFile(target, written)
    }
    if (written === decoded.text) report.identical.push(file)
    else report.different.push({ path: file, ...firstDifference(decoded.text, written) })
  }
  return report
}

/**
 * `roundtrip <file-or-dir>... [--json] [--mutate <kind> --out <dir>]`: exit code 1
 * when a no-op round trip changes a file.
 */
export async function roundtripCommand(
  args: string[],
  out: (text: string) => void,
  usage: (text: string) => never,
): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      mutate: { type: 'string' },
      out: { type: 'string' },
    },
  })
  const mutate = values.mutate
  if (positionals.length === 0 || (mutate !== undefined && !(mutate in mutations))) {
    usage(
      `roundtrip <fichier-ou-dossier>... [--json] [--mutate ${Object.keys(mutations).join('|')} --out <dossier>]`,
    )
  }
  const report = await roundtrip(positionals, {
    ...(mutate ? { mutate: mutate as MutationKind } : {}),
    ...(values.out ? { out: values.out } : {}),
  })
  if (values.json) {
    out(
      `${JSON.stringify(
        {
          files: report.files,
          identical: report.identical.length,
          different: report.different.map((entry) => entry.path),
          unsupported: report.unsupported,
        },
        null,
        2,
      )}\n`,
    )
  } else {
    for (const file of report.identical) out(`identical  ${file}\n`)
    for (const entry of report.different) {
      out(`different  ${entry.path}:${entry.line}\n  - ${entry.expected}\n  + ${entry.actual}\n`)
    }
    for (const entry of report.unsupported) out(`unsupported  ${entry.path} (${entry.reason})\n`)
    out(
      `roundtrip: ${report.files} files, ${report.identical.length} identical, ${report.different.length} different, ${report.unsupported.length} unsupported\n`,
    )
  }
  return mutate === undefined && report.different.length > 0 ? 1 : 0
}
