import { beforeEach, describe, expect, it } from 'vitest'
import type { ReplacePlan, SearchResults } from '../../../../src-shared/api/search-types.js'

/** Calls the store made, and answers the test releases in the order it chooses. */
const calls: { name: string; input: Record<string, unknown>; answer(value: unknown): void }[] = []
Object.assign(globalThis, {
  window: {
    atelier: {
      call: (name: string, input: Record<string, unknown>) =>
        new Promise((resolve) =>
          calls.push({ name, input, answer: (value) => resolve({ ok: true, value }) }),
        ),
      on: () => () => undefined,
    },
  },
})

const store = await import('../../../../src-renderer/stores/search-store.js')
const { tabsStore } = await import('../../../../src-renderer/stores/tabs-store.js')
const { searchStore } = store

function results(word: string): SearchResults {
  return {
    pages: [
      {
        path: 'a.md',
        title: 'A',
        collection: 'pages',
        matches: [{ line: 5, text: word, before: 'Une ', after: '.' }],
      },
    ],
    total: 1,
    truncated: false,
  }
}

/** The next call made, once the store has made it. */
async function next(name: string) {
  await expect.poll(() => calls.find((call) => call.name === name)).toBeTruthy()
  const at = calls.findIndex((call) => call.name === name)
  return calls.splice(at, 1)[0]!
}

beforeEach(() => {
  calls.length = 0
  searchStore.set({
    query: '',
    wholeWord: false,
    collection: null,
    replacement: '',
    results: null,
    plan: null,
    done: null,
  })
})

describe('search store', () => {
  it('keeps the answer to the latest search when two cross', async () => {
    searchStore.set({ query: 'ega' })
    const older = store.runSearch()
    const first = await next('search.query')
    const newer = store.setWholeWord(true)
    const second = await next('search.query')
    expect(second.input).toEqual({ query: 'ega', wholeWord: true, collection: null })
    second.answer(results('Égalité'))
    await newer
    first.answer(results('égal'))
    await older
    expect(searchStore.get().results?.pages[0]?.matches[0]?.text).toBe('Égalité')
    expect(searchStore.get().searching).toBe(false)
  })

  it('asks nothing for an empty field and clears the results', async () => {
    searchStore.set({ query: '   ', results: results('x') })
    await store.setCollection('themes')
    expect(calls).toEqual([])
    expect(searchStore.get()).toMatchObject({ collection: 'themes', results: null })
  })

  it('previews, drops the preview when the question changes, and applies the pages previewed', async () => {
    searchStore.set({ query: 'egalite', replacement: 'équité' })
    const plan: ReplacePlan = {
      pages: [
        {
          path: 'a.md',
          title: 'A',
          hash: 'a'.repeat(64),
          changes: [{ line: 5, before: 'Une égalité.', after: 'Une équité.' }],
        },
      ],
      matches: 1,
    }
    let previewing = store.previewReplace()
    ;(await next('search.replacePlan')).answer(plan)
    await previewing
    expect(searchStore.get().plan).toEqual(plan)

    store.setReplacement('parité')
    expect(searchStore.get().plan).toBeNull()
    previewing = store.previewReplace()
    const asked = await next('search.replacePlan')
    // The question changed while the preview was planned: that preview is not shown.
    store.setReplacement('autre')
    asked.answer(plan)
    await previewing
    expect(searchStore.get().plan).toBeNull()

    store.setReplacement('équité')
    previewing = store.previewReplace()
    ;(await next('search.replacePlan')).answer(plan)
    await previewing
    const applying = store.applyReplace()
    const apply = await next('search.replaceApply')
    expect(apply.input).toEqual({
      query: 'egalite',
      wholeWord: false,
      collection: null,
      replacement: 'équité',
      pages: [{ path: 'a.md', hash: 'a'.repeat(64) }],
    })
    apply.answer({ pages: 1, matches: 1 })
    // The results are read again after the replacement.
    ;(await next('search.query')).answer(results('équité'))
    await applying
    expect(searchStore.get()).toMatchObject({ plan: null, done: { pages: 1, matches: 1 } })
  })

  it('warms the index with an empty query, whose answer it ignores', async () => {
    const warming = store.warmSearch()
    const call = await next('search.query')
    expect(call.input).toEqual({ query: '', wholeWord: false, collection: null })
    call.answer({ pages: [], total: 0, truncated: false })
    await warming
    expect(searchStore.get().results).toBeNull()
  })

  it('opens a match at its line with its words to select', () => {
    store.openMatch('a.md', results('Égalité').pages[0]!.matches[0]!)
    expect(tabsStore.get()).toMatchObject({
      active: 'a.md',
      reveal: { path: 'a.md', line: 5, text: 'Égalité' },
    })
  })
})
