import { offsetDistance } from '../../src-main/git/pack-write.js'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import { expect } from 'vitest'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { translate } from '../../src-shared/i18n/translate.js'
import type { RepositoryContext } from '../../src-main/git/repository-context.js'
import { Repository } from '../../src-main/git/repository.js'
import { git, nativeRepository, writeFiles } from './native-git.js'
import { tempDir } from './temp-dir.js'

/** Pages long and alike, so native git stores most of them as deltas. */
export function guidePages(count: number, seed = 0): Record<string, string> {
  const pages: Record<string, string> = {}
  for (let i = 0; i < count; i++) {
    const lines = Array.from(
      { length: 60 },
      (_, line) =>
        `Paragraphe ${line} de la fiche ${(i + seed) % 7} : gestes, matériel et précautions.`,
    )
    pages[`fiches/page-${i}.md`] = `---\ntitle: Fiche ${i}\n---\n${lines.join('\n')}\n`
  }
  return pages
}

/** A sender with `pages` on main and a receiver cloned from it: they share main. */
export async function senderAndReceiver(
  pages: Record<string, string>,
): Promise<{ sender: string; receiver: string }> {
  const sender = await nativeRepository(pages)
  const receiver = path.join(await tempDir('atelier-receiver-'), 'repo')
  git(path.dirname(receiver), 'clone', '-q', sender, receiver)
  return { sender, receiver }
}

/** Native `git bundle create <file> <args…>` in `dir`; returns the file. */
export async function nativeBundle(dir: string, ...args: string[]): Promise<string> {
  const folder = await tempDir('atelier-bundle-')
  const file = path.join(folder, 'contribution.bundle')
  git(
    dir,
    'bundle',
    'create',
    '-q',
    ...args.filter((a) => a.startsWith('--version')),
    file,
    ...args.filter((a) => !a.startsWith('--version')),
  )
  return file
}

/** A commit on `branch` in `dir` with `files` changed (native git). */
export async function commitOn(
  dir: string,
  branch: string,
  files: Record<string, string>,
  message = 'Modification',
): Promise<string> {
  const exists = git(dir, 'branch', '--list', branch).trim() !== ''
  git(dir, 'checkout', '-q', ...(exists ? [branch] : ['-b', branch]))
  await writeFiles(dir, files)
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '--allow-empty', '-m', message)
  return git(dir, 'rev-parse', 'HEAD').trim()
}

export async function contextOf(dir: string): Promise<RepositoryContext> {
  const repository = await Repository.find(dir)
  if (!repository) throw new Error('no repository')
  return repository.context
}

/**
 * Everything a refused import must leave as it was: every file under
 * `.git/refs` with its bytes, `packed-refs`, the loose object files and the
 * object list native git reads.
 */
export function repositorySnapshot(dir: string): string {
  const gitdir = path.join(dir, '.git')
  const files: string[] = []
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const full = path.join(folder, name)
      if (statSync(full).isDirectory()) walk(full)
      else
        files.push(
          `${path.relative(gitdir, full)} ${full.includes('/refs/') ? readFileSync(full, 'latin1') : statSync(full).size}`,
        )
    }
  }
  walk(path.join(gitdir, 'refs'))
  walk(path.join(gitdir, 'objects'))
  let packed = ''
  try {
    packed = readFileSync(path.join(gitdir, 'packed-refs'), 'latin1')
  } catch {
    // no packed refs
  }
  const objects = execFileSync('git', ['cat-file', '--batch-all-objects', '--batch-check'], {
    cwd: dir,
    encoding: 'utf8',
  })
  return `${files.join('\n')}\n--packed--\n${packed}\n--objects--\n${objects}`
}

/** The error's code, after checking it is an AtelierError with a French message of its own. */
export async function refusalCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (!(error instanceof AtelierError)) throw error
    const french = translate('fr', `errors.${error.code}`)
    expect(french).not.toBe(`errors.${error.code}`)
    expect(french).not.toBe(translate('en', `errors.${error.code}`))
    return error.code
  }
  return 'no error'
}

/** One hand-made pack entry: a whole object (type 1-4) or a delta (6 with `baseDistance`, 7 with `baseOid`). */
export interface RawEntry {
  type: number
  data: Buffer
  /** The size written in the entry header, if not the data's. */
  declaredSize?: number
  baseOid?: string
  baseDistance?: number
}

function sizeHeader(type: number, size: number): Buffer {
  const bytes = [(type << 4) | (size & 15)]
  let rest = Math.floor(size / 16)
  while (rest > 0) {
    bytes[bytes.length - 1]! |= 0x80
    bytes.push(rest & 0x7f)
    rest = Math.floor(rest / 128)
  }
  return Buffer.from(bytes)
}

/** A pack written by hand, for the files native git would never write. */
export function buildPack(entries: RawEntry[], declaredCount = entries.length): Buffer {
  const head = Buffer.alloc(12)
  head.write('PACK', 0, 'latin1')
  head.writeUInt32BE(2, 4)
  head.writeUInt32BE(declaredCount, 8)
  const parts: Buffer[] = [head]
  for (const entry of entries) {
    const bytes: Buffer[] = [sizeHeader(entry.type, entry.declaredSize ?? entry.data.length)]
    if (entry.baseOid) bytes.push(Buffer.from(entry.baseOid, 'hex'))
    if (entry.baseDistance !== undefined) bytes.push(offsetDistance(entry.baseDistance))
    bytes.push(deflateSync(entry.data))
    const whole = Buffer.concat(bytes)
    parts.push(whole)
  }
  return withChecksum(Buffer.concat(parts))
}

export function withChecksum(body: Buffer): Buffer {
  return Buffer.concat([body, createHash('sha1').update(body).digest()])
}

/** A delta's header: base size then result size, as git's varints. */
export function deltaSizes(base: number, result: number): Buffer {
  const varint = (value: number): number[] => {
    const bytes: number[] = []
    do {
      let byte = value & 0x7f
      value = Math.floor(value / 128)
      if (value > 0) byte |= 0x80
      bytes.push(byte)
    } while (value > 0)
    return bytes
  }
  return Buffer.from([...varint(base), ...varint(result)])
}

/** A bundle file of `header` lines then `pack`. */
export async function handBundle(lines: string[], pack: Buffer): Promise<string> {
  const folder = await tempDir('atelier-bundle-')
  await mkdir(folder, { recursive: true })
  const file = path.join(folder, 'main.bundle')
  const { writeFile } = await import('node:fs/promises')
  await writeFile(file, Buffer.concat([Buffer.from(`${lines.join('\n')}\n\n`), pack]))
  return file
}

export function gitObjectId(type: string, content: Buffer): string {
  return createHash('sha1').update(`${type} ${content.length}\0`).update(content).digest('hex')
}
