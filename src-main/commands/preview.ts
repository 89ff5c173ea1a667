import { access } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { translate } from '../../src-shared/i18n/translate.js'
import { buildSite } from '../preview/build-site.js'
import { readSite } from '../preview/read-site.js'
import { BoundedRenderer } from '../preview/bounded-renderer.js'
import { failureMessage } from '../preview/render-limits.js'

/** The preview commands of the CLI: `build` and `render`. */
type Out = (text: string) => void
type Usage = (text: string) => never

/** `build <workspace> <outdir> [--relative]`: the whole site, as `jekyll build` writes it. */
export async function buildCommand(args: string[], out: Out, usage: Usage): Promise<number> {
  const syntax = 'build <dossier> <destination> [--relative]'
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { relative: { type: 'boolean', default: false } },
  })
  const [workspace, destination] = positionals
  if (!workspace || !destination) usage(syntax)
  const report = await buildSite(path.resolve(workspace), path.resolve(destination), {
    relative: values.relative,
  })
  for (const problem of report.problems) {
    out(`${translate('fr', 'preview.cli.problem', problem)}\n`)
  }
  out(
    `${translate('fr', 'preview.cli.built', { pages: report.pages, files: report.staticFiles, destination })}\n`,
  )
  return report.problems.length > 0 ? 1 : 0
}

/** `render <file.md>`: the page body as the preview renders it — Liquid then Markdown, no layout. */
export async function renderCommand(args: string[], out: Out, usage: Usage): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} })
  const file = positionals[0]
  if (!file) usage('render <fichier.md>')
  const absolute = path.resolve(file)
  const root = await siteRootOf(absolute)
  const site = await readSite(root)
  const relative = path.relative(root, absolute).split(path.sep).join('/')
  const doc = site.documents.find((candidate) => candidate.relativePath === relative)
  if (!doc) throw new Error(translate('fr', 'preview.cli.notAPage', { file }))
  const renderer = new BoundedRenderer()
  const outcome = await renderer.render(site, doc, false).finally(() => renderer.close())
  if (outcome.ok) {
    out(outcome.html)
    return 0
  }
  // A hostile page gets a French message and exit code 1, never a hang or a stack.
  const message = failureMessage('fr', outcome, relative)
  out(`${translate('fr', 'preview.cli.problem', { path: relative, message })}\n`)
  return 1
}

/** The nearest folder above the file holding a `_config.yml`; else the file's own folder. */
async function siteRootOf(file: string): Promise<string> {
  let folder = path.dirname(file)
  for (;;) {
    if (
      await access(path.join(folder, '_config.yml')).then(
        () => true,
        () => false,
      )
    )
      return folder
    const parent = path.dirname(folder)
    if (parent === folder) return path.dirname(file)
    folder = parent
  }
}
