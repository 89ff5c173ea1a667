import { close, fstat, open, read } from 'node:fs'
import { splitFrontMatter } from '../../src-shared/front-matter/split-front-matter.js'
import { describeProblem } from '../i18n/describe-problem.js'
import { parseFrontMatterYaml, type FrontMatterRead } from '../site/front-matter.js'
import { indexKeysOf, scanIndexKeys, type IndexKeys } from './index-keys.js'

/** What the index knows of a page's front matter: nothing, its title and order, or a problem. */
export type IndexHead =
  Exclude<FrontMatterRead, { kind: 'data' }> | { kind: 'data'; data: IndexKeys }

/** One file as the index read it: its stat (from the descriptor read) and its front matter. */
export interface HeadRead {
  mtimeMs: number
  size: number
  read: IndexHead
}

/** Front matter larger than this is not a page setting block but a mistake. */
export const FRONT_MATTER_LIMIT = 256 * 1024
const CHUNK = 4096

/**
 * Reads only the head of a file, until the closing front-matter line, so the
 * page index never pays for page bodies. Jekyll's YAML rules, as the preview's.
 *
 * Callback `fs` rather than `fs/promises`: a cold index opens thousands of small files, and
 * a `FileHandle` with a promise per call cost about as much as the reading itself (profile
 * of issue 18). Rejects only when the file cannot be opened, stat'ed or read.
 */
export function readFrontMatter(file: string): Promise<HeadRead> {
  return new Promise((resolve, reject) => {
    open(file, 'r', (openError, fd) => {
      if (openError) return reject(openError)
      const finish = (error: Error | null, head?: HeadRead): void =>
        close(fd, () => (error ? reject(error) : resolve(head!)))
      fstat(fd, (statError, info) => {
        if (statError) return finish(statError)
        const reader = new HeadReader()
        const readFrom = (position: number): void =>
          read(fd, reader.buffer, 0, CHUNK, position, (readError, bytesRead) => {
            if (readError) return finish(readError)
            const head = reader.take(bytesRead)
            if (head === null) return readFrom(position + bytesRead)
            finish(null, { mtimeMs: info.mtimeMs, size: info.size, read: head })
          })
        readFrom(0)
      })
    })
  })
}

/** The text of a file's head, chunk after chunk, until its front matter is known. */
class HeadReader {
  readonly buffer = Buffer.allocUnsafe(CHUNK)
  // Streaming + fatal: a character cut between chunks is fine, a byte that is not UTF-8 is not.
  private readonly decoder = new TextDecoder('utf-8', { fatal: true })
  private text = ''
  private position = 0

  /** Takes the next chunk read into `buffer`: the front matter, or null to read on. */
  take(bytesRead: number): IndexHead | null {
    this.position += bytesRead
    const atEnd = bytesRead < CHUNK
    try {
      this.text += this.decoder.decode(this.buffer.subarray(0, bytesRead), { stream: !atEnd })
    } catch {
      return { kind: 'problem', problem: describeProblem('not-utf8', null) }
    }
    const split = splitFrontMatter(this.text)
    if (split.kind === 'none' && (this.text.length >= 5 || atEnd)) return { kind: 'none' }
    if (split.kind === 'yaml') return readIndexKeys(split.yaml, split.firstYamlLine)
    if (atEnd) return { kind: 'problem', problem: describeProblem('unclosed', 1) }
    if (this.position >= FRONT_MATTER_LIMIT) {
      return { kind: 'problem', problem: describeProblem('too-large', 1) }
    }
    return null
  }
}

/** The quick scan when the front matter is simple, else the full parser (and its problem). */
function readIndexKeys(yaml: string, firstYamlLine: number): IndexHead {
  const keys = scanIndexKeys(yaml)
  if (keys !== null) return { kind: 'data', data: keys }
  const full = parseFrontMatterYaml(yaml, firstYamlLine)
  return full.kind === 'data' ? { kind: 'data', data: indexKeysOf(full.data) } : full
}
