import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PAGE_TEXT_LIMIT } from '../../src-shared/api/size-limits.js'
import { workbenchSuite } from '../helpers/workbench-host.js'

const PAGE = 'tres-longue.md'

const suite = workbenchSuite()

/** A page of exactly `bytes` bytes: plain paragraphs of ASCII words, so one character is one byte. */
function pageOf(bytes: number): string {
  const head = '---\ntitle: Très longue\n---\n'
  const paragraph = `${'mot '.repeat(499)}fin.\n\n`
  let body = ''
  const room = bytes - Buffer.byteLength(head)
  while (body.length + paragraph.length <= room) body += paragraph
  return head + body + 'x'.repeat(room - body.length)
}

describe('a page at the size limit (Chromium)', () => {
  it('opens for editing at the limit, and a save past it is refused in French with the text kept', async () => {
    const workbench = await suite.startWorkbench()
    const file = path.join(workbench.root, PAGE)
    const text = pageOf(PAGE_TEXT_LIMIT)
    await writeFile(file, text)
    const page = await suite.open()
    await page.locator(`[role="treeitem"][data-path="${PAGE}"]`).click()
    const first = page.locator('.page-text p').first()
    await first.waitFor({ timeout: 180_000 })
    await first.click()
    await page.keyboard.press('End')
    await page.keyboard.type('abc')
    await expect.poll(() => page.locator('.tab.dirty').count()).toBe(1)
    await page.keyboard.press('Control+S')
    await expect
      .poll(() => page.locator('.notice').textContent(), { timeout: 30_000 })
      .toContain('Cette page dépasse la taille permise (5 Mo)')
    // Nothing was written, and the editor still has the unsaved text.
    expect(await readFile(file, 'utf8')).toBe(text)
    expect(await page.locator('.tab.dirty').count()).toBe(1)
  }, 240_000)
})
