import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { Credentials } from './credentials.js'

/**
 * Git's smart HTTP framing, shared by « Publier » (`send-pack.ts`) and
 * « Recevoir les nouveautés » (`fetch-pack.ts`): pkt-lines (four hex digits
 * of length, then the data; `0000` a flush), the request headers, and the
 * host's status as a French error code.
 */

export function pkt(text: string): Buffer {
  const data = Buffer.from(text, 'utf8')
  return Buffer.concat([Buffer.from((data.length + 4).toString(16).padStart(4, '0')), data])
}

export const FLUSH = Buffer.from('0000')

/** The pkt-lines of a response as bytes, null for a flush; refused when the framing is broken. */
export function pktPackets(bytes: Buffer): (Buffer | null)[] {
  const packets: (Buffer | null)[] = []
  let at = 0
  while (at + 4 <= bytes.length) {
    const length = parseInt(bytes.subarray(at, at + 4).toString('latin1'), 16)
    if (Number.isNaN(length) || (length > 0 && length < 4) || at + length > bytes.length) {
      throw new AtelierError('network-cut', 'pkt-line')
    }
    if (length === 0) {
      packets.push(null)
      at += 4
    } else {
      packets.push(bytes.subarray(at + 4, at + length))
      at += length
    }
  }
  if (at !== bytes.length) throw new AtelierError('network-cut', 'pkt-line')
  return packets
}

/** The same, as text. */
export function pktLines(bytes: Buffer): (string | null)[] {
  return pktPackets(bytes).map((packet) => (packet === null ? null : packet.toString('utf8')))
}

/**
 * A ref advertisement (`info/refs?service=…`): the refs by full name and the
 * capabilities of the first line. A host that does not speak smart HTTP is refused.
 */
export function readAdvertisement(
  body: Buffer,
  service: 'git-upload-pack' | 'git-receive-pack',
): { refs: Map<string, string>; capabilities: Set<string> } {
  const lines = pktLines(body)
  if (lines[0] !== `# service=${service}\n`) {
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
  return { refs, capabilities }
}

export function requestHeaders(credentials: Credentials | null): Record<string, string> {
  const base = { 'User-Agent': 'git/atelier' }
  if (!credentials) return base
  const token = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')
  return { ...base, Authorization: `Basic ${token}` }
}

export function checkStatus(status: number): void {
  if (status === 200) return
  if (status === 401) throw new AtelierError('network-auth', String(status))
  if (status === 403) throw new AtelierError('network-forbidden', String(status))
  if (status === 404) throw new AtelierError('network-not-found', String(status))
  throw new AtelierError('network-server', String(status))
}

export async function* chunksOf(chunks: Buffer[]): AsyncIterableIterator<Uint8Array> {
  yield* chunks
}

/** A response body, whole; past `limit` bytes the transfer is refused. */
export async function readAll(
  body: AsyncIterable<Uint8Array> | undefined,
  limit = Number.POSITIVE_INFINITY,
): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  if (body)
    for await (const chunk of body) {
      size += chunk.length
      if (size > limit) throw new AtelierError('network-server', `more than ${limit} bytes`)
      chunks.push(Buffer.from(chunk))
    }
  return Buffer.concat(chunks)
}
