import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { SiteProblem } from '../../src-shared/api/types.js'
import { parseContentTypes } from '../../src-shared/content-types/content-types.js'
import { CONTENT_TYPES_FILE } from '../../src-shared/content-types/file-name.js'
import { findReferences } from '../links/page-references.js'
import { readLinkIndex, resolveReference, type LinkIndex } from '../links/resolve-reference.js'
import { checkAddresses } from './check-addresses.js'
import { checkLayouts } from './check-layouts.js'
import { createCheckContext, type CheckContext } from './check-context.js'
import { checkPageText } from './check-page.js'
import { compareProblems } from './site-problem.js'

/** A page's problems, and the site paths its references name (to know whom a change touches). */
export interface PageCheck {
  problems: SiteProblem[]
  targets: string[]
}

/** Every page's check, by page (the check service keeps them to redo only what changed). */
export type ProblemsByPage = Map<string, PageCheck>

/** Reads a site folder and its `_atelier.yml` into what checks share. */
export async function readCheckContext(root: string): Promise<CheckContext> {
  const index = await readLinkIndex(root)
  const typesText = await readFile(path.join(root, CONTENT_TYPES_FILE), 'utf8').catch(() => null)
  const types = typesText === null ? null : parseContentTypes(typesText)
  return createCheckContext(index, types?.ok ? types.value : null)
}

/** How many pages are read and checked before other work gets a turn. */
const READ_BATCH = 100

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

/** One page's problems, and what its references name. */
function checkOne(context: CheckContext, page: string, text: string): PageCheck {
  const references = findReferences(text)
  const targets = new Set<string>()
  for (const reference of references) {
    const target = resolveReference(context.index, page, reference)
    if (target !== null && target !== page) targets.add(target)
  }
  return {
    problems: checkPageText(context, page, text, references, true),
    targets: [...targets],
  }
}

/** Checks the pages named (default: every page Jekyll renders) from their files. */
export async function checkPages(
  context: CheckContext,
  paths: Iterable<string> = pagesOf(context.index),
): Promise<ProblemsByPage> {
  const byPage: ProblemsByPage = new Map()
  const wanted = [...paths].filter((page) => context.index.documents.has(page))
  // Read synchronously a batch at a time (each async read waits on the thread pool in turn, and
  // a busy machine makes that the whole cost), letting other work in between batches.
  for (let from = 0; from < wanted.length; from += READ_BATCH) {
    if (from > 0) await new Promise((resolve) => setImmediate(resolve))
    for (const page of wanted.slice(from, from + READ_BATCH)) {
      const text = readText(path.join(context.index.site.root, page))
      if (text !== null) byPage.set(page, checkOne(context, page, text))
    }
  }
  return byPage
}

/** The whole site: every page's own problems, then the addresses two pages share. */
export async function checkSite(context: CheckContext): Promise<SiteProblem[]> {
  const byPage = await checkPages(context)
  return [
    ...[...byPage.values()].flatMap((check) => check.problems),
    ...checkAddresses(context.index),
    ...checkLayouts(context),
  ].sort(compareProblems)
}

/** The pages a check reads: what Jekyll renders from the site's own folder. */
export function pagesOf(index: LinkIndex): string[] {
  return index.site.documents.map((doc) => doc.relativePath)
}
