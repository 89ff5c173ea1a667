import { cp, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { caretAtFirstParagraph } from '../helpers/editor-caret.js'
import { bundledStarterPlaybook } from '../../src-main/paths.js'
import { workbenchSuite } from '../helpers/workbench-host.js'

const suite = workbenchSuite()
const PAGE = '_themes/acces-information.md'

/** A workbench on the starter with another copy of it among the recent folders; both paths. */
async function twoGuides() {
  const workbench = await suite.startWorkbench()
  const { root } = workbench
  // Another copy of the starter: the same page, byte for byte, at the same path.
  const other = path.join(root, '..', 'autre-guide')
  await cp(bundledStarterPlaybook, other, { recursive: true })
  // Both among the recent folders, which « Réglages » offers to open.
  await workbench.session.open(other)
  await workbench.session.open(root)
  return { root, other, otherText: await readFile(path.join(other, PAGE), 'utf8') }
}

describe('opening another folder', () => {
  it('text typed just before goes to its own guide, never to the same page of the next one', async () => {
    const { root, other, otherText } = await twoGuides()
    const p = await suite.open()

    await p.locator(`[role="treeitem"][data-path="${PAGE}"]`).click()
    await caretAtFirstParagraph(p)
    // Autosave on: the save is still waiting (2 s) when the other folder opens.
    await p.keyboard.type('Juste avant. ')
    await p.locator('.activity-item[data-view="settings"]').click()
    await p.getByRole('button', { name: other }).click()
    await expect.poll(() => p.locator('.status-bar').textContent()).toContain('autre-guide')

    expect(await readFile(path.join(root, PAGE), 'utf8')).toContain('Juste avant. ')
    expect(await readFile(path.join(other, PAGE), 'utf8')).toBe(otherText)
  })

  it('with autosave off, asks about the unsaved pages first, as closing their tabs does', async () => {
    const { root, other, otherText } = await twoGuides()
    const p = await suite.open()
    await p.locator('.activity-item[data-view="settings"]').click()
    const autosave = p.getByLabel('Enregistrer automatiquement')
    await autosave.click()
    await expect.poll(() => autosave.isChecked()).toBe(false)
    await p.locator('.activity-item[data-view="explorer"]').click()
    await p.locator(`[role="treeitem"][data-path="${PAGE}"]`).click()
    await caretAtFirstParagraph(p)
    await p.keyboard.type('Pas encore enregistré. ')
    await expect
      .poll(() => p.locator('[role="tab"]').first().getAttribute('class'))
      .toContain('dirty')

    await p.locator('.activity-item[data-view="settings"]').click()
    const ask = p.getByRole('dialog', { name: /^Enregistrer les modifications de « Thème 1/ })
    await p.getByRole('button', { name: other }).click()
    await ask.getByRole('button', { name: 'Annuler' }).click()
    await ask.waitFor({ state: 'detached' })
    expect(await p.locator('.status-bar').textContent()).toContain('guide')
    expect(await p.locator('.status-bar').textContent()).not.toContain('autre-guide')

    // From « Ouvrir un dossier… »: the question takes the place of its dialog.
    await p.keyboard.press('Control+Shift+P')
    await p.locator('.palette').getByRole('combobox').fill('ouvrir un dossier')
    await p.keyboard.press('Enter')
    await p.getByLabel('Chemin du dossier sur cet ordinateur').fill(other)
    await p.getByRole('dialog').getByRole('button', { name: 'Ouvrir' }).click()
    await ask.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await expect.poll(() => p.locator('.status-bar').textContent()).toContain('autre-guide')
    expect(await readFile(path.join(root, PAGE), 'utf8')).toContain('Pas encore enregistré. ')
    expect(await readFile(path.join(other, PAGE), 'utf8')).toBe(otherText)
    expect(await p.locator('[role="tab"]').count()).toBe(0)
  })
})
