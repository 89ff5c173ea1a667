import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { workbenchSuite } from '../helpers/workbench-host.js'

const ACCESS = '_themes/acces-information.md'

const suite = workbenchSuite()

/** Types at the end of the page's second paragraph. */
async function typeInPage(page: Page, words: string): Promise<void> {
  await page.locator('.page-text p').nth(1).click()
  await page.keyboard.press('End')
  await page.keyboard.type(words)
}

describe('an autosave through the test host (Chromium)', () => {
  it('costs one call, pages.save, beside the journal of the pause; the tab and the explorer letter follow', async () => {
    const calls: string[] = []
    await suite.startWorkbench({
      repository: true,
      onCall: (name, phase) => phase || calls.push(name),
    })
    const page = await suite.open()
    await page.locator(`[role="treeitem"][data-path="${ACCESS}"]`).click()
    await page.locator('.page-text p').nth(1).waitFor()
    const saves = () => calls.filter((name) => name === 'pages.save').length

    // A first autosave: whatever opening the page and focusing the window still does is over
    // once the next save arrives.
    await typeInPage(page, ' Première.')
    await expect.poll(saves, { timeout: 10_000 }).toBe(1)
    await expect
      .poll(() =>
        page.locator(`[role="treeitem"][data-path="${ACCESS}"] .change-badge`).textContent(),
      )
      .toMatch(/^M/)
    await expect.poll(() => page.locator('.tab.dirty').count()).toBe(0)

    // The autosave measured: from the keystroke to the next autosave's save, two seconds of
    // quiet later, every call the renderer made reached the host and was counted. The journal
    // writes half a second into each pause (a crash before the autosave finds the text): that is
    // typing's call; the autosave's own is the save, with no re-read, status or discard after it.
    calls.length = 0
    await typeInPage(page, ' Deuxième.')
    await page.locator('.tab.dirty').waitFor()
    await expect.poll(saves, { timeout: 10_000 }).toBe(1)
    await expect.poll(() => page.locator('.tab.dirty').count()).toBe(0)
    await typeInPage(page, ' Troisième.')
    await expect.poll(saves, { timeout: 10_000 }).toBe(2)
    const second = calls.lastIndexOf('pages.save')
    // « Problèmes » checks the open page as typed, once per pause (a read, no write): typing's
    // call too, counted apart so that the save's own calls stay exactly these.
    const typed = calls.slice(0, second)
    expect(typed.filter((name) => name === 'checks.page').length).toBeLessThanOrEqual(2)
    expect(typed.filter((name) => name !== 'checks.page')).toEqual([
      'journal.record',
      'pages.save',
      'journal.record',
    ])
  })
})
