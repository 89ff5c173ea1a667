import fs from 'node:fs'
import { mkdir, readFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import git from 'isomorphic-git'
import { z } from 'zod'
import { importBundle, validRefName } from '../git/bundle-import.js'
import { Repository } from '../git/repository.js'
import { REVIEW_NOTES_REF } from '../git/review-refs.js'
import { exists } from '../fs/not-found.js'
import { ensureStarterPlaybook } from './starter-playbook.js'
import { createRepository } from '../git/create-repository.js'

/** The files `npm run dist` puts in the installer's `playbook/` resource when it carries a guide. */
export const PLAYBOOK_BUNDLE_FILE = 'guide.bundle'
export const PLAYBOOK_MANIFEST_FILE = 'playbook.json'

/** The remote « Recevoir les nouveautés » and « Publier » talk to, as `git clone` names it. */
const ORIGIN = 'origin'
/** Where the bundle's HEAD waits during the import: it names a commit, the copy's HEAD a branch. */
const STAGED_HEAD = 'refs/atelier/bundle-head'

/**
 * What the installer says about the guide it carries, beside the bundle.
 * `folder` is the copy's name in the data folder; `branch` is the line the
 * copy opens on (the source's HEAD); `origin` is where the guide lives
 * online, or null for a guide packed from a folder that had no `origin`.
 */
export const playbookManifestSchema = z.object({
  name: z.string().min(1),
  folder: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'one plain folder name')
    .refine((name) => !name.endsWith('-')),
  branch: z.string().refine((name) => validRefName(`refs/heads/${name}`), 'a branch name'),
  origin: z.url({ protocol: /^https?$/ }).nullable(),
})
export type PlaybookManifest = z.infer<typeof playbookManifestSchema>

/** The guide an installer carries: its bundle and what the manifest says of it. */
export interface BundledPlaybook {
  bundle: string
  manifest: PlaybookManifest
}

/**
 * The guide in the installer's `playbook/` resource, or null when it carries
 * none (the default: the starter playbook). A manifest that does not parse is
 * a broken installer, and says so rather than silently opening the starter.
 */
export async function readBundledPlaybook(resource: string): Promise<BundledPlaybook | null> {
  const bundle = path.join(resource, PLAYBOOK_BUNDLE_FILE)
  const manifestFile = path.join(resource, PLAYBOOK_MANIFEST_FILE)
  if (!(await exists(bundle)) || !(await exists(manifestFile))) return null
  const manifest = playbookManifestSchema.parse(JSON.parse(await readFile(manifestFile, 'utf8')))
  return { bundle, manifest }
}

/**
 * The user's copy of the guide to open when there is no other: the one the
 * installer carries if any, else the starter playbook, as before.
 */
export async function ensureFirstPlaybook(options: {
  starterBundle: string
  /** The installer's `playbook/` resource; absent when running from the sources. */
  playbookResource?: string | null | undefined
  dataDir: string
}): Promise<string> {
  const carried = options.playbookResource
    ? await readBundledPlaybook(options.playbookResource)
    : null
  if (carried) return ensureBundledPlaybook(carried, options.dataDir)
  return ensureStarterPlaybook(options.starterBundle, options.dataDir)
}

/**
 * First launch of an installer carrying a guide: a clone of the bundle, with
 * no network. The bundle's branches become `origin`'s remote-tracking
 * branches as `git clone` lays them out, the manifest's branch is checked out
 * and tracks `origin`, so that « Recevoir les nouveautés » later asks the
 * guide's host. A guide with no known origin keeps its branches as local ones.
 *
 * Built in a temporary folder and renamed, so an interrupted first launch
 * never leaves half a guide; later launches find the copy and leave it as it is.
 */
export async function ensureBundledPlaybook(
  carried: BundledPlaybook,
  dataDir: string,
): Promise<string> {
  const { manifest } = carried
  const target = path.join(dataDir, manifest.folder)
  if (await exists(target)) return target
  await mkdir(dataDir, { recursive: true })
  const temp = `${target}.partial-${process.pid}`
  await rm(temp, { recursive: true, force: true })
  await mkdir(temp)
  try {
    await cloneFromBundle(temp, carried)
  } catch (error) {
    await rm(temp, { recursive: true, force: true })
    throw error
  }
  await rename(temp, target)
  return target
}

async function cloneFromBundle(dir: string, { bundle, manifest }: BundledPlaybook): Promise<void> {
  await createRepository(dir, manifest.branch)
  const repository = await Repository.find(dir)
  if (!repository) throw new Error(`no repository in ${dir}`)
  const { context } = repository
  const tracking = manifest.origin !== null
  try {
    const imported = await importBundle(context, bundle, (name) => {
      if (name === 'HEAD') return STAGED_HEAD
      if (name.startsWith('refs/heads/')) {
        return tracking ? `refs/remotes/${ORIGIN}/${name.slice('refs/heads/'.length)}` : name
      }
      if (name.startsWith('refs/tags/') || name === REVIEW_NOTES_REF) return name
      return null
    })
    const head = imported.find(
      (ref) =>
        ref.name ===
        (tracking ? `refs/remotes/${ORIGIN}/${manifest.branch}` : `refs/heads/${manifest.branch}`),
    )
    if (!head) throw new Error(`the bundle has no branch ${manifest.branch}`)
    if (imported.some((ref) => ref.name === STAGED_HEAD)) {
      await git.deleteRef({ fs, gitdir: context.gitdir, ref: STAGED_HEAD })
    }
    const ref = (name: string, value: string, symbolic = false) =>
      git.writeRef({ fs, gitdir: context.gitdir, ref: name, value, force: true, symbolic })
    if (tracking) {
      // What `git clone` leaves: origin's HEAD names its branch, ours starts there and tracks it.
      await ref(`refs/remotes/${ORIGIN}/HEAD`, `refs/remotes/${ORIGIN}/${manifest.branch}`, true)
      await ref(`refs/heads/${manifest.branch}`, head.oid)
      await git.addRemote({ fs, dir, remote: ORIGIN, url: manifest.origin! })
      await git.setConfig({ fs, dir, path: `branch.${manifest.branch}.remote`, value: ORIGIN })
      await git.setConfig({
        fs,
        dir,
        path: `branch.${manifest.branch}.merge`,
        value: `refs/heads/${manifest.branch}`,
      })
    }
    await git.checkout({
      fs: context.fs,
      dir,
      gitdir: context.gitdir,
      cache: context.cache,
      ref: manifest.branch,
    })
  } finally {
    // Open pack files would keep Windows from renaming the folder.
    context.objects.close()
  }
}
