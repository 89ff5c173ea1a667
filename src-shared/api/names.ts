/**
 * The names of every call and event between the renderer and main.
 *
 * Kept apart from the zod schemas so the sandboxed preload can allow-list
 * channels without bundling a validator; `contract.ts` is checked at compile
 * time to define exactly these names.
 */
export const callNames = [
  'app.info',
  'settings.get',
  'settings.setLanguage',
  'settings.setAutosave',
  'workspace.current',
  'workspace.open',
  'workspace.chooseFolder',
  'workspace.contentTypes',
  'pages.index',
  'pages.read',
  'pages.save',
  'pages.create',
  'pages.rename',
  'pages.delete',
  'media.add',
  'journal.record',
  'journal.discard',
  'journal.list',
  'shell.openExternal',
  'settings.setAuthor',
  'versions.status',
  'versions.start',
  'versions.commit',
  'versions.history',
  'versions.pageAt',
  'versions.compare',
  'versions.restore',
  'versions.contributions',
  'versions.createContribution',
  'versions.switchContribution',
  'versions.deleteContribution',
  'versions.merge',
  'versions.conflict',
  'versions.resolve',
  'versions.abortMerge',
  'versions.clearLock',
  'preview.open',
  'preview.update',
  'preview.pageAt',
  'preview.allowExternal',
  'preview.export',
  'workspace.problems',
  'review.list',
  'review.diff',
  'review.comments',
  'review.comment',
  'review.resolve',
  'review.requestChanges',
  'review.approve',
  'review.takeFixes',
  'review.suggestFile',
  'review.chooseSaveFile',
  'review.chooseOpenFile',
  'review.send',
  'review.receive',
  'review.pendingFile',
  'review.comparePublished',
  'trash.list',
  'trash.restore',
  'preview.openExported',
  'settings.setOpenTabs',
  'settings.openTabs',
  'rename.plan',
  'rename.apply',
  'links.backlinks',
  'search.query',
  'search.replacePlan',
  'search.replaceApply',
  'checks.list',
  'checks.page',
  'sync.clone',
  'sync.cancel',
  'sync.pull',
  'sync.push',
  'sync.remotes',
  'sync.deepen',
  'sync.credentials.set',
] as const

export const eventNames = [
  'workspace.changed',
  'index.changed',
  'preview.progress',
  'checks.changed',
  'sync.progress',
  'review.fileWaiting',
] as const

export type CallName = (typeof callNames)[number]
export type EventName = (typeof eventNames)[number]

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && (callNames as readonly string[]).includes(name)
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (eventNames as readonly string[]).includes(name)
}

/** Electron IPC channels: one for calls, one for events. */
export const CALL_CHANNEL = 'atelier:call'
export const EVENT_CHANNEL = 'atelier:event'
