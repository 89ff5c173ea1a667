import { api } from '../api/client.js'
import { tabsStore, type Tab } from './tabs-store.js'
import { workspaceStore } from './workspace-store.js'

/** Tabs worth opening again: pages and site files (a comparison or a review is a moment's work). */
function lasting(tab: Tab): boolean {
  return !tab.compare && !tab.review
}

/**
 * Opens again the tabs the folder had when the app last closed (those whose file still
 * exists), then keeps main told of every change, so the next launch finds them.
 */
export async function restoreOpenTabs(): Promise<() => void> {
  const { info, index } = workspaceStore.get()
  if (info && index) {
    const saved = await api.call('settings.openTabs', {})
    const pages = new Set(index.pages.map((page) => page.path))
    const files = new Set(index.files)
    const tabs: Tab[] = []
    for (const id of saved.tabs) {
      if (id.startsWith('file:') && files.has(id.slice(5)))
        tabs.push({ path: id, dirty: false, file: id.slice(5) })
      else if (pages.has(id)) tabs.push({ path: id, dirty: false })
    }
    if (tabs.length > 0 && tabsStore.get().tabs.length === 0) {
      const active = tabs.some((tab) => tab.path === saved.active) ? saved.active : tabs[0]!.path
      tabsStore.set({ tabs, active })
    }
  }
  let last = ''
  return tabsStore.subscribe(() => {
    const root = workspaceStore.get().info?.root
    const { tabs, active } = tabsStore.get()
    const kept = tabs.filter(lasting).map((tab) => tab.path)
    const open = { tabs: kept, active: active !== null && kept.includes(active) ? active : null }
    const key = JSON.stringify([root, open])
    if (!root || key === last) return
    last = key
    void api.call('settings.setOpenTabs', { root, ...open }).catch(() => undefined)
  })
}
