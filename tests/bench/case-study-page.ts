import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { bundledStarterPlaybook } from '../../src-main/paths.js'

const MODEL = '_cas_pratiques/cameroun-carte-points-d-eau.md'

/**
 * A case study of about `bytes` bytes, the same every run: the starter's
 * case study (front matter, hard-wrapped paragraphs, lists, emphasis) with
 * its body repeated, each copy's headings numbered so no two are alike.
 */
export async function caseStudyPage(bytes: number): Promise<string> {
  const model = await readFile(path.join(bundledStarterPlaybook, MODEL), 'utf8')
  const end = model.indexOf('\n---\n', 4) + '\n---\n'.length
  const frontMatter = model.slice(0, end)
  const body = model.slice(end)
  let page = frontMatter
  for (let copy = 1; Buffer.byteLength(page) < bytes; copy++)
    page += body.replace(/^(#+ .*)$/gm, `$1 (${copy})`)
  return page
}
