import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { Node } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { editorSchema } from '../../src-shared/editor-schema/extensions.js'
import type { EditorDoc } from '../../src-shared/markdown/editor-document.js'
import { mutations, roundtrip, type MutationKind } from '../../src-main/commands/roundtrip.js'
import { decodePage } from '../../src-shared/markdown/page-bytes.js'
import {
  frontMatterText,
  openPage,
  savePage,
  type PageModel,
} from '../../src-shared/markdown/page-document.js'
import { blockLines } from '../helpers/block-lines.js'
import { changedRegion } from '../helpers/changed-lines.js'

const shared = path.resolve(import.meta.dirname, '../../../shared')

/** Every file of the corpus and the seeds, whatever its extension (webgen `.page`, seed `.txt`). */
function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    if (statSync(file).isDirectory()) return allFiles(file)
    return /LICENSE|COPYING/.test(name) ? [] : [file]
  })
}
const files = [...allFiles(path.join(shared, 'corpus')), ...allFiles(path.join(shared, 'seeds'))]

/**
 * Line span of the first top-level paragraph with text in the original text, or
 * null (an empty body loads as one empty paragraph, which the edit leaves alone).
 */
function firstParagraphLines(page: PageModel): [number, number] | null {
  const index = page.doc.content.findIndex(
    (node) => node.type === 'paragraph' && (node.content ?? []).length > 0,
  )
  return index < 0 ? null : blockLines(page, index)
}

describe('lossless conversion on the shared corpus and seeds', () => {
  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(300)
  })

  it('round-trips every file byte for byte (no-op)', async () => {
    const report = await roundtrip(files)
    expect(report.different).toEqual([])
    expect(report.identical.length + report.unsupported.length).toBe(files.length)
    // Only images and other binaries may be unsupported.
    for (const entry of report.unsupported)
      expect(entry.path).toMatch(/\.(png|jpe?g|gif|ico|svg|woff2?)$/)
  })

  it('survives the editor’s schema: loaded into ProseMirror and back, every file is byte-identical', () => {
    const schema = editorSchema()
    const different: string[] = []
    for (const file of files) {
      const decoded = decodePage(readFileSync(file))
      if (!decoded.ok) continue
      const page = openPage(decoded.text)
      const node = Node.fromJSON(schema, page.doc)
      node.check()
      if (savePage({ ...page, doc: node.toJSON() as EditorDoc }) !== decoded.text)
        different.push(file)
    }
    expect(different).toEqual([])
  })

  for (const kind of Object.keys(mutations) as MutationKind[]) {
    it(`mutation « ${kind} » changes only the lines it should, in every file`, () => {
      const problems: string[] = []
      for (const file of files) {
        const decoded = decodePage(readFileSync(file))
        if (!decoded.ok) continue
        const page = openPage(decoded.text)
        const saved = savePage(mutations[kind](page))
        const region = changedRegion(decoded.text, saved)
        const frontMatterLines = frontMatterText(page.frontMatter).split('\n').length - 1
        let ok: boolean
        if (kind === 'title') {
          ok =
            page.frontMatter.kind === 'read-only'
              ? region.identical
              : page.frontMatter.kind === 'none'
                ? region.start === 0 && region.oldEnd === 0
                : region.oldEnd <= frontMatterLines &&
                  region.oldEnd - region.start <= 1 &&
                  region.newEnd - region.start <= 2
        } else if (kind === 'append') {
          const lines = decoded.text.split('\n').length
          ok =
            region.start >= lines - 2 &&
            region.oldEnd - region.start <= 1 &&
            saved.includes('Paragraphe ajouté.')
        } else {
          const span = firstParagraphLines(page)
          ok =
            span === null ? region.identical : region.start >= span[0] && region.oldEnd <= span[1]
          if (span && ok) ok = saved.split('\n')[region.start]!.includes('Note : ')
        }
        if (!ok) problems.push(`${path.relative(shared, file)} ${JSON.stringify(region)}`)
      }
      expect(problems).toEqual([])
    })
  }
})
