import { execFileSync, spawnSync } from 'node:child_process'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { startWorkbenchIn, type Workbench } from '../helpers/chromium-workbench.js'
import { caretAtFirstParagraph } from '../helpers/editor-caret.js'
import { tempDir } from '../helpers/temp-dir.js'
import { SCREENSHOTS, workbenchSuite } from '../helpers/workbench-host.js'
import { openWorkbench } from '../helpers/workbench-host.js'

/**
 * « Relecture » end to end: two people, a contributor and a reviewer, whose
 * guides share nothing but the files they pass each other. Native git judges
 * every file written and both repositories.
 */
const ACCESS = '_themes/acces-information.md'
const AMINATA = { name: 'Aminata Diallo', email: 'aminata@example.org' }
const KOFI = { name: 'Kofi Mensah', email: 'kofi@example.org' }

const suite = workbenchSuite()

function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'core.quotepath=off', ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

function fsckPasses(root: string): boolean {
  return spawnSync('git', ['fsck', '--strict'], { cwd: root }).status === 0
}

async function showView(p: Page, view: 'explorer' | 'versions' | 'review'): Promise<void> {
  const button = p.locator(`.activity-item[data-view="${view}"]`)
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click()
}

async function expectNotice(p: Page, text: string | RegExp): Promise<void> {
  await expect.poll(() => p.locator('.notice').textContent()).toMatch(text)
}

/** Types at the start of the page's first paragraph, saves, and records a version. */
async function writeAndSaveVersion(p: Page, text: string, message: string): Promise<void> {
  await showView(p, 'explorer')
  await p.locator(`[role="treeitem"][data-path="${ACCESS}"]`).click()
  await caretAtFirstParagraph(p)
  await p.keyboard.type(text)
  await p.keyboard.press('Control+S')
  await expect
    .poll(() => p.locator('[role="tab"].active').getAttribute('class'))
    .not.toContain('dirty')
  await showView(p, 'versions')
  await p.getByLabel('Ce que vous avez changé').fill(message)
  await p.getByRole('button', { name: 'Enregistrer une version' }).click()
  await expectNotice(p, 'Version enregistrée.')
}

/** « Envoyer ma contribution » (or « Renvoyer », from a review tab) to `file`; answers the dialog's report. */
async function sendTo(
  p: Page,
  file: string,
  from: 'view' | 'review-tab' = 'view',
): Promise<string> {
  if (from === 'view') {
    await showView(p, 'review')
    await p.getByRole('button', { name: 'Envoyer ma contribution…' }).click()
  } else {
    await p.getByRole('button', { name: 'Renvoyer…' }).click()
  }
  const dialog = p.getByRole('dialog')
  const field = dialog.getByLabel('Fichier à écrire')
  await expect.poll(() => field.inputValue()).toMatch(/\.bundle$/)
  await field.fill(file)
  await dialog.getByRole('button', { name: 'Écrire le fichier' }).click()
  const report = dialog.getByRole('status')
  await report.waitFor()
  const text = (await report.textContent()) ?? ''
  await dialog.getByRole('button', { name: 'Fermer' }).click()
  return text
}

async function receive(
  p: Page,
  file: string,
  notice: RegExp = /Contribution reçue : recu\/aminata/,
): Promise<void> {
  await showView(p, 'review')
  await p.getByRole('button', { name: 'Ouvrir une contribution reçue…' }).first().click()
  const dialog = p.getByRole('dialog', { name: 'Ouvrir une contribution reçue' })
  await dialog.getByLabel('Fichier reçu').fill(file)
  await dialog.getByRole('button', { name: 'Ouvrir' }).click()
  await expectNotice(p, notice)
}

/** The status bar's contribution item, then « Passer à cette contribution ». */
async function switchTo(p: Page, branch: string): Promise<void> {
  await p.getByTestId('status-branch').click()
  const picker = p.getByRole('dialog', { name: 'Contributions' })
  await picker.getByRole('option', { name: new RegExp(`^\\s*${branch}(\\s|$)`) }).click()
  await picker.getByRole('option', { name: /^\s*Passer à cette contribution/ }).click()
  await expect
    .poll(() => p.getByTestId('status-branch').textContent())
    .toBe(`Contribution : ${branch}`)
}

describe('review offline, in Chromium through two test hosts', () => {
  // Two workbenches and a dozen round trips: a long journey, given room on a busy machine.
  it(
    'goes from writing to approval with nothing but files between two guides',
    { timeout: 180_000 },
    async () => {
      // Kofi's calls, to tell a lost click from a slow answer if a decision shows no notice.
      const kofiCalls: string[] = []
      const kofi = await suite.startWorkbench({
        repository: true,
        author: KOFI,
        onCall: (name, phase) => kofiCalls.push(phase ? `${name}:${phase}` : name),
      })
      const exchange = await tempDir('atelier-exchange-')
      let aminata: Workbench | null = null
      try {
        aminata = await startWorkbenchIn(
          path.join(await tempDir('atelier-e2e-'), 'guide'),
          await tempDir('atelier-e2e-data-'),
          { cloneOf: kofi.root, author: AMINATA },
        )
        git(aminata.root, 'switch', '--quiet', '-c', 'aminata')
        const a = await openWorkbench(suite.browser, aminata.host.url)
        const k = await suite.open()

        // Aminata writes and sends her contribution as a file.
        await writeAndSaveVersion(
          a,
          'Au Sénégal, la loi de 2024 ouvre les budgets. ',
          'Accès : Sénégal',
        )
        const first = path.join(exchange, 'aminata-1.bundle')
        expect(await sendTo(a, first)).toMatch(
          /Fichier écrit : .*aminata-1\.bundle \(\d[\d,]* (octets|Ko)\)/,
        )
        git(kofi.root, 'bundle', 'verify', '--quiet', first)

        // Kofi opens it: a received contribution, never his main line.
        const mainBefore = git(kofi.root, 'rev-parse', 'main')
        await receive(k, first)
        expect(git(kofi.root, 'rev-parse', 'main')).toBe(mainBefore)
        expect(git(kofi.root, 'rev-parse', 'recu/aminata')).toBe(
          git(aminata.root, 'rev-parse', 'aminata'),
        )
        const item = k.locator('.review-item[data-branch="recu/aminata"]')
        await expect.poll(() => item.textContent()).toContain('À relire')

        // The review tab shows the page as published, the added words marked.
        const card = k.locator(`.review-page[data-path="${ACCESS}"]`)
        await card.waitFor()
        const frame = k.frameLocator(`.review-page[data-path="${ACCESS}"] iframe.review-frame`)
        await expect.poll(() => frame.locator('ins').first().textContent()).toContain('Sénégal')
        await k.screenshot({ path: path.join(SCREENSHOTS, 'review-light.png') })

        // He fixes a word himself: a version of his own on her contribution.
        await switchTo(k, 'recu/aminata')
        await writeAndSaveVersion(k, 'En 2024, ', 'Relecture : la date')
        const kofiFix = git(kofi.root, 'rev-parse', 'recu/aminata').trim()
        expect(git(kofi.root, 'log', '-1', '--format=%an', kofiFix).trim()).toBe(KOFI.name)

        // He comments on the first passage and asks for changes, then sends it back.
        await showView(k, 'review')
        await item.click()
        await card.getByLabel('Votre commentaire').fill('Précisez la source de la loi.')
        await card.getByRole('button', { name: 'Commenter' }).click()
        await expect
          .poll(() => card.locator('.comment-text').first().textContent())
          .toBe('Précisez la source de la loi.')
        await expect.poll(() => item.textContent()).toContain('Commentée')
        // The decisions sit above the comment form, scrolled out of view. Scrolled to first, as
        // a reader does: Playwright's own scroll-and-click inside the review's scrolling pane
        // sent the click into the page's frame below (the click never reached main).
        const decision = k.getByRole('button', { name: 'Demander des modifications' })
        await decision.scrollIntoViewIfNeeded()
        await decision.click()
        await expect
          .poll(() => kofiCalls.includes('review.requestChanges'), {
            message: `the click sent no request; last calls: ${kofiCalls.slice(-12).join(', ')}`,
          })
          .toBe(true)
        await expectNotice(k, /Modifications demandées/)
        // The comment and the decision sit on his own version.
        const onFix = git(kofi.root, 'log', '--notes=atelier', '-1', kofiFix)
        expect(onFix).toContain('"decision":"changes-requested"')
        expect(onFix).toContain('Précisez la source de la loi.')
        await expect.poll(() => item.textContent()).toContain('À reprendre')
        const back = path.join(exchange, 'retour.bundle')
        await sendTo(k, back, 'review-tab')
        git(aminata.root, 'bundle', 'verify', '--quiet', back)

        // Aminata opens the return file: her own contribution takes his version in (a
        // fast-forward), and his comment, made on his version, is beside her text.
        await receive(
          a,
          back,
          /corrections et commentaires du relecteur sont dans votre contribution « aminata »/,
        )
        expect(git(aminata.root, 'rev-parse', 'aminata').trim()).toBe(kofiFix)
        expect(git(aminata.root, 'show', `aminata:${ACCESS}`)).toContain('En 2024, ')
        expect(git(aminata.root, 'status', '--porcelain').trim()).toBe('')
        await showView(a, 'explorer')
        await a.locator(`[role="treeitem"][data-path="${ACCESS}"]`).click()
        await expect
          .poll(() => a.locator('.editor-comments .comment-text').first().textContent())
          .toBe('Précisez la source de la loi.')
        // The passage it is on is marked beside the text, with the count still to deal with.
        const marked = a.locator('.page-text > .has-comments.open')
        await expect.poll(() => marked.count()).toBe(1)
        expect(await marked.getAttribute('data-comments')).toBe('1 commentaire · 1 à régler')
        await marked.scrollIntoViewIfNeeded()
        await a.screenshot({ path: path.join(SCREENSHOTS, 'editor-comments.png') })

        // She fixes, saves a version, and sends again.
        await writeAndSaveVersion(a, 'Source : Journal officiel. ', 'Accès : la source')
        const second = path.join(exchange, 'aminata-2.bundle')
        await sendTo(a, second)

        // Kofi opens it (a fast-forward of the received contribution) and approves.
        await receive(k, second)
        expect(git(kofi.root, 'rev-parse', 'recu/aminata')).toBe(
          git(aminata.root, 'rev-parse', 'aminata'),
        )
        await k.getByRole('button', { name: 'Approuver et intégrer' }).click()
        await expectNotice(k, /approuvée et intégrée/)
        // His main line has both fixes: his word and her source.
        expect(git(kofi.root, 'show', `main:${ACCESS}`)).toContain('Source : Journal officiel.')
        expect(git(kofi.root, 'show', `main:${ACCESS}`)).toContain('En 2024, ')
        expect(git(kofi.root, 'status', '--porcelain').trim()).toBe('')
        await expect.poll(() => item.textContent()).toContain('Intégrée')
        expect(fsckPasses(kofi.root)).toBe(true)
        expect(fsckPasses(aminata.root)).toBe(true)
        await a.close()
      } finally {
        await aminata?.stop()
      }
    },
  )

  it('shows the rendered differences in the dark theme too, marks in the site page’s colours', async () => {
    const kofi = await suite.startWorkbench({ repository: true, author: KOFI })
    git(kofi.root, 'switch', '--quiet', '-c', 'relecture')
    const file = path.join(kofi.root, ACCESS)
    const { readFile, writeFile } = await import('node:fs/promises')
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace(/\n\n([A-ZÀ-Ý])/, '\n\nUne phrase nouvelle. $1'))
    // A page renamed with one word changed: its source compares with its old name.
    git(kofi.root, 'mv', 'contribuer.md', 'participer.md')
    const moved = path.join(kofi.root, 'participer.md')
    await writeFile(moved, (await readFile(moved, 'utf8')).replace('installée', 'installée ici'))
    git(kofi.root, 'add', '-A')
    git(
      kofi.root,
      '-c',
      'user.name=K',
      '-c',
      'user.email=k@example.org',
      'commit',
      '-qam',
      'relecture',
    )
    git(kofi.root, 'switch', '--quiet', 'main')
    const k = await suite.open('dark')
    await showView(k, 'review')
    await k.locator('.review-item[data-branch="relecture"]').click()
    const frame = k.frameLocator(`.review-page[data-path="${ACCESS}"] .review-frame`)
    await expect
      .poll(() => frame.locator('ins').first().textContent())
      .toContain('Une phrase nouvelle.')
    // The site's page is light: its marks are the light ones, not the system's dark ones.
    expect(
      await frame
        .locator('ins')
        .first()
        .evaluate((node) => getComputedStyle(node).backgroundColor),
    ).toBe('rgb(216, 245, 221)')
    await k.screenshot({ path: path.join(SCREENSHOTS, 'review-dark.png') })

    await k.getByRole('button', { name: 'Source' }).click()
    const renamed = k.locator('.review-page[data-path="participer.md"] .side-by-side')
    await expect.poll(() => renamed.locator('.diff-line.added').count()).toBeGreaterThan(0)
    expect(await renamed.locator('.diff-line.added').allTextContents()).toEqual([
      expect.stringContaining('installée ici'),
    ])
    expect(await renamed.locator('.diff-line.same').count()).toBeGreaterThan(0)
  })
})
