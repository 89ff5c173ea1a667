import { open } from 'node:fs/promises'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { BUNDLE_LIMITS } from './bundle-limits.js'

/** The text header of a git bundle: what it needs, what it brings, where its pack starts. */
export interface BundleHeader {
  version: 2 | 3
  /** Commits the receiver must already have (the contribution's base). */
  prerequisites: string[]
  refs: { name: string; oid: string }[]
  /** Byte offset of the pack, just after the header's blank line. */
  packOffset: number
}

const SIGNATURES: Record<string, 2 | 3> = { '# v2 git bundle': 2, '# v3 git bundle': 3 }
const OID = /^[0-9a-f]{40}$/

/**
 * Reads and checks a bundle's header (git's `Documentation/gitformat-bundle.txt`).
 * Only SHA-1 repositories exist here, so a v3 bundle is accepted with no
 * capability but `@object-format=sha1`; a `@filter` (partial bundle) or a
 * SHA-256 one is refused rather than half-understood.
 */
export async function readBundleHeader(file: string): Promise<BundleHeader> {
  const handle = await open(file, 'r').catch(() => {
    throw new AtelierError('not-found', file)
  })
  let head: Buffer
  try {
    const buffer = Buffer.alloc(BUNDLE_LIMITS.headerBytes)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0).catch(() => {
      throw new AtelierError('not-found', file) // a folder, or a file we may not read
    })
    head = buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
  return parseBundleHeader(head)
}

/** The header's grammar, on the file's first bytes (at most `headerBytes`). */
export function parseBundleHeader(head: Buffer): BundleHeader {
  const refuse = (why: string): never => {
    throw new AtelierError('bundle-format', why)
  }
  const end = head.indexOf('\n\n')
  if (end < 0) {
    refuse(head.length >= BUNDLE_LIMITS.headerBytes ? 'header too long' : 'no end of header')
  }
  // Branch names are UTF-8 (« recu/amélie »); bytes that are not are refused, not guessed.
  // A newline byte never occurs inside a multi-byte UTF-8 character, so splitting is safe.
  const text = head.toString('utf8', 0, end)
  if (!Buffer.from(text, 'utf8').equals(head.subarray(0, end))) refuse('not UTF-8')
  const lines = text.split('\n')
  const version = SIGNATURES[lines[0] ?? '']
  if (version === undefined) return refuse('not a v2 or v3 bundle')
  let index = 1
  if (version === 3) {
    for (; index < lines.length && lines[index]!.startsWith('@'); index++) {
      if (lines[index] !== '@object-format=sha1') refuse(`capability ${lines[index]}`)
    }
  }
  const prerequisites: string[] = []
  const refs: { name: string; oid: string }[] = []
  for (const line of lines.slice(index)) {
    if (line.startsWith('-')) {
      // `-<oid> <subject>`: the subject is only a comment.
      const oid = line.slice(1, 41)
      if (!OID.test(oid) || (line.length > 41 && line[41] !== ' ')) refuse('bad prerequisite')
      if (refs.length > 0) refuse('prerequisite after refs')
      prerequisites.push(oid)
      continue
    }
    const oid = line.slice(0, 40)
    const name = line.slice(41)
    if (!OID.test(oid) || line[40] !== ' ' || name.length === 0) refuse('bad ref line')
    if (refs.some((ref) => ref.name === name)) refuse(`ref ${name} twice`)
    refs.push({ name, oid })
  }
  if (refs.length === 0) refuse('no refs')
  if (refs.length > BUNDLE_LIMITS.refs || prerequisites.length > BUNDLE_LIMITS.refs) {
    throw new AtelierError('bundle-too-large', 'too many refs')
  }
  return { version, prerequisites, refs, packOffset: end + 2 }
}
