import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page, Response } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { caretAtFirstParagraph } from '../helpers/editor-caret.js'
import { waitForFileText } from '../helpers/wait-for-file.js'
import { SCREENSHOTS, workbenchSuite } from '../helpers/workbench-host.js'

const PAGE = 'contribuer.md'
const ACCESS = '_themes/acces-information.md'
const TRIALS = 24

const suite = workbenchSuite()

/** The answer main gives to the next `pages.save` call: the signal that the save is over. */
function nextSaveAnswer(page: Page): Promise<Response> {
  return page.waitForResponse((response) => response.url().includes('/api/call/pages.save'))
}

/** What another program writes: the file as it is on disk now, with its own words in the first heading. */
async function writeAsAnotherProgram(file: string, words: string): Promise<string> {
  const theirs = (await readFile(file, 'utf8')).replace(/^## /m, `## ${words} : `)
  await writeFile(file, theirs)
  return theirs
}

describe('saves never overwrite another program’s write (Chromium)', () => {
  it('keeps the other program’s text in every trial, Ctrl+S at once or after the banner; « Recharger » takes it', async () => {
    const page = await suite.start()
    const file = path.join(suite.workbench.root, PAGE)
    await page.locator(`[role="treeitem"][data-path="${PAGE}"]`).click()
    const banner = page.locator('.conflict')
    const refusals: string[] = []
    for (let trial = 1; trial <= TRIALS; trial++) {
      await caretAtFirstParagraph(page)
      await page.keyboard.type(`Ma phrase ${trial}. `)
      const theirs = await writeAsAnotherProgram(file, `Autre programme ${trial}`)
      const answer = nextSaveAnswer(page)
      // Half the trials save before the watcher can tell the editor, half once the banner is up.
      if (trial % 2 === 0) await banner.waitFor({ timeout: 3000 })
      await page.keyboard.press('Control+S')
      refusals.push(await (await answer).text())
      expect(await readFile(file, 'utf8')).toBe(theirs)
      await banner.waitFor({ timeout: 3000 })
      for (const choice of ['Recharger', 'Garder ma version dans une copie', 'Comparer'])
        expect(await banner.getByRole('button', { name: choice, exact: true }).count()).toBe(1)
      if (trial === 1) {
        await page.screenshot({ path: path.join(SCREENSHOTS, 'conflict-banner.png') })
        await banner.getByRole('button', { name: 'Comparer', exact: true }).click()
        // Both texts, side by side: the other program's on the left, the editor's on the right.
        const disk = page.locator('.compare-panel .diff-row > span:first-child')
        const mine = page.locator('.compare-panel .diff-row > span:last-child')
        expect((await disk.allTextContents()).join('\n')).toContain('## Autre programme 1')
        expect((await mine.allTextContents()).join('\n')).toContain('Ma phrase 1.')
        expect((await mine.allTextContents()).join('\n')).not.toContain('Autre programme 1')
        await page.screenshot({ path: path.join(SCREENSHOTS, 'conflict-compare.png') })
      }
      await banner.getByRole('button', { name: 'Recharger', exact: true }).click()
      await expect
        .poll(() => page.locator('.page-text h2').first().textContent())
        .toContain(`Autre programme ${trial}`)
      expect(await banner.count()).toBe(0)
      expect(await page.locator('.page-text').textContent()).not.toContain(`Ma phrase ${trial}.`)
      expect(await readFile(file, 'utf8')).toBe(theirs)
    }
    // Every save was refused by main, not merely held back by the banner.
    expect(refusals.filter((text) => text.includes('changed-on-disk'))).toHaveLength(TRIALS)
  })

  it('« Garder ma version dans une copie » writes the editor’s text beside the page, over nothing', async () => {
    const page = await suite.start()
    const root = suite.workbench.root
    const file = path.join(root, PAGE)
    // A copy of that name exists already: it must be left alone too.
    await writeFile(path.join(root, 'contribuer (ma version).md'), 'Une copie plus ancienne.\n')
    await page.locator(`[role="treeitem"][data-path="${PAGE}"]`).click()
    await caretAtFirstParagraph(page)
    await page.keyboard.type('Ma version à garder. ')
    const theirs = await writeAsAnotherProgram(file, 'Autre programme')
    const answer = nextSaveAnswer(page)
    await page.keyboard.press('Control+S')
    await answer
    const banner = page.locator('.conflict')
    await banner.getByRole('button', { name: 'Garder ma version dans une copie' }).click()
    const copy = path.join(root, 'contribuer (ma version 2).md')
    const mine = await waitForFileText(copy, (text) => text.includes('Ma version à garder.'))
    expect(mine).not.toContain('Autre programme')
    expect(await readFile(file, 'utf8')).toBe(theirs)
    expect(await readFile(path.join(root, 'contribuer (ma version).md'), 'utf8')).toBe(
      'Une copie plus ancienne.\n',
    )
    // The editor now shows the other program's text, with nothing left to save over it.
    await expect
      .poll(() => page.locator('.page-text h2').first().textContent())
      .toContain('Autre programme')
    expect(await banner.count()).toBe(0)
    await expect
      .poll(() => page.locator('.notice').textContent())
      .toContain('contribuer (ma version 2).md')
    await page.screenshot({ path: path.join(SCREENSHOTS, 'conflict-copy-saved.png') })
    expect((await readdir(root)).filter((name) => name.endsWith('.atelier-tmp'))).toEqual([])
  })

  it('closing the tab keeps the unsaved text in a copy, never over the other program’s write', async () => {
    const page = await suite.start()
    const root = suite.workbench.root
    const file = path.join(root, PAGE)
    const tab = page.locator('[role="tablist"] [role="tab"]')
    // Closed at once (the save is refused as the editor goes), then once the banner is up.
    for (const [index, waitForBanner] of [false, true].entries()) {
      await page.locator(`[role="treeitem"][data-path="${PAGE}"]`).click()
      await caretAtFirstParagraph(page)
      await page.keyboard.type(`Tapé avant de fermer ${index + 1}. `)
      const theirs = await writeAsAnotherProgram(file, `Autre programme ${index + 1}`)
      if (waitForBanner) await page.locator('.conflict').waitFor({ timeout: 3000 })
      await tab.first().click({ button: 'middle' })
      await expect.poll(() => tab.count()).toBe(0)
      const copy = path.join(
        root,
        index === 0 ? 'contribuer (ma version).md' : 'contribuer (ma version 2).md',
      )
      const mine = await waitForFileText(copy, (text) =>
        text.includes(`Tapé avant de fermer ${index + 1}.`),
      )
      expect(mine).not.toContain(`Autre programme ${index + 1}`)
      expect(await readFile(file, 'utf8')).toBe(theirs)
    }
  })

  it('restores text kept after a crash into a copy when another program changed the page since', async () => {
    const page = await suite.start()
    const root = suite.workbench.root
    const file = path.join(root, ACCESS)
    await page.locator(`[role="treeitem"][data-path="${ACCESS}"]`).click()
    await caretAtFirstParagraph(page)
    const journaled = page.waitForResponse((response) =>
      response.url().includes('/api/call/journal.record'),
    )
    await page.keyboard.type('Écrit avant la panne. ')
    await journaled
    await page.close({ runBeforeUnload: false })
    const theirs = await writeAsAnotherProgram(file, 'Autre programme')

    const reopened = await suite.open()
    const dialog = reopened.getByRole('dialog', { name: 'Modifications retrouvées' })
    await dialog.getByRole('button', { name: 'Rétablir mes modifications' }).click()
    const copy = path.join(root, '_themes/acces-information (ma version).md')
    const mine = await waitForFileText(copy, (text) => text.includes('Écrit avant la panne.'))
    expect(mine).not.toContain('Autre programme')
    expect(await readFile(file, 'utf8')).toBe(theirs)
    await expect
      .poll(() => reopened.locator('.notice').textContent())
      .toContain('acces-information (ma version).md')
  })
})
