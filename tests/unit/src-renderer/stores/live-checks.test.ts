import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

/** The calls the renderer makes, by name and input; every one answers an empty list. */
const calls: { name: string; input: unknown }[] = []
Object.assign(globalThis, {
  window: {
    atelier: {
      call: (name: string, input: unknown) => {
        calls.push({ name, input })
        return Promise.resolve({ ok: true, value: [] })
      },
      on: () => () => undefined,
    },
  },
})

const { followActivePageChecks } =
  await import('../../../../src-renderer/stores/workspace-store.js')
const { registerActiveText } = await import('../../../../src-renderer/stores/active-editor.js')
const { closeTab, openTab } = await import('../../../../src-renderer/stores/tabs-store.js')

const PAGE = '_cas_pratiques/senegal.md'
const DELAY = 250

/** The open page's text as the editor gives it, counting how often it is serialised. */
function pageText() {
  const source = {
    path: PAGE,
    reads: 0,
    current: () => {
      source.reads++
      return 'Le texte de la page.\n'
    },
    saved: () => 'Le texte de la page.\n',
  }
  return source
}

describe('the open page checked as typed', () => {
  let stop: () => void
  beforeEach(() => {
    vi.useFakeTimers()
    calls.length = 0
    stop = followActivePageChecks(DELAY)
  })
  afterEach(() => {
    stop()
    registerActiveText(null)
    vi.useRealTimers()
  })

  it('is checked after the pause', () => {
    openTab(PAGE)
    const source = pageText()
    registerActiveText(source)
    vi.advanceTimersByTime(DELAY)
    expect(calls).toEqual([{ name: 'checks.page', input: { path: PAGE, text: source.current() } }])
    closeTab(PAGE)
  })

  it('is neither serialised nor sent once its tab was closed during the pause', () => {
    openTab(PAGE)
    const source = pageText()
    registerActiveText(source)
    // Closed before the pause ends: its answer would be dropped, and a long page's text
    // serialised and sent for nothing while the next page opens.
    closeTab(PAGE)
    registerActiveText(null)
    vi.advanceTimersByTime(DELAY)
    expect(source.reads).toBe(0)
    expect(calls.filter((call) => call.name === 'checks.page')).toEqual([])
  })
})
