import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { audit, blocking } from '../helpers/axe.js'
import { waitForFileText } from '../helpers/wait-for-file.js'
import { SCREENSHOTS, workbenchSuite } from '../helpers/workbench-host.js'

/**
 * A page of about 200 KB: the browser skips laying out its blocks out of view
 * (`content-visibility: auto`), and the caret, the selection, « Rechercher » with its
 * reveal of the words found, and screen readers still reach all of it.
 */
const suite = workbenchSuite()
const FILE = '_cas_pratiques/tres-longue.md'
const SECTIONS = 300

function longPage(): string {
  let text = '---\ntitle: Une très longue page\n---\n\n'
  for (let section = 1; section <= SECTIONS; section++) {
    text += `## Partie ${section}\n\n`
    text += `${'Un paragraphe de la partie, assez long pour ressembler à une vraie page. '.repeat(6)}\n\n`
    text += `- Premier point ${section}\n- Second point ${section}\n\n`
  }
  return `${text}Le dernier mot est Zanzibar.\n`
}

/** The selection's text, and whether it shows in the window. */
const selection = (p: Page) =>
  p.evaluate(() => {
    const chosen = window.getSelection()
    const box = chosen?.rangeCount ? chosen.getRangeAt(0).getBoundingClientRect() : null
    return {
      text: chosen?.toString() ?? '',
      inView: !!box && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight,
    }
  })

/** Counts, from now on, the blocks taken out of the editor's text (as it is built again). */
const countRemovedBlocks = (p: Page) =>
  p.evaluate(() => {
    const counted = window as unknown as { removedBlocks: number }
    counted.removedBlocks = 0
    new MutationObserver((records) => {
      for (const record of records)
        if ((record.target as Element).classList?.contains('page-text'))
          counted.removedBlocks += record.removedNodes.length
    }).observe(document.body, { childList: true, subtree: true })
  })
const removedBlocks = (p: Page) =>
  p.evaluate(() => (window as unknown as { removedBlocks: number }).removedBlocks)

describe('a long page', () => {
  it('builds its text once on opening, its source blocks drawn, and not again on closing', async () => {
    const { root } = await suite.startWorkbench()
    const text = longPage().replace(
      '---\n\n## Partie 1\n',
      '---\n\n{% include note.html %}\n\n## Partie 1\n',
    )
    await writeFile(path.join(root, FILE), text)
    const p = await suite.open()
    await countRemovedBlocks(p)
    await p.locator(`[role="treeitem"][data-path="${FILE}"]`).click()
    await p.locator('.page-text h2').first().waitFor({ timeout: 30_000 })
    // The block React draws inside the text is there, without the text being built again.
    await expect.poll(() => p.locator('.source-block-label').allTextContents()).toEqual(['Liquid'])
    expect(await p.locator('.page-text > :last-child').textContent()).toContain('Zanzibar')
    expect(await removedBlocks(p)).toBe(0)

    await p.locator('[role="tab"] .tab-close').first().click()
    await p.locator('.page-text').waitFor({ state: 'detached' })
    expect(await removedBlocks(p)).toBe(0)
  })

  it('skips its blocks out of view, and still finds, reveals, selects and edits at its end', async () => {
    const { root } = await suite.startWorkbench()
    await writeFile(path.join(root, FILE), longPage())
    const p = await suite.open()
    await p.locator(`[role="treeitem"][data-path="${FILE}"]`).click()
    await p.locator('.page-text h2').first().waitFor({ timeout: 30_000 })
    const skipped = await p.evaluate(
      () => getComputedStyle(document.querySelector('.page-text > :last-child')!).contentVisibility,
    )
    expect(skipped).toBe('auto')

    // « Rechercher » opens the page at the word, selected and scrolled into view.
    await p.keyboard.press('Control+Shift+F')
    await p.getByRole('searchbox', { name: 'Rechercher' }).fill('zanzibar')
    await p.locator(`.search-page[data-path="${FILE}"] .search-match`).click()
    await expect.poll(async () => (await selection(p)).text).toBe('Zanzibar')
    await expect.poll(async () => (await selection(p)).inView).toBe(true)
    await p.screenshot({ path: path.join(SCREENSHOTS, 'long-page-revealed.png') })

    // Typed over, at its place, and saved.
    await p.keyboard.type('Tombouctou')
    const saved = await waitForFileText(
      path.join(root, FILE),
      (text) => text.endsWith('Le dernier mot est Tombouctou.\n'),
      15_000,
    )
    expect(saved.replace('Tombouctou', 'Zanzibar')).toBe(longPage())

    // Everything selected, from the top to the end, across blocks never drawn.
    await p.keyboard.press('Control+Home')
    await p.keyboard.press('Control+A')
    const all = await selection(p)
    expect(all.text).toContain('Partie 1\n')
    expect(all.text).toContain('Partie 150\n')
    expect(all.text).toContain('Tombouctou')
    await p.keyboard.press('Control+Home')
    expect(blocking(await audit(p, '.page-text'))).toEqual([])
  })
})
