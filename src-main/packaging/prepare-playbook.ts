import fs from 'node:fs'
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import git from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { translate } from '../../src-shared/i18n/translate.js'
import { formatSize } from '../commands/contribution-export.js'
import { writeFileAtomic } from '../fs/atomic-write.js'
import { writeBundle } from '../git/bundle-write.js'
import { headBranch } from '../git/head-commit.js'
import { Repository } from '../git/repository.js'
import type { RepositoryContext } from '../git/repository-context.js'
import { REVIEW_NOTES_REF } from '../git/review-refs.js'
import { projectRoot } from '../paths.js'
import { cloneRepository } from '../sync/clone.js'
import {
  environmentCredentials,
  splitUrlCredentials,
  type CredentialsProvider,
} from '../sync/credentials.js'
import {
  PLAYBOOK_BUNDLE_FILE,
  PLAYBOOK_MANIFEST_FILE,
  type PlaybookManifest,
} from '../workspace/bundled-playbook.js'

/**
 * Where `npm run dist` gathers the guide an installer carries;
 * electron-builder.yml copies it to the resources as `playbook/`.
 */
export const PLAYBOOK_BUILD_DIR = path.join(projectRoot, 'build', 'playbook')

export interface PreparedPlaybook {
  manifest: PlaybookManifest
  bundle: string
  bytes: number
  /** Annotated tags: the bundle carries branches and plain tags only. */
  tagsLeftOut: string[]
  /** The folder's `origin` when it is not an HTTP(S) address Atelier can use (then none is kept). */
  originLeftOut: string | null
}

/** A refusal of the guide given, said in French for the maintainer at the terminal. */
export class PlaybookSourceError extends Error {
  constructor(key: string, params: Record<string, unknown>) {
    super(translate('fr', `packaging.${key}`, params))
    this.name = 'PlaybookSourceError'
  }
}

/**
 * Packs the guide at `source` — a repository's folder or an HTTP(S) address —
 * into `outDir` as a complete git bundle (every version of every line, its
 * plain tags, the review notes, HEAD) and a manifest naming it and its origin.
 * `outDir` is emptied first, so an earlier guide is never carried by mistake.
 */
export async function preparePlaybook(
  source: string,
  outDir: string,
  options: { credentials?: CredentialsProvider } = {},
): Promise<PreparedPlaybook> {
  await rm(outDir, { recursive: true, force: true })
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    return prepareFromUrl(source, outDir, options.credentials ?? environmentCredentials())
  }
  const folder = path.resolve(source)
  const repository = await openRepositoryAt(folder, source)
  try {
    const status = await repository.statusEntries()
    if (status.length > 0) {
      const files = status.slice(0, 5).map((entry) => entry.path)
      if (status.length > 5) files.push('…')
      throw new PlaybookSourceError('uncommitted', { source, files: files.join(', ') })
    }
    const configured = await git
      .getConfig({ fs, dir: folder, path: `remote.origin.url` })
      .catch(() => undefined)
    const origin = typeof configured === 'string' ? httpOrigin(configured) : null
    return await pack(repository.context, outDir, {
      source,
      name: path.basename(folder),
      origin,
      branches: await git.listBranches({ fs, dir: folder }),
      branchRef: (branch) => `refs/heads/${branch}`,
      notes: true,
      originLeftOut: typeof configured === 'string' && origin === null ? configured : null,
    })
  } finally {
    repository.context.objects.close()
  }
}

/**
 * An address: a full clone in a temporary folder (credentials from
 * `ATELIER_GIT_USERNAME` / `ATELIER_GIT_PASSWORD` when the host asks), packed
 * from its remote-tracking branches so that every line of the host travels.
 */
async function prepareFromUrl(
  source: string,
  outDir: string,
  credentials: CredentialsProvider,
): Promise<PreparedPlaybook> {
  const { url } = splitUrlCredentials(source)
  const protocol = new URL(url).protocol
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new PlaybookSourceError('notHttp', { source: url })
  }
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'atelier-playbook-'))
  try {
    const dir = path.join(scratch, 'guide')
    await cloneRepository({ url: source, dir, credentials })
    const repository = await openRepositoryAt(dir, url)
    try {
      const remote = await git.listBranches({ fs, dir, remote: 'origin' })
      return await pack(repository.context, outDir, {
        source: url,
        name: decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? '')
          .replace(/\.git$/, '')
          .trim(),
        origin: url,
        branches: remote.filter((branch) => branch !== 'HEAD'),
        branchRef: (branch) => `refs/remotes/origin/${branch}`,
        notes: false,
        originLeftOut: null,
      })
    } finally {
      repository.context.objects.close()
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

interface PackRequest {
  source: string
  name: string
  origin: string | null
  branches: string[]
  /** Where the source keeps a branch: its own line, or the host's seen from a clone. */
  branchRef: (branch: string) => string
  notes: boolean
  originLeftOut: string | null
}

async function pack(
  context: RepositoryContext,
  outDir: string,
  request: PackRequest,
): Promise<PreparedPlaybook> {
  const branch = await headBranch(context)
  if (branch === null) throw new PlaybookSourceError('detachedHead', { source: request.source })
  const head = await resolve(context, request.branchRef(branch))
  if (head === null) throw new PlaybookSourceError('noVersion', { source: request.source })

  // HEAD's line first: native git, guessing which line HEAD names, takes the first that matches.
  const refs = [{ name: 'HEAD', oid: head }]
  for (const name of [branch, ...request.branches.filter((other) => other !== branch)]) {
    const oid = await resolve(context, request.branchRef(name))
    if (oid !== null) refs.push({ name: `refs/heads/${name}`, oid })
  }
  const tagsLeftOut: string[] = []
  for (const tag of await git.listTags({ fs, gitdir: context.gitdir })) {
    const oid = await resolve(context, `refs/tags/${tag}`)
    if (oid === null) continue
    if (context.objects.read(oid).type === 'commit') refs.push({ name: `refs/tags/${tag}`, oid })
    else tagsLeftOut.push(tag)
  }
  if (request.notes) {
    const notes = await resolve(context, REVIEW_NOTES_REF)
    if (notes !== null) refs.push({ name: REVIEW_NOTES_REF, oid: notes })
  }

  await mkdir(outDir, { recursive: true })
  const bundle = path.join(outDir, PLAYBOOK_BUNDLE_FILE)
  const written = await writeBundle(context, { refs, prerequisites: [] }, bundle)
  const name = request.name || 'guide'
  const manifest: PlaybookManifest = {
    name,
    folder: folderName(name),
    branch,
    origin: request.origin,
  }
  await writeFileAtomic(
    path.join(outDir, PLAYBOOK_MANIFEST_FILE),
    `${JSON.stringify(manifest, null, 2)}\n`,
  )
  return {
    manifest,
    bundle,
    bytes: written.bytes,
    tagsLeftOut,
    originLeftOut: request.originLeftOut,
  }
}

/** The repository whose root is `folder` (not one that merely contains it), or a French refusal. */
async function openRepositoryAt(folder: string, source: string): Promise<Repository> {
  const isFolder = (await stat(folder).catch(() => null))?.isDirectory() ?? false
  const repository = isFolder ? await Repository.find(folder) : null
  if (!repository || path.resolve(repository.root) !== path.resolve(folder)) {
    repository?.context.objects.close()
    throw new PlaybookSourceError('notRepository', { source })
  }
  return repository
}

/** An `origin` Atelier can receive from (HTTP or HTTPS), without any credentials written in it. */
function httpOrigin(configured: string): string | null {
  const { url } = splitUrlCredentials(configured)
  try {
    const protocol = new URL(url).protocol
    return protocol === 'https:' || protocol === 'http:' ? url : null
  } catch {
    return null
  }
}

/** The copy's folder name in the data folder: plain letters, digits and hyphens. */
export function folderName(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '')
  return slug || 'guide'
}

async function resolve(context: RepositoryContext, ref: string): Promise<string | null> {
  try {
    return await git.resolveRef({ fs, gitdir: context.gitdir, ref })
  } catch {
    return null
  }
}

/**
 * `npm run dist`'s preparation (its `predist`): the guide named by
 * `ATELIER_PLAYBOOK`, else nothing — the installer then opens the starter
 * playbook, as it always has.
 */
export async function preparePlaybookFromEnvironment(
  env: Record<string, string | undefined>,
  outDir: string,
  print: (line: string) => void,
): Promise<PreparedPlaybook | null> {
  const source = env.ATELIER_PLAYBOOK?.trim()
  await rm(outDir, { recursive: true, force: true })
  if (!source) {
    // An empty folder rather than none: electron-builder's extraResources then copies nothing.
    await mkdir(outDir, { recursive: true })
    print(translate('fr', 'packaging.starter'))
    return null
  }
  const prepared = await preparePlaybook(source, outDir, {
    credentials: environmentCredentials(env),
  })
  if (prepared.originLeftOut !== null) {
    print(translate('fr', 'packaging.originNotHttp', { url: prepared.originLeftOut }))
  }
  if (prepared.tagsLeftOut.length > 0) {
    print(translate('fr', 'packaging.tagsLeftOut', { tags: prepared.tagsLeftOut.join(', ') }))
  }
  print(
    translate('fr', 'packaging.prepared', {
      name: prepared.manifest.name,
      file: path.relative(process.cwd(), prepared.bundle),
      size: formatSize(prepared.bytes),
      origin: prepared.manifest.origin ?? translate('fr', 'packaging.noOrigin'),
    }),
  )
  return prepared
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  preparePlaybookFromEnvironment(process.env, PLAYBOOK_BUILD_DIR, (line) =>
    process.stdout.write(`${line}\n`),
  ).catch((error: unknown) => {
    const message =
      error instanceof AtelierError
        ? translate('fr', `errors.${error.code}`, { detail: error.detail ?? '' })
        : (error as Error).message
    process.stderr.write(`${translate('fr', 'packaging.failed')} ${message}\n`)
    process.exitCode = 1
  })
}
