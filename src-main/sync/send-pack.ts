import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { packObjects } from '../git/bundle-write.js'
import type { RepositoryContext } from '../git/repository-context.js'
import type { CredentialsProvider } from './credentials.js'
import { ADVERTISEMENT_BYTES, discoverRefs, type Advertisement } from './discover-refs.js'
import { checkStatus, chunksOf, FLUSH, pkt, pktLines, readAll, requestHeaders } from './pkt-line.js'
import type { Transport } from './transport.js'

/**
 * Git's smart HTTP push, all refs at once: one request for the host's refs
 * (`info/refs?service=git-receive-pack`) and one that sends every ref update
 * with a single thin pack, as native git does. isomorphic-git pushes one ref
 * per call, each with its own requests and a pack without deltas: on a far,
 * costly link « Publier » took five round trips and more bytes for one line.
 */

const ZERO = '0'.repeat(40)

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
export function advertisedRefs(
  http: Transport,
  url: string,
  credentials: CredentialsProvider,
): Promise<Advertisement> {
  return discoverRefs(http, url, 'git-receive-pack', credentials)
}

/**
 * Sends `updates` and one pack of what the host lacks; `has` are the host's
 * versions this copy also holds (the pack is thin against them). Fails with
 * `push-rejected` (or `push-diverged`) naming the ref the host refused.
 */
export async function sendPack(
  context: RepositoryContext,
  http: Transport,
  advertisement: Advertisement,
  updates: RefUpdate[],
  has: string[],
): Promise<void> {
  if (updates.length === 0) return
  if (!advertisement.capabilities.has('report-status')) {
    throw new AtelierError('network-server', 'report-status')
  }
  // The pack holds offset deltas: a host must take them (every git since 2006 does).
  if (!advertisement.capabilities.has('ofs-delta')) {
    throw new AtelierError('network-server', 'ofs-delta')
  }
  const advertisesAgent = [...advertisement.capabilities].some((cap) => cap.startsWith('agent='))
  const wanted = ['report-status', 'ofs-delta', ...(advertisesAgent ? ['agent=atelier'] : [])]
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
    url: `${advertisement.url}/git-receive-pack`,
    method: 'POST',
    headers: {
      ...requestHeaders(advertisement.given),
      'Content-Type': 'application/x-git-receive-pack-request',
      Accept: 'application/x-git-receive-pack-result',
    },
    body: chunksOf([...commands, FLUSH, ...pack.chunks]),
  })
  // The host's report: a line per ref.
  const body = await readAll(response.body, ADVERTISEMENT_BYTES)
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
      // Behind the host, or someone published between our two requests: receive first.
      /non-fast-forward|fetch first|stale info|cannot lock ref|failed to update ref/.test(reason)
        ? 'push-diverged'
        : 'push-rejected',
      `${update.ref}: ${reason}`,
    )
  }
}
