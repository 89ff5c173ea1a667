import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { audit, blocking } from '../helpers/axe.js'
import { SCREENSHOTS, workbenchSuite } from '../helpers/workbench-host.js'

const suite = workbenchSuite()

/** Writes pages into the guide, then opens the workbench once the explorer lists them. */
async function openWith(
  pages: Record<string, string>,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ p: Page; root: string }> {
  const { root } = await suite.startWorkbench()
  await Promise.all(
    Object.entries(pages).map(([file, text]) => writeFile(path.join(root, file), text)),
  )
  const p = await suite.open(colorScheme)
  for (const file of Object.keys(pages)) {
    await p.locator(`[role="treeitem"][data-path="${file}"]`).waitFor()
  }
  return { p, root }
}

async function search(p: Page, query: string): Promise<void> {
  await p.keyboard.press('Control+Shift+F')
  const field = p.getByRole('searchbox', { name: 'Rechercher' })
  await field.fill(query)
}

describe('« Rechercher »', () => {
  it('finds « Égalité » from « egalite », marks it, and opens the page with the words selected', async () => {
    const file = '_themes/egalite-genres.md'
    const { p } = await openWith({
      [file]:
        '---\ntitle: Genres et droits\n---\n\nUn texte.\n\nPour l’Égalité des genres au Bénin.\n',
    })
    await search(p, 'egalite')
    const group = p.locator(`.search-page[data-path="${file}"]`)
    await expect
      .poll(() => group.locator('.search-page-title').textContent())
      .toContain('Genres et droits')
    expect(await group.locator('.search-count').textContent()).toBe('1 résultat')
    const match = group.locator('.search-match')
    expect(await match.locator('mark').textContent()).toBe('Égalité')
    expect(await match.textContent()).toBe('Pour l’Égalité des genres au Bénin.')
    await p.screenshot({ path: path.join(SCREENSHOTS, 'search-results.png') })

    await match.click()
    await p.locator('.page-text').first().waitFor()
    await expect
      .poll(() => p.evaluate(() => window.getSelection()?.toString() ?? ''))
      .toBe('Égalité')
  })

  it('replaces across two pages after a preview, on disk, and the search finds the new word', async () => {
    const [first, second] = ['_themes/kpalime-un.md', '_themes/kpalime-deux.md']
    const { p, root } = await openWith({
      [first]: '---\ntitle: Kpalimé, premier\n---\n\nLa ville de Kpalimé.\n',
      [second]: '---\ntitle: Second\n---\n\nDe KPALIME à Lomé.\n',
    })
    await search(p, 'kpalime')
    await expect.poll(() => p.locator('.search-page').count()).toBe(2)
    const view = p.locator('.search-view')
    await view.getByRole('textbox', { name: 'Remplacer par' }).fill('Atakpamé')
    await view.getByRole('button', { name: 'Aperçu' }).click()
    const preview = view.getByRole('region', { name: 'Aperçu' })
    await expect.poll(() => preview.textContent()).toContain('3 remplacements dans 2 page(s)')
    const changes = preview.locator('.replace-change')
    expect(await changes.count()).toBe(3)
    expect(await preview.locator(`[data-path="${second}"] ins`).textContent()).toBe(
      'De Atakpamé à Lomé.',
    )
    await p.screenshot({ path: path.join(SCREENSHOTS, 'search-replace-preview.png') })
    // The view with its results and preview: no serious or critical accessibility violation.
    expect(blocking(await audit(p, '.side-bar'))).toEqual([])

    await preview.getByRole('button', { name: 'Remplacer partout' }).click()
    await expect
      .poll(() => readFile(path.join(root, second), 'utf8'))
      .toBe('---\ntitle: Second\n---\n\nDe Atakpamé à Lomé.\n')
    expect(await readFile(path.join(root, first), 'utf8')).toBe(
      '---\ntitle: Atakpamé, premier\n---\n\nLa ville de Atakpamé.\n',
    )
    await expect.poll(() => p.locator('.search-done').textContent()).toContain('3 remplacements')
    await expect.poll(() => p.locator('.search-summary').textContent()).toBe('Aucun résultat.')

    await p.getByRole('searchbox', { name: 'Rechercher' }).fill('atakpame')
    await expect.poll(() => p.locator('.search-page').count()).toBe(2)
    expect(await p.locator('.search-match mark').allTextContents()).toEqual([
      'Atakpamé',
      'Atakpamé',
      'Atakpamé',
    ])
  })

  it('leaves Ctrl+P to titles: quick open still finds a page by its title', async () => {
    const file = '_themes/egalite-genres.md'
    const { p } = await openWith(
      { [file]: '---\ntitle: Genres et droits\n---\n\nPour l’Égalité chez les Tamberma.\n' },
      'dark',
    )
    await search(p, 'egalite')
    await p.locator(`.search-page[data-path="${file}"]`).waitFor()
    // In the dark theme too, the results (words marked) are readable by everyone.
    expect(blocking(await audit(p, '.side-bar'))).toEqual([])
    await p.keyboard.press('Control+P')
    const palette = p.locator('.palette').getByRole('combobox')
    await palette.fill('genres et droits')
    await expect
      .poll(() => p.locator('.palette').getByRole('option').first().textContent())
      .toContain('Genres et droits')
    // The body's words are for « Rechercher », not for quick open.
    await palette.fill('Tamberma')
    await expect.poll(() => p.locator('.palette').getByRole('option').count()).toBe(0)
  })
})
