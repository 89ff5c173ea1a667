import { readFile } from 'node:fs/promises'
import path from 'node:path'
import git from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { checkPack, type ReceivedPack } from '../git/bundle-import.js'
import type { GitObject } from '../git/object-store.js'
import { BUNDLE_LIMITS } from '../git/bundle-limits.js'
import type { RepositoryContext } from '../git/repository-context.js'
import type { CredentialsProvider } from './credentials.js'
import { discoverRefs, type Advertisement } from './discover-refs.js'
import {
  checkStatus,
  chunksOf,
  FLUSH,
  pkt,
  pktPackets,
  readAll,
  requestHeaders,
} from './pkt-line.js'
import type { Transport } from './transport.js'

/**
 * « Recevoir les nouveautés » as native git fetches: one request for the
 * host's refs, one for a thin pack of what this copy lacks (its own
 * remote-tracking and branch tips named as known), and that pack checked and
 * stored by the contribution files' importer (`git/bundle-import.ts`:
 * every object's hash, a complete history, nothing written before all is
 * checked). isomorphic-git asks for whole objects (no thin pack), so a
 * one-page change brought three times the bytes on a costly connection.
 *
 * The host's branches land in `refs/remotes/<remote>/*`, forced as git's default
 * refspec is; the user's own lines are never touched. Answers each branch's version.
 */
export async function fetchPack(
  context: RepositoryContext,
  http: Transport,
  url: string,
  remote: string,
  credentials: CredentialsProvider,
): Promise<Record<string, string> | null> {
  const advertisement = await advertisedRefs(http, url, credentials)
  // A host without these (git before 1.6): isomorphic-git's fetch does it the long way.
  if (!speaksThinPacks(advertisement)) return null

  const branches = branchesOf(advertisement)
  context.objects.refresh()
  const shallowHere = await shallowCommits(context.gitdir)
  const wanted = [...new Set(Object.values(branches))].filter((oid) => !context.objects.has(oid))
  const refs = Object.entries(branches).map(([name, oid]) => ({ name: `refs/heads/${name}`, oid }))
  const target = trackingRef(remote)
  if (wanted.length === 0) {
    await writeTrackingRefs(context, refs, target)
    return branches
  }
  if (shallowHere.length > 0 && !advertisement.capabilities.has('shallow')) return null
  const { pack } = await requestPack(http, advertisement, {
    wants: wanted,
    haves: await knownTips(context),
    shallow: shallowHere,
  })
  await importReceived(context, { refs, prerequisites: [], pack }, target)
  return branches
}

/** The host's refs and capabilities for a fetch, after its redirects. */
export function advertisedRefs(
  http: Transport,
  url: string,
  credentials: CredentialsProvider,
): Promise<Advertisement> {
  return discoverRefs(http, url, 'git-upload-pack', credentials)
}

/** Whether the host can send one thin pack in the side band, as every git since 1.6 can. */
export function speaksThinPacks(advertisement: Advertisement): boolean {
  return ['side-band-64k', 'thin-pack', 'ofs-delta'].every((cap) =>
    advertisement.capabilities.has(cap),
  )
}

/** The host's branches, by short name. */
export function branchesOf(advertisement: Advertisement): Record<string, string> {
  // No prototype: a host's branch named `__proto__` or `constructor` is a name like another.
  const branches: Record<string, string> = Object.create(null) as Record<string, string>
  for (const [ref, oid] of advertisement.refs) {
    if (ref.startsWith('refs/heads/')) branches[ref.slice('refs/heads/'.length)] = oid
  }
  return branches
}

/** git's default refspec: `refs/heads/x` of the host is `refs/remotes/<remote>/x` here. */
export function trackingRef(remote: string): (name: string) => string {
  return (name) => `refs/remotes/${remote}/${name.slice('refs/heads/'.length)}`
}

export interface PackWish {
  wants: string[]
  /** Commits this copy has, so the host leaves them and what they reach out. */
  haves: string[]
  /** Where this copy's history already stops (`.git/shallow`). */
  shallow: string[]
  /** A light copy: only this many versions from each wanted tip. */
  depth?: number
}

/**
 * One request for one pack, as git's stateless smart HTTP does it: wants, then
 * haves and `done`. Answers the pack and, for a light copy, the commits where
 * the history sent stops.
 */
export async function requestPack(
  http: Transport,
  advertisement: Advertisement,
  wish: PackWish,
): Promise<{ pack: Buffer; shallow: string[] }> {
  const caps = ['side-band-64k', 'thin-pack', 'ofs-delta', 'no-progress', 'agent=atelier'].filter(
    (cap) => cap.startsWith('agent=') || advertisement.capabilities.has(cap),
  )
  const request = [
    ...wish.wants.map((oid, index) =>
      pkt(`want ${oid}${index === 0 ? ` ${caps.join(' ')}` : ''}\n`),
    ),
    // A light copy says where its history stops, so the host does not count on older versions.
    ...wish.shallow.map((oid) => pkt(`shallow ${oid}\n`)),
    ...(wish.depth ? [pkt(`deepen ${wish.depth}\n`)] : []),
    FLUSH,
    ...wish.haves.map((oid) => pkt(`have ${oid}\n`)),
    pkt('done\n'),
  ]
  const response = await http.request({
    url: `${advertisement.url}/git-upload-pack`,
    method: 'POST',
    headers: {
      ...requestHeaders(advertisement.given),
      'Content-Type': 'application/x-git-upload-pack-request',
      Accept: 'application/x-git-upload-pack-result',
    },
    body: chunksOf(request),
  })
  const body = await readAll(response.body, BUNDLE_LIMITS.fileBytes)
  checkStatus(response.statusCode)
  const answer = packOf(body)
  // A history cut short that was not asked for is a damaged answer, as native git reads it.
  if (answer.shallow.length > 0 && !wish.depth) throw new AtelierError('network-server', 'shallow')
  return answer
}

/**
 * Checks and stores a received pack (`git/bundle-import.ts`), its refs forced into
 * `target` as git's default refspec is; answers the objects it brought, inflated. A
 * pack that does not check out was cut short or damaged on the way.
 */
export async function importReceived(
  context: RepositoryContext,
  received: ReceivedPack,
  target: (name: string) => string,
  shallow: ReadonlySet<string> = new Set(),
): Promise<ReadonlyMap<string, GitObject>> {
  try {
    const checked = await checkPack(context, received, target, () => true, shallow)
    await checked.store()
    return checked.objects
  } catch (error) {
    if (error instanceof AtelierError && error.code.startsWith('bundle-')) {
      throw new AtelierError('network-cut', error.detail ?? error.code)
    }
    throw error
  }
}

/**
 * The pack in the host's answer. Before it come, unwrapped, the light copy's
 * `shallow` lines (ended by a flush) and the ACK/NAK line; the pack is in band 1
 * of the side band.
 */
function packOf(body: Buffer): { pack: Buffer; shallow: string[] } {
  const parts: Buffer[] = []
  const shallow: string[] = []
  let ended = false
  for (const packet of pktPackets(body)) {
    if (packet === null) {
      ended = true
      continue
    }
    ended = false
    const band = packet[0]
    if (band === 1) parts.push(packet.subarray(1))
    else if (band === 3) throw new AtelierError('network-server', packet.subarray(1).toString())
    else if (parts.length === 0) {
      const line = /^shallow ([0-9a-f]{40})\n?$/.exec(packet.toString('latin1'))
      if (line) shallow.push(line[1]!)
    }
    // Band 2 is the host's progress; the other lines before the pack are its ACK/NAK.
  }
  // The answer ends with a flush: without it, the connection was cut.
  if (!ended) throw new AtelierError('network-cut', 'no final flush')
  return { pack: Buffer.concat(parts), shallow }
}

/**
 * The versions this copy has that the host most likely knows: its remote-tracking
 * tips (what the last receive brought) and its own lines' tips.
 */
async function knownTips(context: RepositoryContext): Promise<string[]> {
  const tips = new Set<string>()
  const refs = [
    ...(
      await git.listRefs({ fs: context.fs, gitdir: context.gitdir, filepath: 'refs/remotes' })
    ).map((ref) => `refs/remotes/${ref}`),
    ...(await git.listBranches({ fs: context.fs, gitdir: context.gitdir })).map(
      (name) => `refs/heads/${name}`,
    ),
  ]
  for (const ref of refs) {
    try {
      const oid = await git.resolveRef({ fs: context.fs, gitdir: context.gitdir, ref })
      if (context.objects.has(oid) && context.objects.read(oid).type === 'commit') tips.add(oid)
    } catch {
      // A symbolic ref to nothing (`origin/HEAD` of an empty host): not a version.
    }
  }
  return [...tips]
}

async function writeTrackingRefs(
  context: RepositoryContext,
  refs: { name: string; oid: string }[],
  target: (name: string) => string,
): Promise<void> {
  for (const ref of refs) {
    await git.writeRef({
      fs: context.fs,
      gitdir: context.gitdir,
      ref: target(ref.name),
      value: ref.oid,
      force: true,
    })
  }
}

export async function shallowCommits(gitdir: string): Promise<string[]> {
  const text = await readFile(path.join(gitdir, 'shallow'), 'utf8').catch(() => '')
  return text.split('\n').filter((line) => /^[0-9a-f]{40}$/.test(line))
}
