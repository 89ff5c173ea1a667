import { open } from 'node:fs/promises'
import { splitFrontMatter } from '../../src-shared/front-matter/split-front-matter.js'
import { describeProblem } from '../i18n/describe-problem.js'
import { parseFrontMatterYaml, type FrontMatterRead } from '../site/front-matter.js'

export type { FrontMatterRead }

/** Front matter larger than this is not a page setting block but a mistake. */
export const FRONT_MATTER_LIMIT = 256 * 1024
const CHUNK = 4096

/**
 * Reads only the head of a file, until the closing front-matter line, so the
 * page index never pays for page bodies. Jekyll's YAML rules, as the preview's.
 */
export async function readFrontMatter(file: string): Promise<FrontMatterRead> {
  const handle = await open(file, 'r')
  try {
    // Streaming + fatal: a character cut between chunks is fine, a byte that is not UTF-8 is not.
    const decoder = new TextDecoder('utf-8', { fatal: true })
    const buffer = Buffer.alloc(CHUNK)
    let text = ''
    let position = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position)
      position += bytesRead
      const atEnd = bytesRead < CHUNK
      try {
        text += decoder.decode(buffer.subarray(0, bytesRead), { stream: !atEnd })
      } catch {
        return { kind: 'problem', problem: describeProblem('not-utf8', null) }
      }
      const split = splitFrontMatter(text)
      if (split.kind === 'none' && (text.length >= 5 || atEnd)) return { kind: 'none' }
      if (split.kind === 'yaml') return parseFrontMatterYaml(split.yaml, split.firstYamlLine)
      if (atEnd) {
        return {
          kind: 'problem',
          problem: describeProblem('unclosed', 1),
        }
      }
      if (position >= FRONT_MATTER_LIMIT) {
        return {
          kind: 'problem',
          problem: describeProblem('too-large', 1),
        }
      }
    }
  } finally {
    await handle.close()
  }
}
