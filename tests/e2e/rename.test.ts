import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCREENSHOTS, workbenchSuite } from '../helpers/workbench-host.js'

const THEME = '_themes/acces-information.md'
const RENAMED = '_themes/le-droit-de-savoir.md'
const CASE = '_cas_pratiques/benin-registre-demandes.md'
const LINK = 'Voir aussi le thème {% link _themes/acces-information.md %}.'

const suite = workbenchSuite()

describe('rename with links', () => {
  it('renames a theme by its title, lists the files first, and the case study follows', async () => {
    const workbench = await suite.startWorkbench({ repository: true })
    // The case study also links to its theme in its text (the link the reported bug broke).
    const caseFile = path.join(workbench.root, CASE)
    await writeFile(caseFile, `${await readFile(caseFile, 'utf8')}\n${LINK}\n`)
    const p = await suite.open()
    const item = p.locator(`[role="treeitem"][data-path="${THEME}"]`)
    await item.click()
    await item.focus()
    await p.keyboard.press('F2')
    const dialog = p.getByRole('dialog', { name: 'Renommer la page' })
    await dialog.getByLabel('Nouveau titre de la page').fill('Le droit de savoir')
    await dialog.getByRole('button', { name: 'Voir les modifications' }).click()

    // Every file that will change, with its lines before and after, before anything is written.
    const files = dialog.getByRole('list', { name: 'Fichiers modifiés par le renommage' })
    await files.waitFor()
    expect(
      await files.locator('li').evaluateAll((items) => items.map((li) => li.dataset.path)),
    ).toEqual([THEME, CASE])
    const caseRow = files.locator(`li[data-path="${CASE}"]`)
    expect(await caseRow.locator('del').allTextContents()).toEqual([
      'theme: acces-information # Nom du fichier du thème (sans « .md »)',
      LINK,
    ])
    expect(await caseRow.locator('ins').allTextContents()).toEqual([
      'theme: le-droit-de-savoir # Nom du fichier du thème (sans « .md »)',
      'Voir aussi le thème {% link _themes/le-droit-de-savoir.md %}.',
    ])
    expect(await dialog.textContent()).toContain('« _themes/le-droit-de-savoir.md »')
    expect(existsSync(path.join(workbench.root, RENAMED))).toBe(false)
    await p.screenshot({ path: path.join(SCREENSHOTS, 'rename-with-links.png') })

    await dialog.getByRole('button', { name: 'Renommer' }).click()
    await dialog.waitFor({ state: 'detached' })
    await p.locator(`[role="treeitem"][data-path="${RENAMED}"]`).waitFor()
    expect(existsSync(path.join(workbench.root, THEME))).toBe(false)
    expect(await readFile(path.join(workbench.root, RENAMED), 'utf8')).toMatch(
      /^title: Le droit de savoir # Titre affiché/m,
    )
    const caseText = await readFile(caseFile, 'utf8')
    expect(caseText).toMatch(/^theme: le-droit-de-savoir # Nom du fichier/m)
    expect(caseText).toContain('{% link _themes/le-droit-de-savoir.md %}')
    // The open tab followed its page.
    await expect
      .poll(() => p.locator('[role="tab"][aria-selected="true"]').getAttribute('data-path'))
      .toBe(RENAMED)

    // « Pages qui mènent ici » shows the case study, and opens it.
    const backlinks = p.getByTestId('backlinks')
    await expect
      .poll(() => backlinks.locator('summary').textContent())
      .toBe('Pages qui mènent ici (2)')
    await backlinks.locator('summary').click()
    await backlinks.getByRole('button', { name: /Bénin/ }).first().click()
    await expect
      .poll(() => p.locator('[role="tab"][aria-selected="true"]').getAttribute('data-path'))
      .toBe(CASE)
    // Its form names the theme by its new title.
    await p.locator('.page-settings summary').click()
    expect(await p.locator('[data-field="theme"] option:checked').textContent()).toBe(
      'Le droit de savoir',
    )
  })
})

describe('move with links', () => {
  it('moves a case study to the root from the explorer menu: the links and the tab follow', async () => {
    const workbench = await suite.startWorkbench({ repository: true })
    const home = path.join(workbench.root, 'index.md')
    await writeFile(home, `${await readFile(home, 'utf8')}\nVoir [le Bénin]({% link ${CASE} %}).\n`)
    const p = await suite.open()
    const item = p.locator(`[role="treeitem"][data-path="${CASE}"]`)
    await item.click()
    await item.click({ button: 'right' })
    await p.getByRole('menuitem', { name: 'Déplacer vers un autre dossier…' }).click()
    const dialog = p.getByRole('dialog', { name: 'Déplacer la page' })
    // « Déplacer… » asks for the folder first.
    const folder = dialog.getByLabel('Dossier de la page')
    await expect
      .poll(() => folder.evaluate((element) => element === document.activeElement))
      .toBe(true)
    await folder.selectOption({ label: 'Racine du guide' })
    await dialog.getByRole('button', { name: 'Voir les modifications' }).click()
    const files = dialog.getByRole('list', { name: 'Fichiers modifiés par le renommage' })
    await files.waitFor()
    // The title is kept: so is the file's name.
    const moved = path.basename(CASE)
    expect(
      await files.locator('li').evaluateAll((items) => items.map((li) => li.dataset.path)),
    ).toEqual([CASE, 'index.md'])
    expect(await files.locator('li[data-path="index.md"] ins').allTextContents()).toEqual([
      `Voir [le Bénin]({% link ${moved} %}).`,
    ])
    await p.screenshot({ path: path.join(SCREENSHOTS, 'move-with-links.png') })
    await dialog.getByRole('button', { name: 'Déplacer' }).click()
    await dialog.waitFor({ state: 'detached' })
    await p.locator(`[role="treeitem"][data-path="${moved}"]`).waitFor()
    expect(existsSync(path.join(workbench.root, CASE))).toBe(false)
    expect(await readFile(home, 'utf8')).toContain(`{% link ${moved} %}`)
    await expect
      .poll(() => p.locator('[role="tab"][aria-selected="true"]').getAttribute('data-path'))
      .toBe(moved)
  })
})
