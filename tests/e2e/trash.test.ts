import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { SCREENSHOTS, workbenchSuite } from '../helpers/workbench-host.js'

const ACCESS = '_themes/acces-information.md'
const INNOVATION = '_themes/innovation-ecosystemes.md'
const DRAFT = '_themes/brouillon.md'

const suite = workbenchSuite()

const gitStatus = (root: string) =>
  execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' })

async function showView(p: Page, view: 'explorer' | 'versions'): Promise<void> {
  const button = p.locator(`.activity-item[data-view="${view}"]`)
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click()
}

/** « Supprimer » from the explorer, confirmed. */
async function deleteFromExplorer(p: Page, pagePath: string): Promise<void> {
  await showView(p, 'explorer')
  const item = p.locator(`[role="treeitem"][data-path="${pagePath}"]`)
  await item.focus()
  await p.keyboard.press('Delete')
  const confirm = p.getByRole('dialog', { name: 'Supprimer la page ?' })
  expect(await confirm.textContent()).toContain('corbeille')
  await confirm.getByRole('button', { name: 'Supprimer' }).click()
  await item.waitFor({ state: 'detached' })
}

describe('deleted pages come back', () => {
  it('« Annuler » after deleting a page never saved in a version brings it back intact', async () => {
    const workbench = await suite.startWorkbench({ repository: true })
    const file = path.join(workbench.root, DRAFT)
    const bytes = Buffer.from(
      '---\r\ntitle: Brouillon du Bénin\r\n---\r\nPas encore enregistré é',
      'utf8',
    )
    await writeFile(file, bytes)
    const p = await suite.open()
    await deleteFromExplorer(p, DRAFT)
    expect(existsSync(file)).toBe(false)
    const notice = p.locator('.notice')
    await expect.poll(() => notice.textContent()).toContain('Brouillon du Bénin')
    await notice.getByRole('button', { name: 'Annuler' }).click()
    await expect.poll(() => existsSync(file)).toBe(true)
    expect(await readFile(file)).toEqual(bytes)
    await p.locator(`[role="treeitem"][data-path="${DRAFT}"]`).waitFor()
  })

  it('« Remettre la page » in Versions: from the trash, or from the last version', async () => {
    const workbench = await suite.startWorkbench({ repository: true })
    const { root } = workbench
    const [access, innovation] = await Promise.all(
      [ACCESS, INNOVATION].map((file) => readFile(path.join(root, file))),
    )
    const p = await suite.open()
    await deleteFromExplorer(p, ACCESS)
    // Deleted by another program: not in the trash, only in the last version.
    await rm(path.join(root, INNOVATION))
    await showView(p, 'versions')
    const row = (file: string) => p.locator(`.change-row[data-path="${file}"]`)
    await expect.poll(() => row(ACCESS).textContent()).toMatch(/Thème 1/)
    // Listed by title, even when only the last version has it.
    await expect.poll(() => row(INNOVATION).textContent()).toMatch(/Thème 5/)

    await p.screenshot({ path: path.join(SCREENSHOTS, 'versions-deleted-pages.png') })

    // The row opens the comparison, which offers to put the page back instead of opening it.
    await row(ACCESS).locator('.change-open').click()
    const compare = p.locator(`.compare-view[data-page="${ACCESS}"]`)
    await compare.getByRole('button', { name: 'Remettre la page' }).click()
    await expect.poll(() => existsSync(path.join(root, ACCESS))).toBe(true)
    expect(await readFile(path.join(root, ACCESS))).toEqual(access)

    await row(INNOVATION).getByRole('button', { name: 'Remettre la page' }).click()
    await expect.poll(() => existsSync(path.join(root, INNOVATION))).toBe(true)
    expect(await readFile(path.join(root, INNOVATION))).toEqual(innovation)
    await expect.poll(() => gitStatus(root)).toBe('')
    await expect.poll(() => row(ACCESS).count()).toBe(0)
  })

  it('lists a deleted page never saved in a version under « Pages supprimées », by title', async () => {
    const workbench = await suite.startWorkbench({ repository: true })
    const file = path.join(workbench.root, DRAFT)
    const bytes = Buffer.from('---\ntitle: Brouillon du Togo\n---\nÀ remettre\n', 'utf8')
    await writeFile(file, bytes)
    const p = await suite.open()
    await deleteFromExplorer(p, DRAFT)
    await showView(p, 'versions')
    const deleted = p.getByRole('list', { name: 'Pages supprimées' })
    const row = deleted.locator(`.change-row[data-path="${DRAFT}"]`)
    await expect.poll(() => row.textContent()).toContain('Brouillon du Togo')
    await row.getByRole('button', { name: 'Remettre la page' }).click()
    await expect.poll(() => existsSync(file)).toBe(true)
    expect(await readFile(file)).toEqual(bytes)
    await expect.poll(() => deleted.count()).toBe(0)
  })
})
