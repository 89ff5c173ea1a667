import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { RenamePreview } from '../../src-shared/api/types.js'
import { contentHash } from '../fs/conditional-write.js'
import type { Workspace } from '../workspace/workspace.js'
import { linkIndexOf } from './link-index-cache.js'
import type { RenamePlan } from './rename-plan.js'
import { planSiteRename } from './rename-site.js'

/** What the user confirms: each file that will change, by the version it was planned from. */
export function previewOf(plan: RenamePlan): RenamePreview {
  return {
    from: plan.from,
    to: plan.to,
    oldUrl: plan.oldUrl,
    newUrl: plan.newUrl,
    files: plan.edits.map((edit) => ({
      path: edit.path,
      base: contentHash(edit.before),
      lines: edit.lines,
    })),
  }
}

/**
 * Plans a rename of a workspace's page by its new title, and a move when `folder` is another
 * folder (nothing is written); `fresh` reads
 * the site again rather than the reading kept for backlinks (the plan that is written).
 */
export async function planWorkspaceRename(
  workspace: Workspace,
  page: string,
  title: string,
  options: { fresh?: boolean; folder?: string } = {},
): Promise<RenamePlan> {
  const types = await workspace.contentTypes()
  const index = options.fresh ? undefined : await linkIndexOf(workspace)
  const known = types?.ok ? types.value : null
  return planSiteRename(workspace.root, page, title, known, index, options.folder)
}

/**
 * Renames the page and rewrites every file that names it, as one change: planned again,
 * and written only if the plan is the one the user confirmed (`bases`: each file's version
 * when it was shown) and every file is still that version when written. Otherwise nothing
 * is written and the user is told the pages changed meanwhile (`rename-changed`). Runs in
 * the repository's queue, so a version is never recorded halfway through.
 */
export async function applyRename(
  workspace: Workspace,
  page: string,
  title: string,
  bases: Readonly<Record<string, string>>,
  /** A move: the folder the page goes to, as planned. */
  folder?: string,
): Promise<{ path: string }> {
  const plan = await planWorkspaceRename(workspace, page, title, { fresh: true, folder })
  const confirmed = Object.keys(bases)
  const same =
    confirmed.length === plan.edits.length &&
    plan.edits.every((edit) => bases[edit.path] === contentHash(edit.before))
  if (!same) throw new AtelierError('rename-changed', page)
  // The new file first and the old one removed last: a refusal midway never loses the page.
  type Write = { path: string; before: string | null; after: string | null }
  const created: Write[] = []
  const edited: Write[] = []
  const removed: Write[] = []
  for (const edit of plan.edits) {
    if (edit.path === plan.from && plan.to !== plan.from) {
      created.push({ path: plan.to, before: null, after: edit.after })
      removed.push({ path: plan.from, before: edit.before, after: null })
    } else edited.push({ path: edit.path, before: edit.before, after: edit.after })
  }
  const writes = [...created, ...edited, ...removed]
  const write = () => workspace.writeGroup(writes)
  const repository = workspace.repository
  const written = repository ? await repository.run(write, { moves: true }) : await write()
  if (!written) throw new AtelierError('rename-changed', page)
  return { path: plan.to }
}
