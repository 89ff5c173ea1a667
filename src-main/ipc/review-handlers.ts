import path from 'node:path'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { CONTENT_TYPES_FILE } from '../../src-shared/content-types/file-name.js'
import type { ReviewComment, ReviewDiff, ReviewPage } from '../../src-shared/api/review-types.js'
import { reviewDiffStyle } from '../../src-shared/review/review-diff-style.js'
import { sideOf } from '../../src-shared/review/word-diff.js'
import { isInsideFolder } from '../fs/safe-path.js'
import { readAtVersion } from '../git/read-version.js'
import { approveAndIntegrate, requestChanges } from '../review/decisions.js'
import { addComment, listComments, resolveComment } from '../review/comments.js'
import { comparePublished, reviewDiff } from '../review/rendered-diff.js'
import { listReviews } from '../review/review-status.js'
import { openReceivedFile, takeReviewerFixes } from '../review/reviewer-fixes.js'
import { contributionFileName, sendContribution } from '../review/send-contribution.js'
import type { Session } from '../session.js'
import type { Workspace } from '../workspace/workspace.js'
import type { Handler } from './handler.js'
import type { PlatformHooks } from './platform-hooks.js'

/**
 * « Relecture »: contributions as files, their rendered differences, comments
 * and decisions. Every command runs in the repository's queue; paths cross
 * the boundary as the workspace names them.
 */
export function createReviewHandlers(
  session: Session,
  platform: Pick<PlatformHooks, 'chooseSaveFile' | 'chooseOpenFile'>,
) {
  const repositoryOf = () => session.requireRepository()
  const author = () => session.requireAuthor()
  /** The repository's name of a file, as the workspace shows it (unchanged when outside it). */
  const shown = (workspace: Workspace, file: string) => workspace.workspacePath(file) ?? file
  const shownComment = (workspace: Workspace, comment: ReviewComment): ReviewComment => ({
    ...comment,
    path: shown(workspace, comment.path),
  })
  /** A contribution file is never written into, nor read from, the open folder's own files. */
  const outsideWorkspace = async (workspace: Workspace, file: string): Promise<string> => {
    const target = path.resolve(file)
    if (await isInsideFolder(workspace.root, target)) {
      throw new AtelierError('contribution-file-inside', target)
    }
    return target
  }
  /** The preview of the open folder, when the transport serves one (its renderer, site, frames). */
  const previewOf = () => {
    const preview = session.preview
    if (!preview) return null
    return {
      origin: preview.origin,
      service: session.requireFolder().preview(preview.frameAncestors),
    }
  }
  /**
   * A marked body in the site's look, inline and each side alone, on the preview's origin.
   * `images`: addresses the page writes, to show from elsewhere (see `heldImages`).
   */
  const framesOf = async (
    where: NonNullable<ReturnType<typeof previewOf>>,
    marked: string,
    like: string,
    images: Map<string, string> = new Map(),
  ) => {
    let html = marked
    for (const [source, held] of images) html = html.replaceAll(`src="${source}"`, `src="${held}"`)
    // The site's pages show in their own, light, colours (as in the preview), whatever the
    // app's scheme: the marks take the page's, given explicitly.
    const css = reviewDiffStyle(session.settings.get().language, 'light')
    const frame = async (body: string) =>
      `${where.origin}${await where.service.holdDocument(body, like, css)}`
    const [inline, before, after] = await Promise.all([
      frame(html),
      frame(sideOf(html, 'before')),
      frame(sideOf(html, 'after')),
    ])
    return { inline, before, after }
  }
  /**
   * The images a page adds (or removes) as the contribution's version (or the base) has them:
   * the preview serves the open folder's files, which a received contribution's are not.
   */
  const heldImages = async (
    where: NonNullable<ReturnType<typeof previewOf>>,
    workspace: Workspace,
    repository: ReturnType<typeof repositoryOf>['repository'],
    page: ReviewPage,
    diff: ReviewDiff,
  ) => {
    // Through the folder's path gate: the address comes from a page; one it refuses shows nothing.
    const at = (version: string) => async (file: string) => {
      const checked = await workspace.resolve(file).catch(() => null)
      if (!checked) return null
      const inRepository = workspace.repositoryPath(checked)
      return repository.read((context) => readAtVersion(context, version, inRepository))
    }
    const added = await where.service.holdImages(page.images.added, at(diff.tip))
    const removed = await where.service.holdImages(page.images.removed, at(diff.base))
    return new Map([...removed, ...added])
  }
  const afterMove = async (workspace: Workspace) => {
    const info = await workspace.info()
    await workspace.refreshAll()
    session.emit('workspace.changed', info)
  }

  return {
    'review.list': (async () =>
      repositoryOf().repository.read((context) =>
        listReviews(context),
      )) satisfies Handler<'review.list'>,
    'review.diff': (async ({ branch }) => {
      const { workspace, repository } = repositoryOf()
      const where = previewOf()
      // The preview's renderer and site model, when it runs: no second set of workers.
      const options = where
        ? { renderer: where.service.renderer, site: await where.service.site() }
        : {}
      const diff: ReviewDiff = await repository.read((context) =>
        reviewDiff(context, branch, options),
      )
      const pages = diff.pages.map((page) => ({
        ...page,
        path: shown(workspace, page.path),
        ...(page.from === undefined ? {} : { from: shown(workspace, page.from) }),
      }))
      if (!where) return { ...diff, pages }
      return {
        ...diff,
        pages: await Promise.all(
          pages.map(async (page) => ({
            ...page,
            frames:
              page.html === null
                ? null
                : await framesOf(
                    where,
                    page.html,
                    page.path,
                    await heldImages(where, workspace, repository, page, diff),
                  ),
          })),
        ),
      }
    }) satisfies Handler<'review.diff'>,
    'review.comparePublished': (async ({ path: file, from, to }) => {
      const { workspace, repository } = repositoryOf()
      const where = previewOf()
      if (!where) return null
      const absolute = await workspace.resolve(file)
      const inRepository = workspace.repositoryPath(absolute)
      const page = workspace.relativePath(absolute)
      const [before, after] = await Promise.all([
        repository.pageAt(from, inRepository),
        to === undefined
          ? repository.workTreeText(inRepository)
          : repository.pageAt(to, inRepository),
      ])
      // The settings' labels as the later side has them (the disk, or `to`), else `from`'s.
      const typesFile = workspace.repositoryPath(await workspace.resolve(CONTENT_TYPES_FILE))
      const contentTypes =
        (to === undefined
          ? await repository.workTreeText(typesFile)
          : await repository.pageAt(to, typesFile)) ?? (await repository.pageAt(from, typesFile))
      const site = await where.service.site()
      const compared = await comparePublished(
        site,
        where.service.renderer,
        page,
        before,
        after,
        contentTypes,
      )
      if (compared.html === null) return null
      return { ...compared, path: file, frames: await framesOf(where, compared.html, page) }
    }) satisfies Handler<'review.comparePublished'>,
    'review.comments': (async ({ branch, path: file }) => {
      const { workspace, repository } = repositoryOf()
      const inRepository =
        file === undefined ? undefined : workspace.repositoryPath(await workspace.resolve(file))
      const comments = await repository.read((context) =>
        listComments(context, branch, inRepository),
      )
      return comments.map((comment) => shownComment(workspace, comment))
    }) satisfies Handler<'review.comments'>,
    'review.comment': (async ({ branch, path: file, blockIndex, text, replyTo }) => {
      const { workspace, repository } = repositoryOf()
      const inRepository = workspace.repositoryPath(await workspace.resolve(file))
      const who = author()
      const comment = await repository.run((context) =>
        addComment(
          context,
          { branch, path: inRepository, blockIndex, text, ...(replyTo ? { replyTo } : {}) },
          who,
        ),
      )
      return shownComment(workspace, comment)
    }) satisfies Handler<'review.comment'>,
    'review.resolve': (async ({ branch, id }) => {
      const who = author()
      await repositoryOf().repository.run((context) => resolveComment(context, { branch, id }, who))
      return true
    }) satisfies Handler<'review.resolve'>,
    'review.requestChanges': (async ({ branch }) => {
      const who = author()
      await repositoryOf().repository.run((context) => requestChanges(context, branch, who))
      return true
    }) satisfies Handler<'review.requestChanges'>,
    'review.approve': (async ({ branch }) => {
      const { workspace, repository } = repositoryOf()
      const who = author()
      const outcome = await repository.run(
        (context, status) => approveAndIntegrate(context, status, branch, who),
        { moves: true },
      )
      await afterMove(workspace)
      if (outcome.kind !== 'conflicts') return outcome
      return { ...outcome, conflicts: outcome.conflicts.map((file) => shown(workspace, file)) }
    }) satisfies Handler<'review.approve'>,
    'review.takeFixes': (async ({ branch }) => {
      const { workspace, repository } = repositoryOf()
      const who = author()
      const outcome = await repository.run(
        (context, status) => takeReviewerFixes(context, status, branch, who),
        { moves: true },
      )
      await afterMove(workspace)
      if (outcome.kind !== 'conflicts') return outcome
      return { ...outcome, conflicts: outcome.conflicts.map((file) => shown(workspace, file)) }
    }) satisfies Handler<'review.takeFixes'>,
    'review.suggestFile': (async ({ branch }) => {
      const who = session.settings.get().author
      const person = who?.name ?? branch.replace(/^recu\//, '')
      return contributionFileName(person, new Date())
    }) satisfies Handler<'review.suggestFile'>,
    'review.chooseSaveFile': (async ({ name }) =>
      platform.chooseSaveFile(name)) satisfies Handler<'review.chooseSaveFile'>,
    'review.chooseOpenFile': (async () =>
      platform.chooseOpenFile()) satisfies Handler<'review.chooseOpenFile'>,
    'review.send': (async ({ branch, full, file }) => {
      const { workspace, repository } = repositoryOf()
      const target = await outsideWorkspace(workspace, file)
      return repository.run((context) => sendContribution(context, { branch, full, file: target }))
    }) satisfies Handler<'review.send'>,
    'review.receive': (async ({ file }) => {
      const { workspace, repository } = repositoryOf()
      const source = await outsideWorkspace(workspace, file)
      // A return of the user's own contribution may fast-forward the pages on disk.
      const received = await repository.run(
        (context, status) => openReceivedFile(context, status, source),
        { mayMove: true },
      )
      await afterMove(workspace)
      return received
    }) satisfies Handler<'review.receive'>,
    'review.pendingFile': (async () => {
      const file = session.pendingContribution
      session.pendingContribution = null
      return file
    }) satisfies Handler<'review.pendingFile'>,
  }
}
