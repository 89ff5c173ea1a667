import fs from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import git from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { createRepository } from '../git/create-repository.js'
import { checkoutIntoEmpty } from '../git/first-checkout.js'
import { Repository } from '../git/repository.js'
import type { CredentialsProvider } from './credentials.js'
import {
  advertisedRefs,
  branchesOf,
  importReceived,
  requestPack,
  speaksThinPacks,
  trackingRef,
} from './fetch-pack.js'
import type { Advertisement } from './discover-refs.js'
import type { SyncProgress } from './remote-options.js'
import { TransferError, type TransferSignal, type Transport } from './transport.js'

const REMOTE = 'origin'

/**
 * A clone as native git makes one: the host's refs, one pack of every branch's
 * history (or of its last `depth` versions), checked and kept whole with its
 * index (`git/bundle-import.ts`), then the default branch written into the
 * empty folder (`git/first-checkout.ts`). isomorphic-git's clone indexes the
 * pack in JavaScript, inflating every object twice, and compares the work tree
 * file by file before writing it: three times native git's time on 5,000 pages.
 *
 * Answers null, having written nothing, when the host cannot send a thin pack in
 * the side band, names no default branch, or cannot make a light copy: the
 * caller then clones with isomorphic-git. The caller removes what was written
 * if this fails.
 */
export async function clonePack(
  dir: string,
  url: string,
  http: Transport,
  credentials: CredentialsProvider,
  options: { depth?: number; signal?: TransferSignal; onProgress?: (event: SyncProgress) => void },
): Promise<{ branch: string; head: string } | null> {
  const advertisement = await advertisedRefs(http, url, credentials)
  const branches = branchesOf(advertisement)
  const branch = defaultBranch(advertisement)
  if (!speaksThinPacks(advertisement) || branch === null || branches[branch] === undefined) {
    return null
  }
  if (options.depth && !advertisement.capabilities.has('shallow')) return null
  const head = branches[branch]
  // The name goes into `.git/config` as `[branch "…"]`, which isomorphic-git does not escape:
  // a quote there would let the host write other settings of that branch.
  if (/["\\]/.test(branch)) throw new AtelierError('network-server', 'default branch name')
  // Tags come with a whole copy, as with git; a light copy takes the lines' last versions only.
  const tags = options.depth
    ? []
    : [...advertisement.refs]
        .filter(([name]) => name.startsWith('refs/tags/') && !name.endsWith('^{}'))
        .map(([name, oid]) => ({ name, oid }))

  await createRepository(dir, branch)
  await git.setConfig({ fs, dir, path: `remote.${REMOTE}.url`, value: url })
  await git.setConfig({
    fs,
    dir,
    path: `remote.${REMOTE}.fetch`,
    value: `+refs/heads/*:refs/remotes/${REMOTE}/*`,
  })
  const { context } = (await Repository.find(dir))!

  const { pack, shallow } = await requestPack(http, advertisement, {
    wants: [...new Set([...Object.values(branches), ...tags.map((tag) => tag.oid)])],
    haves: [],
    shallow: [],
    ...(options.depth ? { depth: options.depth } : {}),
  })
  if (options.signal?.aborted) throw new TransferError('cancelled')
  options.onProgress?.({ phase: 'Resolving deltas', loaded: 0, total: null })
  // Where a light copy's history stops, before any ref points into it (as git writes it).
  if (shallow.length > 0) {
    await writeFile(path.join(context.gitdir, 'shallow'), [...shallow].sort().join('\n') + '\n')
  }
  const refs = [
    ...Object.entries(branches).map(([name, oid]) => ({ name: `refs/heads/${name}`, oid })),
    ...tags,
  ]
  const tracking = trackingRef(REMOTE)
  const objects = await importReceived(
    context,
    { refs, prerequisites: [], pack },
    (name) => (name.startsWith('refs/tags/') ? name : tracking(name)),
    new Set(shallow),
  )

  await git.writeRef({
    fs,
    dir,
    ref: `refs/remotes/${REMOTE}/HEAD`,
    value: `refs/remotes/${REMOTE}/${branch}`,
    symbolic: true,
  })
  await git.setConfig({ fs, dir, path: `branch.${branch}.remote`, value: REMOTE })
  await git.setConfig({ fs, dir, path: `branch.${branch}.merge`, value: `refs/heads/${branch}` })

  const written = await checkoutIntoEmpty(context, head, {
    known: objects,
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (loaded, total) =>
      options.onProgress?.({ phase: 'Updating workdir', loaded, total }),
  })
  if (options.signal?.aborted) throw new TransferError('cancelled')
  // The line last: a copy cut off while its files were written shows no version whose
  // pages all look deleted.
  await git.writeRef({ fs, dir, ref: `refs/heads/${branch}`, value: head })
  if (!written) await git.checkout({ fs, dir, ref: branch })
  return { branch, head }
}

/** The branch the host's HEAD names (`symref=HEAD:refs/heads/main`), if it names one. */
function defaultBranch(advertisement: Advertisement): string | null {
  for (const capability of advertisement.capabilities) {
    const match = /^symref=HEAD:refs\/heads\/(.+)$/.exec(capability)
    if (match) return match[1]!
  }
  return null
}
