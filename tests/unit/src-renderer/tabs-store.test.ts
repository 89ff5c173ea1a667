import { beforeEach, describe, expect, it } from 'vitest'
import {
  activePage,
  closeOtherTabs,
  closeTab,
  cycleTab,
  openComparison,
  openTab,
  retargetTab,
  tabsStore,
  takeReveal,
} from '../../../src-renderer/stores/tabs-store.js'

const paths = () => tabsStore.get().tabs.map((tab) => tab.path)

beforeEach(() => tabsStore.set({ tabs: [], active: null, reveal: null }))

describe('tabs', () => {
  it('opens a page once; opening it again only focuses it', () => {
    openTab('a.md')
    openTab('b.md')
    openTab('a.md')
    expect(paths()).toEqual(['a.md', 'b.md'])
    expect(tabsStore.get().active).toBe('a.md')
  })

  it('closing the active tab activates its right neighbour, else its left one', () => {
    for (const path of ['a.md', 'b.md', 'c.md']) openTab(path)
    tabsStore.set({ active: 'b.md' })
    closeTab('b.md')
    expect(tabsStore.get().active).toBe('c.md')
    closeTab('c.md')
    expect(tabsStore.get().active).toBe('a.md')
    closeTab('a.md')
    expect(tabsStore.get()).toMatchObject({ tabs: [], active: null })
  })

  it('closing another tab keeps the active one', () => {
    openTab('a.md')
    openTab('b.md')
    closeTab('a.md')
    expect(tabsStore.get().active).toBe('b.md')
  })

  it('closes the others, cycles with wrap-around, and follows renames', () => {
    for (const path of ['a.md', 'b.md', 'c.md']) openTab(path)
    cycleTab(1)
    expect(tabsStore.get().active).toBe('a.md')
    cycleTab(-1)
    expect(tabsStore.get().active).toBe('c.md')
    retargetTab('c.md', 'd.md')
    expect(paths()).toEqual(['a.md', 'b.md', 'd.md'])
    expect(tabsStore.get().active).toBe('d.md')
    closeOtherTabs('b.md')
    expect(paths()).toEqual(['b.md'])
  })

  it('opens a comparison as its own tab, once, naming the page it compares', () => {
    openTab('a.md')
    openComparison({ page: 'a.md', from: 'HEAD' })
    openComparison({ page: 'a.md', from: 'HEAD' })
    expect(tabsStore.get().tabs).toHaveLength(2)
    expect(tabsStore.get().tabs[1]!.compare).toEqual({ page: 'a.md', from: 'HEAD' })
    expect(activePage(tabsStore.get())).toBe('a.md')
    openComparison({ page: 'a.md', from: 'abc123' })
    expect(tabsStore.get().tabs).toHaveLength(3)
    closeTab(tabsStore.get().active!)
    expect(activePage(tabsStore.get())).toBe('a.md')
  })
})

describe('reveal', () => {
  it('opening at a line leaves the place for that page’s editor, taken once', () => {
    openTab('a.md', { line: 12, text: 'Égalité' })
    expect(takeReveal('b.md')).toBeNull()
    expect(takeReveal('a.md')).toEqual({ line: 12, text: 'Égalité' })
    expect(takeReveal('a.md')).toBeNull()
    openTab('a.md', { line: 3 })
    openTab('b.md')
    expect(takeReveal('a.md')).toBeNull()
  })
})
