import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { problemCodes } from '../../src-shared/api/types.js'
import { writeFileAtomic } from '../fs/atomic-write.js'
import type { HeadRead } from './front-matter-reader.js'

/** What the index remembers of one file: its stat and what its front matter said. */
export type CachedHead = HeadRead

// 2: front matter read with Jekyll's YAML 1.1 (a cache of 1.2 reads would disagree with the preview).
// 3: only the title and order the explorer shows (a date title came back from JSON as a string).
const CACHE_VERSION = 3

const readSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('data'),
    data: z.object({ title: z.string().optional(), order: z.number().optional() }),
  }),
  z.object({
    kind: z.literal('problem'),
    problem: z.object({
      code: z.enum(problemCodes),
      message: z.string(),
      line: z.number().nullable(),
    }),
  }),
])

const fileSchema = z.object({
  version: z.literal(CACHE_VERSION),
  root: z.string(),
  entries: z.array(
    z.tuple([z.string(), z.object({ mtimeMs: z.number(), size: z.number(), read: readSchema })]),
  ),
})

/**
 * The front-matter cache on disk, so the next launch reads only the pages
 * that changed meanwhile. A missing, stale or damaged file just means a
 * cold scan: the cache is never trusted for more than mtime and size allow.
 */
export async function loadHeadCache(file: string, root: string): Promise<Map<string, CachedHead>> {
  try {
    const parsed = fileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
    if (!parsed.success || parsed.data.root !== root) return new Map()
    return new Map(parsed.data.entries as [string, CachedHead][])
  } catch {
    return new Map()
  }
}

export async function saveHeadCache(
  file: string,
  root: string,
  cache: Map<string, CachedHead>,
): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const content = JSON.stringify({ version: CACHE_VERSION, root, entries: [...cache] })
  await writeFileAtomic(file, content)
}
