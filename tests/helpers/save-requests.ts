import type { Page, Request } from 'playwright-core'

/**
 * Watches a page's `pages.save` calls, so a test that expects a file to stay
 * as it is can wait for a signal rather than for time: every save the page
 * has started is answered (and a page that starts none is checked at once).
 */
export function watchSaves(page: Page): { settled(): Promise<number> } {
  const saves: Request[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/call/pages.save')) saves.push(request)
  })
  return {
    /** Resolves, with the number of saves so far, once each of them has main's answer. */
    async settled() {
      // A key or a timer starts its save in the task that handles it (the request goes out at
      // once): after one more task of the page, any such save has been asked for.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)))
      await Promise.all(saves.map((request) => request.response()))
      return saves.length
    },
  }
}
