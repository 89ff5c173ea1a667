import { beforeEach, describe, expect, it } from 'vitest'

// The stores reach main through `window.atelier`; closing tabs calls nothing.
Object.assign(globalThis, {
  window: {
    atelier: { call: () => Promise.resolve({ ok: true, value: null }), on: () => () => {} },
  },
})

const { requestCloseOtherTabs, requestCloseTab, requestCloseTabs, requestOpenWorkspace } =
  await import('../../../../src-renderer/stores/close-tab.js')
const { tabsStore } = await import('../../../../src-renderer/stores/tabs-store.js')
const { uiStore } = await import('../../../../src-renderer/stores/ui-store.js')
const { workspaceStore } = await import('../../../../src-renderer/stores/workspace-store.js')

const paths = () => tabsStore.get().tabs.map((tab) => tab.path)
const autosave = (on: boolean) =>
  workspaceStore.set(({ settings }) => ({ settings: { ...settings, autosave: on } }))

beforeEach(() => {
  uiStore.set({ dialog: null })
  autosave(false)
  tabsStore.set({
    tabs: [
      { path: 'a.md', dirty: true },
      { path: 'b.md', dirty: false },
      { path: 'c.md', dirty: true },
      { path: 'd.md', dirty: false },
      { path: 'compare:1:2:a.md', dirty: true, compare: { page: 'a.md', from: '1', to: '2' } },
    ],
    active: 'd.md',
  })
})

describe('closing tabs with unsaved changes', () => {
  it('« Fermer les autres onglets » closes the saved ones and asks once for the unsaved ones', () => {
    requestCloseOtherTabs('b.md')
    expect(paths()).toEqual(['a.md', 'b.md', 'c.md'])
    expect(tabsStore.get().active).toBe('b.md')
    expect(uiStore.get().dialog).toEqual({ kind: 'close-unsaved', paths: ['a.md', 'c.md'] })
  })

  it('asks nothing for tabs without unsaved changes', () => {
    requestCloseOtherTabs('a.md')
    expect(paths()).toEqual(['a.md', 'c.md'])
    expect(uiStore.get().dialog).toEqual({ kind: 'close-unsaved', paths: ['c.md'] })
    requestCloseTabs(['d.md'])
    requestCloseTab('a.md')
    expect(uiStore.get().dialog).toEqual({ kind: 'close-unsaved', paths: ['a.md'] })
  })

  it('with autosave on closes them all: closing saves what is pending', () => {
    autosave(true)
    requestCloseOtherTabs('c.md')
    expect(paths()).toEqual(['c.md'])
    expect(uiStore.get().dialog).toBeNull()
  })

  it('asks the same before another folder opens, which opens once they are closed', async () => {
    await requestOpenWorkspace('/autre-guide')
    expect(paths()).toHaveLength(5)
    expect(uiStore.get().dialog).toEqual({
      kind: 'close-unsaved',
      paths: ['a.md', 'c.md'],
      then: expect.any(Function),
    })
  })
})
