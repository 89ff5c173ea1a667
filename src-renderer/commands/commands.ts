import { api } from '../api/client.js'
import { saveActivePage } from '../stores/active-editor.js'
import { togglePreview } from '../stores/preview-store.js'
import {
  requestCloseOtherTabs,
  requestCloseTab,
  requestOpenWorkspace,
} from '../stores/close-tab.js'
import { cycleTab, tabsStore } from '../stores/tabs-store.js'
import {
  openDialog,
  openPalette,
  revealView,
  showView,
  uiStore,
  type ViewId,
} from '../stores/ui-store.js'
import { versionsStore } from '../stores/versions-store.js'
import { changeLanguage, workspaceStore } from '../stores/workspace-store.js'
import { saveVersion } from '../stores/versions-actions.js'
import type { Keybinding } from './keybinding.js'
import { loadFullHistory, publish, receiveNews, syncStore } from '../stores/sync-actions.js'

/** Every action of the workbench: listed in the palette, bound to its shortcut. */
export interface Command {
  id: string
  /** Catalogue key of the title. */
  title: string
  keybinding?: Keybinding
  /** Listed in the palette only when this says so (« Charger tout l'historique »: a light copy). */
  when?: () => boolean
  run(): void | Promise<void>
}

function withActiveTab(action: (path: string) => void): () => void {
  return () => {
    const active = tabsStore.get().active
    if (active) action(active)
  }
}

function viewCommand(id: ViewId, title: string, keybinding?: Keybinding): Command {
  return keybinding
    ? { id: `view.${id}`, title, keybinding, run: () => showView(id) }
    : { id: `view.${id}`, title, run: () => showView(id) }
}

/** Asks for a folder: the system dialog in the app, a path field in a plain browser. */
export async function chooseAndOpenFolder(): Promise<void> {
  if (workspaceStore.get().shell === 'host') return openDialog({ kind: 'open-folder' })
  const folder = await api.call('workspace.chooseFolder', {})
  if (folder) await requestOpenWorkspace(folder)
}

export const commands: Command[] = [
  {
    id: 'workbench.showCommands',
    title: 'commands.showCommands',
    keybinding: { key: 'p', mod: true, shift: true },
    run: () => openPalette('commands'),
  },
  {
    id: 'workbench.quickOpen',
    title: 'commands.quickOpen',
    keybinding: { key: 'p', mod: true },
    run: () => openPalette('pages'),
  },
  {
    id: 'workspace.openFolder',
    title: 'commands.openFolder',
    keybinding: { key: 'o', mod: true },
    run: chooseAndOpenFolder,
  },
  {
    id: 'page.new',
    title: 'commands.newPage',
    keybinding: { key: 'n', mod: true, alt: true },
    run: () => openDialog({ kind: 'new-page' }),
  },
  {
    id: 'page.save',
    title: 'commands.save',
    keybinding: { key: 's', mod: true },
    run: saveActivePage,
  },
  {
    id: 'tab.close',
    title: 'commands.closeTab',
    keybinding: { key: 'w', mod: true },
    run: withActiveTab(requestCloseTab),
  },
  {
    id: 'tab.closeOthers',
    title: 'commands.closeOtherTabs',
    run: withActiveTab(requestCloseOtherTabs),
  },
  {
    id: 'tab.next',
    title: 'commands.nextTab',
    keybinding: { key: 'PageDown', mod: true },
    run: () => cycleTab(1),
  },
  {
    id: 'tab.previous',
    title: 'commands.previousTab',
    keybinding: { key: 'PageUp', mod: true },
    run: () => cycleTab(-1),
  },
  viewCommand('explorer', 'commands.showExplorer', { key: 'e', mod: true, shift: true }),
  viewCommand('search', 'commands.showSearch', { key: 'f', mod: true, shift: true }),
  viewCommand('versions', 'commands.showVersions', { key: 'g', mod: true, shift: true }),
  {
    id: 'scm.saveVersion',
    title: 'commands.saveVersion',
    run: () => {
      // Without a message yet, the box where to write it takes the focus.
      if (versionsStore.get().message.trim()) return saveVersion()
      revealView('versions')
      setTimeout(() => document.getElementById('versions-message')?.focus(), 0)
    },
  },
  {
    id: 'scm.switchContribution',
    title: 'commands.switchContribution',
    run: () => openPalette('contributions'),
  },
  viewCommand('review', 'commands.showReview'),
  {
    id: 'review.send',
    title: 'review.send',
    run: () => openDialog({ kind: 'send-contribution' }),
  },
  {
    id: 'review.receive',
    title: 'review.receive',
    run: () => openDialog({ kind: 'receive-contribution' }),
  },
  viewCommand('problems', 'commands.showProblems', { key: 'm', mod: true, shift: true }),
  viewCommand('preview', 'commands.showPreview'),
  {
    id: 'workbench.previewToSide',
    title: 'commands.previewToSide',
    keybinding: { key: 'v', after: { key: 'k', mod: true } },
    run: () => togglePreview(),
  },
  {
    id: 'workbench.exportSite',
    title: 'commands.exportSite',
    run: () => openDialog({ kind: 'export' }),
  },
  viewCommand('settings', 'commands.openSettings', { key: ',', mod: true }),
  {
    id: 'view.toggleSidebar',
    title: 'commands.toggleSidebar',
    // In the text, Ctrl+B is bold (the focused editor's keys win, as in VS Code).
    keybinding: { key: 'b', mod: true, when: '!editorFocus' },
    run: () => uiStore.set(({ sidebarVisible }) => ({ sidebarVisible: !sidebarVisible })),
  },
  {
    id: 'sync.openOnline',
    title: 'sync.openOnline',
    run: () => openDialog({ kind: 'clone-guide' }),
  },
  { id: 'sync.receive', title: 'sync.receive', run: receiveNews },
  { id: 'sync.publish', title: 'sync.publish', run: publish },
  {
    id: 'sync.deepen',
    title: 'sync.deepen',
    // Only a light copy has history left to load.
    when: () => syncStore.get().remotes?.shallow === true,
    run: loadFullHistory,
  },
  { id: 'language.fr', title: 'commands.languageFrench', run: () => changeLanguage('fr') },
  { id: 'language.en', title: 'commands.languageEnglish', run: () => changeLanguage('en') },
]
