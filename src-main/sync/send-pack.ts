import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { packObjects } from '../git/bundle-write.js'
import type { RepositoryContext } from '../git/repository-context.js'
import type { Credentials, CredentialsProvider } from './credentials.js'
import type { Transport } from './transport.js'

/**
 * Git's smart HTTP push, all refs at once: one request for the host's refs
 * (`info/refs?service=git-receive-pack`) and one that sends every ref update
 * with a single thin pack, as native git does. isomorphic-git pushes one ref
 * per call, each with its own requests and a pack without deltas: on a far,
 * costly link « Publier » took five round trips and more bytes for one line.
 */

const ZERO = '0'.repeat(40)

/** The host's refs (full name → version) and what its receive-pack can do. */
export interface Advertisement {
  refs: Map<string, string>
  capabilities: Set<string>
  /** The credentials that were accepted (or none was asked), to send the pack with. */
  credentials: Credentials | null
}

export interface RefUpdate {
  ref: string
  /** What the host has now (null: a new ref). */
  old: string | null
  new: string
}

/**
 * Reads the host's refs. Publishing always needs the user's token, so the
 * credentials known for the host go with the first request (two round trips in
 * all, where waiting for the host's 401 makes three); none known, the 401 is
 * `network-auth` and the app asks for them.
 */
export async function advertisedRefs(
  http: Transport,
  url: string,
  credentials: CredentialsProvider,
): Promise<Advertisement> {
  const given = credentials.forUrl(url)
  const response = await http.request({
    url: `${url}/info/refs?service=git-receive-pack`,
    method: 'GET',
    headers: headers(given),
  })
  const body = await readAll(response.body)
  checkStatus(response.statusCode)
  const lines = pktLines(body)
  // Smart HTTP opens with the service line and a flush; a dumb server answers a file list.
  if (lines[0] !== '# service=git-receive-pack\n') {
    throw new AtelierError('network-server', 'not a smart git host')
  }
  const refs = new Map<string, string>()
  let capabilities = new Set<string>()
  for (const line of lines.slice(1)) {
    if (line === null) continue
    const [head, caps] = line.replace(/\n$/, '').split('\0')
    if (caps !== undefined) capabilities = new Set(caps.split(' ').filter(Boolean))
    const [oid, name] = (head ?? '').split(' ')
    if (!oid || !name || !/^[0-9a-f]{40}$/.test(oid)) continue
    if (name !== 'capabilities^{}') refs.set(name, oid)
  }
  return { refs, capabilities, credentials: given }
}

/**
 * Sends `updates` and one pack of what the host lacks; `has` are the host's
 * versions this copy also holds (the pack is thin against them). Fails with
 * `push-rejected` (or `push-diverged`) naming the ref the host refused.
 */
export async function sendPack(
  context: RepositoryContext,
  http: Transport,
  url: string,
  advertisement: Advertisement,
  updates: RefUpdate[],
  has: string[],
): Promise<void> {
  if (updates.length === 0) return
  if (!advertisement.capabilities.has('report-status')) {
    throw new AtelierError('network-server', 'report-status')
  }
  const wanted = ['report-status', 'ofs-delta', 'agent=atelier'].filter(
    (cap) => cap.startsWith('agent=') || advertisement.capabilities.has(cap),
  )
  const commands = updates.map((update, index) => {
    const line = `${update.old ?? ZERO} ${update.new} ${update.ref}`
    return pkt(index === 0 ? `${line}\0${wanted.join(' ')}\n` : `${line}\n`)
  })
  const pack = await packObjects(
    context,
    updates.map((update) => update.new),
    has,
  )
  const response = await http.request({
    url: `${url}/git-receive-pack`,
    method: 'POST',
    headers: {
      ...headers(advertisement.credentials),
      'Content-Type': 'application/x-git-receive-pack-request',
      Accept: 'application/x-git-receive-pack-result',
    },
    body: chunksOf([...commands, Buffer.from('0000'), ...pack.chunks]),
  })
  const body = await readAll(response.body)
  checkStatus(response.statusCode)
  const report = pktLines(body).filter((line): line is string => line !== null)
  const unpack = report.find((line) => line.startsWith('unpack '))
  if (unpack?.trim() !== 'unpack ok') {
    throw new AtelierError('push-rejected', unpack?.trim().slice('unpack '.length) ?? 'no report')
  }
  for (const update of updates) {
    const answer = report.find((line) => line.split(' ')[1]?.trim() === update.ref)
    if (answer?.startsWith('ok ')) continue
    const reason = answer?.replace(/\n$/, '').split(' ').slice(2).join(' ') || update.ref
    throw new AtelierError(
      /non-fast-forward|fetch first/.test(reason) ? 'push-diverged' : 'push-rejected',
      `${update.ref}: ${reason}`,
    )
  }
}

function headers(credentials: Credentials | null): Record<string, string> {
  const base = { 'User-Agent': 'git/atelier' }
  if (!credentials) return base
  const token = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')
  return { ...base, Authorization: `Basic ${token}` }
}

function checkStatus(status: number): void {
  if (status === 200) return
  if (status === 401) throw new AtelierError('network-auth', String(status))
  if (status === 403) throw new AtelierError('network-forbidden', String(status))
  if (status === 404) throw new AtelierError('network-not-found', String(status))
  throw new AtelierError('network-server', String(status))
}

function pkt(text: string): Buffer {
  const data = Buffer.from(text, 'utf8')
  return Buffer.concat([Buffer.from((data.length + 4).toString(16).padStart(4, '0')), data])
}

/** The pkt-lines of a response: their text, null for a flush. */
function pktLines(bytes: Buffer): (string | null)[] {
  const lines: (string | null)[] = []
  let at = 0
  while (at + 4 <= bytes.length) {
    const length = parseInt(bytes.subarray(at, at + 4).toString('latin1'), 16)
    if (Number.isNaN(length) || (length > 0 && length < 4) || at + length > bytes.length) {
      throw new AtelierError('network-server', 'pkt-line')
    }
    if (length === 0) {
      lines.push(null)
      at += 4
    } else {
      lines.push(bytes.subarray(at + 4, at + length).toString('utf8'))
      at += length
    }
  }
  return lines
}

async function* chunksOf(chunks: Buffer[]): AsyncIterableIterator<Uint8Array> {
  yield* chunks
}

async function readAll(body: AsyncIterable<Uint8Array> | undefined): Promise<Buffer> {
  const chunks: Buffer[] = []
  if (body) for await (const chunk of body) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks)
}
