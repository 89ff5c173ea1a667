import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { caretAtFirstParagraph, selectCharacters } from '../helpers/editor-caret.js'
import { audit, blocking } from '../helpers/axe.js'
import { SCREENSHOTS, workbenchSuite } from '../helpers/workbench-host.js'

const ACCESS = '_themes/acces-information.md'

const suite = workbenchSuite()

/** The words selected in the page, as the browser holds them. */
const selected = (p: Page) => p.evaluate(() => window.getSelection()?.toString() ?? '')

describe('« Problèmes » checks the open page as it is typed', () => {
  it('lists a {% link %} to a missing page before it is saved; a click selects the link', async () => {
    const workbench = await suite.startWorkbench()
    const file = path.join(workbench.root, ACCESS)
    const before = await readFile(file, 'utf8')
    const p = await suite.open()
    // Autosave off: what « Problèmes » shows can only come from the editor's text.
    await p.locator('.activity-item[data-view="settings"]').click()
    const autosave = p.getByLabel('Enregistrer automatiquement')
    await autosave.click()
    await expect.poll(() => autosave.isChecked()).toBe(false)
    await p.locator('.activity-item[data-view="explorer"]').click()

    await p.locator(`[role="treeitem"][data-path="${ACCESS}"]`).click()
    await caretAtFirstParagraph(p)
    await selectCharacters(p, 8)
    expect(await selected(p)).toBe('Le droit')
    await p.getByRole('button', { name: 'Lien', exact: true }).click()
    await p.getByLabel('Adresse du lien').fill('{% link _themes/absent.md %}')
    await p.getByRole('button', { name: 'Appliquer' }).click()
    await p.keyboard.press('End')
    await expect.poll(() => selected(p)).toBe('')

    // The status bar counts it, and « Problèmes » says it in French, at its line.
    await p.getByTestId('status-problems').click()
    const group = p.locator(`[data-testid="problem-group"][data-path="${ACCESS}"]`)
    const item = group.locator('.problem-item[data-kind="link-tag"]')
    await expect.poll(() => item.textContent(), { timeout: 10_000 }).toContain('_themes/absent.md')
    expect(await item.textContent()).toContain('Jekyll refusera de publier le site')
    expect(await item.textContent()).toContain('ligne 16')
    expect(await item.getAttribute('data-severity')).toBe('error')
    // Nothing was saved.
    expect(await readFile(file, 'utf8')).toBe(before)
    expect(await p.locator('[role="tab"]').first().getAttribute('class')).toContain('dirty')
    await p.screenshot({ path: path.join(SCREENSHOTS, 'problems-checks.png') })
    // The list passes the accessibility audit the other views pass (nothing serious or worse).
    expect(blocking(await audit(p, '.side-bar'))).toEqual([])

    await item.click()
    await expect.poll(() => selected(p)).toBe('Le droit')
  })

  it('drops the problem once the link is fixed in the editor, still unsaved', async () => {
    const workbench = await suite.startWorkbench()
    const file = path.join(workbench.root, ACCESS)
    const before = await readFile(file, 'utf8')
    const p = await suite.open()
    await p.locator('.activity-item[data-view="settings"]').click()
    const autosave = p.getByLabel('Enregistrer automatiquement')
    await autosave.click()
    await expect.poll(() => autosave.isChecked()).toBe(false)
    await p.locator('.activity-item[data-view="explorer"]').click()

    await p.locator(`[role="treeitem"][data-path="${ACCESS}"]`).click()
    await caretAtFirstParagraph(p)
    await selectCharacters(p, 2)
    await p.getByRole('button', { name: 'Lien', exact: true }).click()
    await p.getByLabel('Adresse du lien').fill('/themes/acces-informatio/')
    await p.getByRole('button', { name: 'Appliquer' }).click()
    await p.getByTestId('status-problems').click()
    const item = p.locator(`[data-path="${ACCESS}"] .problem-item[data-kind="page-link"]`)
    await expect
      .poll(() => item.textContent(), { timeout: 10_000 })
      .toContain('« /themes/acces-informatio/ »')
    // The page it was meant to be is offered.
    expect(await item.textContent()).toContain('Vouliez-vous dire « /themes/acces-information/ »')

    await item.click()
    await expect.poll(() => selected(p)).toBe('Le')
    await p.getByRole('button', { name: 'Lien', exact: true }).click()
    await p.getByLabel('Adresse du lien').fill('/themes/plaidoyer-allies/')
    await p.getByRole('button', { name: 'Appliquer' }).click()
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(0)
    expect(await readFile(file, 'utf8')).toBe(before)
  })
})
