import { readFile } from 'node:fs/promises'
import path from 'node:path'
import git from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { importPack } from '../git/bundle-import.js'
import { BUNDLE_LIMITS } from '../git/bundle-limits.js'
import type { RepositoryContext } from '../git/repository-context.js'
import type { CredentialsProvider } from './credentials.js'
import {
  checkStatus,
  chunksOf,
  FLUSH,
  pkt,
  pktPackets,
  readAdvertisement,
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
  const given = credentials.forUrl(url)
  const advertised = await http.request({
    url: `${url}/info/refs?service=git-upload-pack`,
    method: 'GET',
    headers: requestHeaders(given),
  })
  const answer = await readAll(advertised.body)
  checkStatus(advertised.statusCode)
  const advertisement = readAdvertisement(answer, 'git-upload-pack')
  // A host without these (git before 1.6): isomorphic-git's fetch does it the long way.
  if (
    !['side-band-64k', 'thin-pack', 'ofs-delta'].every((cap) => advertisement.capabilities.has(cap))
  )
    return null

  const branches: Record<string, string> = {}
  for (const [ref, oid] of advertisement.refs) {
    if (ref.startsWith('refs/heads/')) branches[ref.slice('refs/heads/'.length)] = oid
  }
  context.objects.refresh()
  const shallowHere = await shallowCommits(context.gitdir)
  const wanted = [...new Set(Object.values(branches))].filter((oid) => !context.objects.has(oid))
  const refs = Object.entries(branches).map(([name, oid]) => ({ name: `refs/heads/${name}`, oid }))
  const target = (name: string) => `refs/remotes/${remote}/${name.slice('refs/heads/'.length)}`
  if (wanted.length === 0) {
    await writeTrackingRefs(context, refs, target)
    return branches
  }

  const caps = ['side-band-64k', 'thin-pack', 'ofs-delta', 'no-progress', 'agent=atelier'].filter(
    (cap) => cap.startsWith('agent=') || advertisement.capabilities.has(cap),
  )
  if (shallowHere.length > 0 && !advertisement.capabilities.has('shallow')) return null
  const request = [
    ...wanted.map((oid, index) => pkt(`want ${oid}${index === 0 ? ` ${caps.join(' ')}` : ''}\n`)),
    // A light copy says where its history stops, so the host does not count on older versions.
    ...shallowHere.map((oid) => pkt(`shallow ${oid}\n`)),
    FLUSH,
    ...(await knownTips(context)).map((oid) => pkt(`have ${oid}\n`)),
    pkt('done\n'),
  ]
  const response = await http.request({
    url: `${url}/git-upload-pack`,
    method: 'POST',
    headers: {
      ...requestHeaders(given),
      'Content-Type': 'application/x-git-upload-pack-request',
      Accept: 'application/x-git-upload-pack-result',
    },
    body: chunksOf(request),
  })
  const body = await readAll(response.body, BUNDLE_LIMITS.fileBytes)
  checkStatus(response.statusCode)
  const pack = packOf(body)
  try {
    await importPack(context, { refs, prerequisites: [], pack }, target, () => true)
  } catch (error) {
    // What the host sent does not check out: cut short, or damaged on the way.
    if (error instanceof AtelierError && error.code.startsWith('bundle-')) {
      throw new AtelierError('network-cut', error.detail ?? error.code)
    }
    throw error
  }
  return branches
}

/** The pack in the host's answer: after its ACK/NAK line, in band 1 of the side band. */
function packOf(body: Buffer): Buffer {
  const parts: Buffer[] = []
  let ended = false
  for (const packet of pktPackets(body)) {
    if (packet === null) {
      ended = true
      continue
    }
    const band = packet[0]
    if (band === 1) parts.push(packet.subarray(1))
    else if (band === 3) throw new AtelierError('network-server', packet.subarray(1).toString())
    // Band 2 is the host's progress; the lines before the pack are its ACK/NAK.
  }
  // The answer ends with a flush: without it, the connection was cut.
  if (!ended) throw new AtelierError('network-cut', 'no final flush')
  return Buffer.concat(parts)
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

async function shallowCommits(gitdir: string): Promise<string[]> {
  const text = await readFile(path.join(gitdir, 'shallow'), 'utf8').catch(() => '')
  return text.split('\n').filter((line) => /^[0-9a-f]{40}$/.test(line))
}
