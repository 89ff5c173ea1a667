import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  CHROMIUM_ARGS,
  openWorkbench,
  SCREENSHOTS,
  workbenchSuite,
} from '../helpers/workbench-host.js'

/**
 * Pages written to break the editor — nested 10,000 levels deep, or made of
 * openers a naive parser rescans from each — open in their tab like any page,
 * and the rest of the workbench keeps working.
 */
const suite = workbenchSuite()

const page = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`

/** Clicks a page in the explorer and waits for its tab to show the editor or a message. */
async function openFromExplorer(p: Page, pagePath: string): Promise<void> {
  await p.locator(`[role="treeitem"][data-path="${pagePath}"]`).click()
  await p
    .locator(`[role="tab"][data-path="${pagePath}"][aria-selected="true"]`)
    .waitFor({ timeout: 5000 })
  await p.locator('.tab-panel .page-text, .tab-panel .page-cannot-show').first().waitFor({
    timeout: 10_000,
  })
}

describe('hostile pages in the editor', () => {
  it('a 10,000-level list or quote and a page of 50,000 brackets open, and the workbench goes on', async () => {
    const workbench = await suite.startWorkbench()
    await writeFile(
      path.join(workbench.root, 'liste-profonde.md'),
      page('Liste profonde', '- '.repeat(10_000) + 'tout au fond'),
    )
    await writeFile(
      path.join(workbench.root, 'citation-profonde.md'),
      page('Citation profonde', '> '.repeat(10_000) + 'tout au fond'),
    )
    await writeFile(
      path.join(workbench.root, 'crochets.md'),
      page('Crochets', '['.repeat(50_000) + '\n\n' + '*a '.repeat(20_000)),
    )
    const p = await suite.open()
    const errors: string[] = []
    p.on('pageerror', (error) => errors.push(error.message))

    for (const [pagePath, title] of [
      ['liste-profonde.md', 'Liste profonde'],
      ['citation-profonde.md', 'Citation profonde'],
    ] as const) {
      await p.locator(`[role="treeitem"][data-path="${pagePath}"]`).waitFor({ timeout: 10_000 })
      await openFromExplorer(p, pagePath)
      await expect.poll(() => p.locator('.tab-panel h1').textContent()).toBe(title)
      // Past the nesting limit, the rest is one block of source holding the exact text.
      const deep = p.locator('.tab-panel .source-block[data-kind="deep"] textarea')
      await expect.poll(() => deep.count()).toBe(1)
      expect(await deep.inputValue()).toMatch(/tout au fond$/)
    }
    await p.locator('[role="treeitem"][data-path="crochets.md"]').waitFor({ timeout: 10_000 })
    await openFromExplorer(p, 'crochets.md')
    await expect.poll(() => p.locator('.tab-panel .page-text').textContent()).toContain('[[[[')

    // The explorer still opens another page, whose text shows.
    await openFromExplorer(p, 'contribuer.md')
    await expect
      .poll(() => p.locator('.tab-panel .page-text').textContent(), { timeout: 5000 })
      .toMatch(/\S/)
    await openFromExplorer(p, 'liste-profonde.md')
    await p.screenshot({ path: path.join(SCREENSHOTS, 'hostile-deep-list.png') })
    expect(await p.locator('[role="tree"] [role="treeitem"]').count()).toBeGreaterThan(5)
    expect(await p.locator('[role="tab"]').count()).toBe(4)
    expect(errors).toEqual([])
  })

  it('a page that fails in the editor shows a French message in its tab, its text on demand, and the rest works', async () => {
    const workbench = await suite.startWorkbench()
    // A page at the nesting limit, in a Chromium given a small stack (as a small machine
    // might): drawing it overflows the stack for real, inside the editor.
    await writeFile(
      path.join(workbench.root, 'limite.md'),
      page('Au bord de la limite', '- '.repeat(100) + 'tout au fond'),
    )
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, '--js-flags=--stack-size=120'],
    })
    try {
      const p = await openWorkbench(browser, workbench.host.url)
      await p.locator('[role="treeitem"][data-path="limite.md"]').waitFor({ timeout: 10_000 })
      await openFromExplorer(p, 'limite.md')
      const message = p.locator('.tab-panel .page-cannot-show [role="alert"]')
      await expect
        .poll(() => message.textContent())
        .toContain('Cette page ne peut pas être affichée dans l’éditeur')
      expect(await message.textContent()).toContain('trop de niveaux imbriqués')
      expect(await message.textContent()).not.toMatch(/RangeError|stack/i)

      await p.getByRole('button', { name: 'Afficher le texte de la page (lecture seule)' }).click()
      const text = p.getByRole('textbox', { name: 'Texte de la page, en lecture seule' })
      await expect.poll(() => text.inputValue()).toContain('tout au fond')
      expect(await text.getAttribute('readonly')).not.toBeNull()
      await p.screenshot({ path: path.join(SCREENSHOTS, 'hostile-cannot-show.png') })

      // The explorer and the other pages go on working.
      await openFromExplorer(p, 'contribuer.md')
      await expect
        .poll(() => p.locator('.tab-panel .page-text').textContent(), { timeout: 5000 })
        .toMatch(/\S/)
      expect(await p.locator('[role="tab"]').count()).toBe(2)
    } finally {
      await browser.close()
    }
  })
})
