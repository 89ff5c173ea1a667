import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { caretAtFirstParagraph } from '../helpers/editor-caret.js'
import { waitForFileText } from '../helpers/wait-for-file.js'
import { SCREENSHOTS, workbenchSuite } from '../helpers/workbench-host.js'

const ACCESS = '_themes/acces-information.md'
const INNOVATION = '_themes/innovation-ecosystemes.md'

const suite = workbenchSuite()

/** Native git in the temporary guide: what another tool would see. */
function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'core.quotepath=off', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.org',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.org',
    },
  })
}

function fsckPasses(root: string): boolean {
  return spawnSync('git', ['fsck', '--strict'], { cwd: root }).status === 0
}

const subjects = (root: string, ...args: string[]) =>
  git(root, 'log', '--format=%s', ...args)
    .split('\n')
    .filter(Boolean)

/** Opens a page and types at the start of the paragraph after its first heading, then saves. */
async function typeInPage(p: Page, pagePath: string, text: string): Promise<void> {
  await showExplorer(p)
  await p.locator(`[role="treeitem"][data-path="${pagePath}"]`).click()
  await caretAtFirstParagraph(p)
  await p.keyboard.type(text)
  await p.keyboard.press('Control+S')
  await expect
    .poll(() => p.locator('[role="tab"].active').getAttribute('class'))
    .not.toContain('dirty')
}

async function showView(p: Page, view: 'explorer' | 'versions'): Promise<void> {
  const button = p.locator(`.activity-item[data-view="${view}"]`)
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click()
}
const showExplorer = (p: Page) => showView(p, 'explorer')
const showVersions = (p: Page) => showView(p, 'versions')

const changeRow = (p: Page, pagePath: string) => p.locator(`.change-row[data-path="${pagePath}"]`)

async function saveVersion(p: Page, message: string, withKeyboard = false): Promise<void> {
  await showVersions(p)
  await p.getByLabel('Ce que vous avez changé').fill(message)
  if (withKeyboard) {
    await p.getByLabel('Ce que vous avez changé').press('Control+Enter')
  } else {
    await p.getByRole('button', { name: 'Enregistrer une version' }).click()
  }
}

async function expectNotice(p: Page, text: string | RegExp): Promise<void> {
  await expect.poll(() => p.locator('.notice').textContent()).toMatch(text)
}

/** The status bar's contribution item, then a choice in its quick pick. */
async function pickContribution(p: Page, ...labels: string[]): Promise<void> {
  await p.getByTestId('status-branch').click()
  const picker = p.getByRole('dialog', { name: 'Contributions' })
  for (const label of labels) {
    await picker.getByRole('option', { name: new RegExp(`^\\s*${label}(\\s|$)`) }).click()
  }
}

const branchLabel = (p: Page) => p.getByTestId('status-branch').textContent()

describe('the Versions view in Chromium through the test host', () => {
  it('saves, restores, branches and merges versions that native git reads', async () => {
    const workbench = await suite.startWorkbench({ repository: true })
    const { root } = workbench
    const p = await suite.open()
    const accessFile = path.join(root, ACCESS)
    const original = await readFile(accessFile, 'utf8')

    // An edit shows up as « M » in the Versions view and in the explorer.
    await typeInPage(p, ACCESS, 'Ajout du test. ')
    await waitForFileText(accessFile, (text) => text.includes('Ajout du test. '))
    await expect
      .poll(() => p.locator(`[role="treeitem"][data-path="${ACCESS}"] .change-badge`).textContent())
      .toMatch(/^M/)
    await showVersions(p)
    await expect
      .poll(() => changeRow(p, ACCESS).locator('.change-badge').textContent())
      .toMatch(/^M/)
    expect(await changeRow(p, ACCESS).locator('.change-open').getAttribute('title')).toBe(ACCESS)
    expect(await changeRow(p, ACCESS).textContent()).toContain('Thème 1')

    // An empty message is refused.
    await p.getByRole('button', { name: 'Enregistrer une version' }).click()
    await expectNotice(p, 'Écrivez en quelques mots ce que vous avez changé.')

    // The first version asks who is saving it.
    await saveVersion(p, 'Accès à l’information : une phrase ajoutée')
    const who = p.getByRole('dialog', { name: 'Qui êtes-vous ?' })
    await who.getByLabel('Votre nom').fill('Aminata Diallo')
    await who.getByLabel('Votre adresse e-mail').fill('aminata@example.org')
    await who.getByRole('button', { name: 'Continuer' }).click()
    await expectNotice(p, 'Version enregistrée.')
    await changeRow(p, ACCESS).waitFor({ state: 'detached' })
    expect(await p.getByLabel('Ce que vous avez changé').inputValue()).toBe('')
    await expect
      .poll(() => p.locator('.history-entry .history-message').first().textContent())
      .toBe('Accès à l’information : une phrase ajoutée')
    expect(await p.getByRole('button', { name: 'Changer mon nom (Aminata Diallo)' }).count()).toBe(
      1,
    )
    expect(subjects(root)).toEqual([
      'Accès à l’information : une phrase ajoutée',
      'Première version',
    ])
    expect(git(root, 'log', '-1', '--format=%an <%ae>').trim()).toBe(
      'Aminata Diallo <aminata@example.org>',
    )
    expect(git(root, 'status', '--porcelain').trim()).toBe('')
    expect(fsckPasses(root)).toBe(true)

    // The page's history: compare the first version with the page, then put it back.
    await p.getByRole('button', { name: 'Historique de cette page' }).click()
    await expect.poll(() => p.locator('.history-entry').count()).toBe(2)
    const first = p.locator('.history-entry').nth(1)
    await first.getByRole('button', { name: 'Voir les différences' }).click()
    const compare = p.locator('.compare-view')
    await expect
      .poll(() => compare.locator('.diff-line.added').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Ajout du test.')]))
    expect(await p.locator('[role="tab"].active .tab-title').textContent()).toMatch(
      /^Thème 1.* : différences$/,
    )
    await p.screenshot({ path: path.join(SCREENSHOTS, 'versions-compare-light.png') })
    await compare.getByRole('button', { name: 'À la suite' }).click()
    await expect
      .poll(() => compare.locator('.inline-diff .diff-line.removed').count())
      .toBeGreaterThan(0)
    // The same comparison as it will be published, as « Relecture » shows it.
    await compare.getByRole('button', { name: 'Page publiée' }).click()
    await expect
      .poll(() =>
        p.frameLocator('.compare-view iframe.review-frame').locator('ins').first().textContent(),
      )
      .toContain('Ajout du test.')
    // Side by side, as in « Relecture »: the version before, then the page now.
    await compare
      .getByRole('group', { name: 'Page publiée' })
      .getByRole('button', { name: 'Côte à côte' })
      .click()
    const sides = compare.locator('.review-sides iframe.review-frame')
    await expect.poll(() => sides.count()).toBe(2)
    await expect
      .poll(() =>
        p.frameLocator('.compare-view .review-sides iframe >> nth=1').locator('body').textContent(),
      )
      .toContain('Ajout du test.')
    expect(
      await p
        .frameLocator('.compare-view .review-sides iframe >> nth=0')
        .locator('body')
        .textContent(),
    ).not.toContain('Ajout du test.')
    await p.screenshot({ path: path.join(SCREENSHOTS, 'versions-published-sides.png') })
    await compare.getByRole('button', { name: 'Ouvrir la page' }).click()

    await first.getByRole('button', { name: 'Remettre cette version' }).click()
    const confirm = p.getByRole('dialog', { name: 'Remettre cette version' })
    expect(await confirm.textContent()).toContain('Thème 1')
    await confirm.getByRole('button', { name: 'Remettre cette version' }).click()
    await expectNotice(p, /La page est revenue à cette version/)
    await waitForFileText(accessFile, (text) => text === original)
    await expect
      .poll(() => changeRow(p, ACCESS).locator('.change-badge').textContent())
      .toMatch(/^M/)
    // The open page follows the file on disk.
    await expect.poll(() => p.locator('.page-text').textContent()).not.toContain('Ajout du test.')
    await saveVersion(p, 'Accès à l’information : retour à la première version', true)
    await expectNotice(p, 'Version enregistrée.')
    await changeRow(p, ACCESS).waitFor({ state: 'detached' })

    // A contribution « aminata », with a version of its own.
    await pickContribution(p, 'Nouvelle contribution…')
    await p.getByPlaceholder('Nom de la contribution (par exemple votre prénom)').fill('aminata')
    await p.keyboard.press('Enter')
    await expect.poll(() => branchLabel(p)).toBe('Contribution : aminata')
    await expectNotice(p, 'Vous travaillez maintenant dans « aminata ».')
    expect(git(root, 'branch', '--show-current').trim()).toBe('aminata')

    const innovationFile = path.join(root, INNOVATION)
    await typeInPage(p, INNOVATION, 'Version d’Aminata. ')
    await waitForFileText(innovationFile, (text) => text.includes('Version d’Aminata. '))
    await showVersions(p)
    await changeRow(p, INNOVATION).waitFor()
    await saveVersion(p, 'Innovation : la phrase d’Aminata')
    await expectNotice(p, 'Version enregistrée.')
    await changeRow(p, INNOVATION).waitFor({ state: 'detached' })

    // Back to main: the page on disk and in its open tab lose the sentence.
    await pickContribution(p, 'main', 'Passer à cette contribution')
    await expect.poll(() => branchLabel(p)).toBe('Contribution : main')
    await waitForFileText(innovationFile, (text) => !text.includes('Version d’Aminata'))
    await expect
      .poll(() => p.locator('.page-text').textContent())
      .not.toContain('Version d’Aminata')

    // Merging « aminata » just moves main forward.
    await pickContribution(p, 'aminata', 'Fusionner dans la contribution actuelle')
    await expectNotice(
      p,
      /« aminata » a été fusionnée \(ses versions suivent simplement les vôtres\)/,
    )
    await waitForFileText(innovationFile, (text) => text.includes('Version d’Aminata. '))
    await expect.poll(() => p.locator('.page-text').textContent()).toContain('Version d’Aminata')
    expect(git(root, 'branch', '--show-current').trim()).toBe('main')
    expect(subjects(root, 'main')[0]).toBe('Innovation : la phrase d’Aminata')
    expect(git(root, 'log', '--merges', '--format=%s').trim()).toBe('')
    expect(git(root, 'status', '--porcelain').trim()).toBe('')
    expect(fsckPasses(root)).toBe(true)

    // Merged, it can be deleted.
    await pickContribution(p, 'aminata', 'Supprimer')
    await expectNotice(p, 'Contribution « aminata » supprimée.')
    expect(git(root, 'branch', '--list', 'aminata').trim()).toBe('')
  }, 120_000)

  it('settles a conflicting merge with « Garder ma version » and saves the merge', async () => {
    const workbench = await suite.startWorkbench({
      repository: true,
      author: { name: 'Kofi Mensah', email: 'kofi@example.org' },
    })
    const { root } = workbench
    const file = path.join(root, ACCESS)
    const original = await readFile(file, 'utf8')
    const line = original.split('\n').find((text) => text.startsWith('Le droit d'))!
    // Both contributions change the same line, with native git.
    git(root, 'switch', '-c', 'aminata')
    await writeFile(file, original.replace(line, `Version d’Aminata. ${line}`))
    git(root, 'commit', '-am', 'Accès : la version d’Aminata')
    git(root, 'switch', 'main')
    const mine = original.replace(line, `Version de Kofi. ${line}`)
    await writeFile(file, mine)
    git(root, 'commit', '-am', 'Accès : la version de Kofi')

    const p = await suite.open()
    await pickContribution(p, 'aminata', 'Fusionner dans la contribution actuelle')
    const panel = p.getByRole('region', { name: 'Fusion de « aminata » : pages en conflit' })
    await panel.waitFor()
    expect(await panel.locator(`.conflict-row[data-path="${ACCESS}"]`).textContent()).toContain(
      'Thème 1',
    )
    await p.screenshot({ path: path.join(SCREENSHOTS, 'versions-conflict-light.png') })

    await panel.getByRole('button', { name: 'Corriger le texte fusionné' }).click()
    const merged = p.getByRole('dialog', { name: 'Corriger le texte fusionné' })
    await expect.poll(() => merged.locator('textarea').inputValue()).toContain('<<<<<<<')
    await merged.getByRole('button', { name: 'Annuler' }).click()

    await panel.getByRole('button', { name: 'Garder ma version' }).click()
    await expectNotice(p, /Conflit réglé pour « Thème 1/)
    await expect
      .poll(() => panel.textContent())
      .toContain('Tous les conflits sont réglés : enregistrez une version pour terminer la fusion.')
    expect(await readFile(file, 'utf8')).toBe(mine)

    await saveVersion(p, 'Fusion de la contribution d’Aminata')
    await expectNotice(p, 'Version enregistrée.')
    await panel.waitFor({ state: 'detached' })
    expect(git(root, 'log', '--merges', '--format=%s').trim().split('\n')).toEqual([
      'Fusion de la contribution d’Aminata',
    ])
    expect(git(root, 'status', '--porcelain').trim()).toBe('')
    expect(await readFile(file, 'utf8')).toBe(mine)
    expect(fsckPasses(root)).toBe(true)
  }, 120_000)

  it('starts the history of a folder that has none, asking for the author first', async () => {
    const workbench = await suite.startWorkbench()
    const { root } = workbench
    const p = await suite.open()
    await showVersions(p)
    await p.getByText('Ce dossier n’a pas encore d’historique des versions.').waitFor()
    await p.getByRole('button', { name: 'Commencer l’historique des versions' }).click()
    const who = p.getByRole('dialog', { name: 'Qui êtes-vous ?' })
    await who.getByLabel('Votre nom').fill('Kofi Mensah')
    await who.getByRole('button', { name: 'Continuer' }).click()
    await expect
      .poll(() => p.locator('.history-entry .history-message').allTextContents())
      .toEqual(['Première version du guide'])
    expect(subjects(root)).toEqual(['Première version du guide'])
    expect(await branchLabel(p)).toBe('Contribution : main')
    expect(fsckPasses(root)).toBe(true)
  })

  it('offers to unlock a history left locked by an interrupted operation', async () => {
    const workbench = await suite.startWorkbench({ repository: true })
    const lock = path.join(workbench.root, '.git/index.lock')
    await writeFile(lock, '')
    const p = await suite.open()
    await showVersions(p)
    const alert = p.getByRole('alert').filter({ hasText: 'Opération interrompue' })
    await alert.getByRole('button', { name: 'Débloquer' }).click()
    await expectNotice(p, 'Historique débloqué.')
    await alert.waitFor({ state: 'detached' })
    expect(existsSync(lock)).toBe(false)
  })

  it('saves screenshots of the Versions view in light and dark', async () => {
    const workbench = await suite.startWorkbench({
      repository: true,
      author: { name: 'Kofi Mensah', email: 'kofi@example.org' },
    })
    const file = path.join(workbench.root, ACCESS)
    const text = await readFile(file, 'utf8')
    const line = text.split('\n').find((candidate) => candidate.startsWith('Le droit d'))!
    await writeFile(file, text.replace(line, `Ajout. ${line}`).replace('order: 1', 'order: 2'))
    for (const scheme of ['light', 'dark'] as const) {
      const shot = await suite.open(scheme)
      await shot.locator(`[role="treeitem"][data-path="${ACCESS}"]`).click()
      await shot.locator(`[role="treeitem"][data-path="${ACCESS}"] .change-badge`).waitFor()
      await shot.screenshot({ path: path.join(SCREENSHOTS, `versions-explorer-${scheme}.png`) })
      await showVersions(shot)
      await changeRow(shot, ACCESS).waitFor()
      await shot.getByLabel('Ce que vous avez changé').fill('Accès : une phrase ajoutée')
      await shot.screenshot({ path: path.join(SCREENSHOTS, `versions-view-${scheme}.png`) })
      await changeRow(shot, ACCESS).hover()
      await changeRow(shot, ACCESS)
        .getByRole('button', { name: /Voir les différences/ })
        .click()
      await shot.locator('.compare-view .diff-line.added').first().waitFor()
      await shot.screenshot({ path: path.join(SCREENSHOTS, `versions-diff-${scheme}.png`) })
      if (scheme === 'light') {
        await shot.getByTestId('status-branch').click()
      } else {
        // The same quick pick from the palette.
        await shot.keyboard.press('Control+Shift+P')
        await shot.keyboard.type('Changer de contribution')
        await shot.keyboard.press('Enter')
      }
      const picker = shot.getByRole('dialog', { name: 'Contributions' })
      await picker.getByRole('option').first().waitFor()
      await shot.screenshot({
        path: path.join(SCREENSHOTS, `versions-contributions-${scheme}.png`),
      })
      await shot.keyboard.press('Escape')
      await picker.waitFor({ state: 'detached' })
      if (scheme === 'dark') {
        // English works too (the setting is kept: last thing this test does).
        await shot.getByTestId('status-language').click()
        await shot.getByText('Changes (1)').waitFor()
        await shot.getByRole('button', { name: 'Save a version' }).waitFor()
        await shot.screenshot({ path: path.join(SCREENSHOTS, 'versions-view-en-dark.png') })
      }
      await shot.close()
    }
  }, 120_000)
})
