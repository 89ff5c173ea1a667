import { execFileSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { audit, blocking, countByImpact, impactTable, type Impact } from '../helpers/axe.js'
import { caretAtFirstParagraph } from '../helpers/editor-caret.js'
import { workbenchSuite } from '../helpers/workbench-host.js'

/**
 * axe-core on every main view and dialog of the workbench, in light and dark:
 * no serious or critical violation. Each run prints its counts by impact.
 */
const ACCESS = '_themes/acces-information.md'
const AUTHOR = { name: 'Aminata Diallo', email: 'aminata@example.org' }

const suite = workbenchSuite()

function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=K', '-c', 'user.email=k@example.org', ...args], {
    cwd: root,
    encoding: 'utf8',
  })
}

/** A branch « relecture » with one changed paragraph: a contribution to review. */
async function contributionToReview(root: string): Promise<void> {
  git(root, 'switch', '--quiet', '-c', 'relecture')
  const file = path.join(root, ACCESS)
  const text = await readFile(file, 'utf8')
  await writeFile(file, text.replace(/\n\n([A-ZÀ-Ý])/, '\n\nUne phrase nouvelle. $1'))
  git(root, 'commit', '-qam', 'relecture')
  git(root, 'switch', '--quiet', 'main')
}

async function showView(p: Page, view: 'explorer' | 'versions' | 'review' | 'preview') {
  const button = p.locator(`.activity-item[data-view="${view}"]`)
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click()
}

/** Walks through every view and dialog, auditing each; answers each one's counts and blocking violations. */
async function auditEveryView(p: Page) {
  const rows: [string, Record<Impact, number>][] = []
  const problems: string[] = []
  /** The moderate and minor rules broken somewhere. */
  const rules = new Set<string>()
  const check = async (name: string, include?: string) => {
    const violations = await audit(p, include)
    rows.push([name, countByImpact(violations)])
    problems.push(...blocking(violations).map((line) => `${name}: ${line}`))
    for (const violation of [...violations.moderate, ...violations.minor]) {
      rules.add(violation.id)
      console.log(`${name}: ${violation.impact} ${violation.id} — ${violation.targets.join(', ')}`)
    }
  }
  const dialog = p.getByRole('dialog')

  await check('atelier (accueil)')
  await check('explorateur', '.side-bar')

  await p.keyboard.press('Control+Shift+P')
  await p.getByRole('option').first().waitFor()
  await check('palette de commandes', '.palette')
  await p.keyboard.press('Escape')
  await dialog.waitFor({ state: 'detached' })

  await p.getByRole('button', { name: 'Nouvelle page' }).click()
  await dialog.getByLabel('Où ranger la page ?').selectOption('cas_pratiques')
  await dialog.getByLabel('Pays').waitFor()
  await check('dialogue « Nouvelle page »', '[role="dialog"]')
  await dialog.getByRole('button', { name: 'Annuler' }).click()
  await dialog.waitFor({ state: 'detached' })

  await p.locator(`[role="treeitem"][data-path="${ACCESS}"]`).click({ button: 'right' })
  await p.getByRole('menuitem', { name: 'Renommer' }).click()
  await dialog.getByLabel('Nouveau titre de la page').waitFor()
  await dialog.getByRole('button', { name: 'Voir les modifications' }).click()
  await dialog.getByRole('list', { name: 'Fichiers modifiés par le renommage' }).waitFor()
  await check('dialogue « Renommer »', '[role="dialog"]')
  await dialog.getByRole('button', { name: 'Annuler' }).click()
  await dialog.waitFor({ state: 'detached' })

  await p.locator(`[role="treeitem"][data-path="${ACCESS}"]`).click()
  await caretAtFirstParagraph(p)
  await p.keyboard.type('Ajout pour l’audit. ')
  await p.keyboard.press('Control+S')
  await expect
    .poll(() => p.locator('[role="tab"].active').getAttribute('class'))
    .not.toContain('dirty')
  await check('éditeur', '.editor-area')

  await p.locator('.page-settings summary').click()
  await p.locator('.settings-form').waitFor()
  await check('formulaire des réglages', '.page-settings')
  await p.locator('.page-settings summary').click()

  await p.keyboard.press('Control+K')
  await p.keyboard.press('v')
  await p.locator('.preview-pane iframe').waitFor()
  await check('panneau d’aperçu', '.preview-pane')

  await showView(p, 'preview')
  await p.getByRole('button', { name: 'Exporter le site…' }).click()
  await dialog.getByLabel('Dossier de destination').waitFor()
  await check('dialogue « Exporter »', '[role="dialog"]')
  await dialog.getByRole('button', { name: 'Annuler' }).click()
  await dialog.waitFor({ state: 'detached' })

  await showView(p, 'versions')
  await p.locator(`.change-row[data-path="${ACCESS}"]`).waitFor()
  await check('« Versions »', '.side-bar')

  await p.getByRole('button', { name: 'Historique de cette page' }).click()
  await p.locator('.history-entry').first().waitFor()
  await p
    .locator('.history-entry')
    .first()
    .getByRole('button', { name: 'Voir les différences' })
    .click()
  await p.locator('.compare-view .diff-line.added').first().waitFor()
  await check('onglet de comparaison', '.editor-area')

  await showView(p, 'review')
  const item = p.locator('.review-item[data-branch="relecture"]')
  await item.waitFor()
  await check('« Relecture »', '.side-bar')
  await item.click()
  await expect
    .poll(() => p.frameLocator('.review-frame').locator('ins').first().textContent())
    .toContain('Une phrase nouvelle.')
  await check('onglet de relecture', '.editor-area')

  return { rows, problems, rules }
}

describe('accessibility: axe-core on every view and dialog', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no serious or critical violation (${scheme})`, async () => {
      const workbench = await suite.startWorkbench({ repository: true, author: AUTHOR })
      await contributionToReview(workbench.root)
      const p = await suite.open(scheme)
      const { rows, problems, rules } = await auditEveryView(p)
      console.log(`axe-core, ${scheme}: elements in violation, by impact\n${impactTable(rows)}`)
      expect(problems).toEqual([])
      // The editor area is the window's main landmark: nothing of the welcome page lies outside one.
      // Dialogs hold their forms and the status bar its live regions: no role an element may not take.
      expect(
        [...rules].filter((rule) =>
          ['region', 'landmark-one-main', 'aria-allowed-role'].includes(rule),
        ),
      ).toEqual([])
    })
  }
})

/** Waits until `target` has the focus; fails with what has it instead. */
async function expectFocusOn(p: Page, target: Locator): Promise<void> {
  await expect
    .poll(async () =>
      (await target.evaluate((element) => element === document.activeElement))
        ? 'the opener'
        : await p.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing'),
    )
    .toBe('the opener')
}

/** Waits until no dialog is left. */
async function dialogGone(p: Page): Promise<void> {
  await p.getByRole('dialog').waitFor({ state: 'detached' })
}

describe('focus returns to what opened a dialog when it closes', () => {
  const treeItem = (p: Page) => p.locator(`[role="treeitem"][data-path="${ACCESS}"]`)

  it('the command palette and quick open, closed with Escape', async () => {
    const p = await suite.start()
    await treeItem(p).focus()
    for (const keys of ['Control+Shift+P', 'Control+P']) {
      await p.keyboard.press(keys)
      await p.getByRole('combobox').waitFor()
      await p.keyboard.press('Escape')
      await dialogGone(p)
      await expectFocusOn(p, treeItem(p))
    }
  })

  it('« Nouvelle page », with Escape and with « Annuler »', async () => {
    const p = await suite.start()
    const opener = p.getByRole('button', { name: 'Nouvelle page' })
    for (const close of ['Escape', 'Annuler']) {
      await opener.focus()
      await p.keyboard.press('Enter')
      const dialog = p.getByRole('dialog', { name: /^Nouvelle page/ })
      await dialog.getByLabel('Titre de la page').waitFor()
      if (close === 'Escape') await p.keyboard.press('Escape')
      else await dialog.getByRole('button', { name: 'Annuler' }).click()
      await dialogGone(p)
      await expectFocusOn(p, opener)
    }
  })

  it('« Renommer » and « Supprimer », opened from the explorer with F2, Delete or its menu', async () => {
    const p = await suite.start()
    for (const key of ['F2', 'Delete']) {
      await treeItem(p).focus()
      await p.keyboard.press(key)
      await p.getByRole('dialog').waitFor()
      await p.keyboard.press('Escape')
      await dialogGone(p)
      await expectFocusOn(p, treeItem(p))
    }
    await treeItem(p).click({ button: 'right' })
    await p.getByRole('menuitem', { name: 'Renommer' }).click()
    await p.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click()
    await dialogGone(p)
    await expectFocusOn(p, treeItem(p))
  })

  it('a renamed page keeps the focus; a deleted one leaves it in the explorer', async () => {
    const p = await suite.start()
    await treeItem(p).focus()
    await p.keyboard.press('F2')
    await p.getByLabel('Nouveau titre de la page').fill('Accès')
    // The first Enter lists what will change, the second renames.
    await p.keyboard.press('Enter')
    await p.getByRole('list', { name: 'Fichiers modifiés par le renommage' }).waitFor()
    await p.keyboard.press('Enter')
    await dialogGone(p)
    const renamed = p.locator('[role="treeitem"][data-path="_themes/acces.md"]')
    await expectFocusOn(p, renamed)
    await p.keyboard.press('Delete')
    await p.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click()
    await renamed.waitFor({ state: 'detached' })
    await expectFocusOn(p, p.locator('[role="treeitem"][tabindex="0"]'))
  })

  it('« Exporter le site »', async () => {
    const p = await suite.start()
    await p.locator('.activity-item[data-view="preview"]').click()
    const opener = p.getByRole('button', { name: 'Exporter le site…' })
    await opener.focus()
    await p.keyboard.press('Enter')
    await p.getByRole('dialog', { name: 'Exporter le site' }).waitFor()
    await p.keyboard.press('Escape')
    await dialogGone(p)
    await expectFocusOn(p, opener)
  })

  it('the contribution dialogs of « Relecture » and « Qui êtes-vous ? » of « Versions »', async () => {
    const p = await suite.start({ repository: true, author: AUTHOR })
    await p.locator('.activity-item[data-view="review"]').click()
    for (const name of ['Ouvrir une contribution reçue…', 'Envoyer ma contribution…']) {
      const opener = p.getByRole('button', { name }).first()
      await opener.focus()
      await p.keyboard.press('Enter')
      await p.getByRole('dialog').waitFor()
      await p.keyboard.press('Escape')
      await dialogGone(p)
      await expectFocusOn(p, opener)
    }
    await p.locator('.activity-item[data-view="versions"]').click()
    const author = p.getByRole('button', { name: 'Changer mon nom (Aminata Diallo)' })
    await author.focus()
    await p.keyboard.press('Enter')
    await p.getByRole('dialog', { name: 'Qui êtes-vous ?' }).waitFor()
    await p.keyboard.press('Escape')
    await dialogGone(p)
    await expectFocusOn(p, author)
  })

  it('the link field of Ctrl+K gives the focus back to the text when cancelled', async () => {
    const p = await suite.start()
    await p.locator(`[role="treeitem"][data-path="${ACCESS}"]`).click()
    await caretAtFirstParagraph(p)
    const text = p.locator('.page-text')
    await p.keyboard.press('Control+K')
    await p.getByLabel('Adresse du lien').waitFor()
    await p.keyboard.press('Escape')
    await p.getByLabel('Adresse du lien').waitFor({ state: 'detached' })
    await expectFocusOn(p, text)
  })
})
