import { existsSync } from 'node:fs'
import { cp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { bundledStarterPlaybook } from '../../src-main/paths.js'
import { audit, blocking } from '../helpers/axe.js'
import { nativeGit, startGitServer, type GitServer } from '../helpers/git-server.js'
import { tempDir } from '../helpers/temp-dir.js'
import { SCREENSHOTS, workbenchSuite } from '../helpers/workbench-host.js'

/**
 * The guide online, in Chromium through the test host, against a real git
 * host on loopback (`git http-backend`, pushes behind basic auth). Native git
 * made the guide on the server, publishes beside us, and judges both sides.
 */
const USER = 'aminata'
const TOKEN = 'jeton-e2e-tres-secret'
const AMINATA = { name: 'Aminata Diallo', email: 'aminata@example.org' }

const suite = workbenchSuite()
let server: GitServer
/** The test's server is private (reading needs the token too) when its name says so. */
let privateRead = false

beforeEach(async () => {
  server = await startGitServer({ user: USER, token: TOKEN, privateRead })
  // The starter playbook, as its maintainers would have put it online with native git.
  const source = path.join(await tempDir('atelier-source-'), 'guide')
  await cp(bundledStarterPlaybook, source, { recursive: true })
  await nativeGit(source, 'init', '-q', '-b', 'main')
  await nativeGit(source, 'add', '.')
  await nativeGit(source, 'commit', '-q', '-m', 'Le guide en ligne')
  server.create('guide', source)
})
afterEach(() => server.close())

async function fsck(dir: string): Promise<void> {
  await nativeGit(dir, 'fsck', '--strict', '--no-progress')
}

async function expectNotice(p: Page, text: string | RegExp): Promise<void> {
  await expect.poll(() => p.locator('.notice').textContent()).toMatch(text)
}

async function runCommand(p: Page, title: string): Promise<void> {
  await p.keyboard.press('Control+Shift+P')
  await p.locator('.palette').getByRole('combobox').fill(title)
  await p.keyboard.press('Enter')
}

async function showVersions(p: Page): Promise<void> {
  const button = p.locator('.activity-item[data-view="versions"]')
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click()
}

/** « Ouvrir un guide en ligne… » filled in: the dialog, ready for « Copier le guide ». */
async function fillCloneDialog(p: Page, parent: string, light = false) {
  await runCommand(p, 'ouvrir un guide en ligne')
  const dialog = p.getByRole('dialog', { name: 'Ouvrir un guide en ligne' })
  await dialog.getByLabel('Adresse du guide').fill(server.url('guide'))
  await dialog.getByLabel('Dossier où le copier').fill(parent)
  if (light) await dialog.getByLabel(/Copie légère/).check()
  return dialog
}

describe('the guide online, in Chromium through the test host', () => {
  it(
    'opens a guide from its address (progress, « Annuler »), receives a version and publishes one',
    { timeout: 120_000 },
    async () => {
      const p = await suite.start({ author: AMINATA })
      const parent = await tempDir('atelier-parent-')
      const copy = path.join(parent, 'guide')
      const dialog = await fillCloneDialog(p, parent)
      await expect.poll(() => dialog.textContent()).toContain(`nouveau dossier « guide »`)

      // Caught halfway (the starter's pack is some 18 Ko): the bar shows the bytes received;
      // « Annuler » leaves no folder.
      server.fault({ holdAfter: 6_000 })
      await dialog.getByRole('button', { name: 'Copier le guide' }).click()
      const status = dialog.locator('.sync-progress [role="status"]')
      await expect.poll(() => status.textContent()).toMatch(/Ko reçus/)
      await p.screenshot({ path: path.join(SCREENSHOTS, 'sync-clone-progress.png') })
      await dialog.getByRole('button', { name: 'Annuler' }).click()
      await expectNotice(p, 'Transfert annulé : rien n’a été modifié.')
      server.fault(null)
      expect(existsSync(copy)).toBe(false)

      // Again, to the end: the copy opens in place of the starter.
      await dialog.getByRole('button', { name: 'Copier le guide' }).click()
      await expectNotice(p, `Guide copié et ouvert : ${copy}`)
      await dialog.waitFor({ state: 'detached' })
      await expect.poll(() => suite.workbench.session.current()?.root).toBe(copy)
      await p.locator('[role="tree"] [role="treeitem"]').first().waitFor()
      await fsck(copy)
      expect(await nativeGit(copy, 'rev-parse', 'HEAD')).toBe(
        await nativeGit(server.bare('guide'), 'rev-parse', 'main'),
      )

      // Someone publishes a version with native git; « Recevoir les nouveautés » brings it.
      const other = path.join(await tempDir('atelier-other-'), 'guide')
      await nativeGit(path.dirname(other), 'clone', '-q', server.url('guide'), other)
      await writeFile(path.join(other, 'nouvelles.md'), '---\ntitle: Nouvelles\n---\nDu serveur.\n')
      await nativeGit(other, 'add', '.')
      await nativeGit(other, 'commit', '-q', '-m', 'Nouvelles du serveur')
      const authed = server.url('guide').replace('http://', `http://${USER}:${TOKEN}@`)
      await nativeGit(other, 'push', '-q', authed, 'main')
      await showVersions(p)
      await p.getByRole('button', { name: 'Recevoir les nouveautés' }).click()
      await expectNotice(p, 'Nouveautés reçues : le guide est à jour.')
      expect(await readFile(path.join(copy, 'nouvelles.md'), 'utf8')).toContain('Du serveur.')
      // The explorer follows: the new page is listed.
      await p.locator('.activity-item[data-view="explorer"]').click()
      await p.locator('[role="treeitem"][data-path="nouvelles.md"]').waitFor()
      await showVersions(p)

      // A version of ours, published: the host asks who we are, once.
      await writeFile(path.join(copy, 'nouvelles.md'), '---\ntitle: Nouvelles\n---\nEt d’ici.\n')
      await expect
        .poll(() => p.locator('.versions-view').textContent())
        .toContain('Modifications (1)')
      await p.getByLabel('Ce que vous avez changé').fill('Nouvelles d’ici')
      await p.getByRole('button', { name: 'Enregistrer une version' }).click()
      await expectNotice(p, 'Version enregistrée.')
      await p.getByRole('button', { name: 'Publier' }).click()
      const ask = p.getByRole('dialog', { name: /^Identifiants pour 127\.0\.0\.1:/ })
      await expect
        .poll(() => ask.textContent())
        .toContain('un jeton d’accès : un mot de passe spécial')
      await ask.getByLabel('Nom d’utilisateur').fill(USER)
      await ask.getByLabel('Jeton d’accès').fill(TOKEN)
      await ask.getByRole('button', { name: 'Continuer' }).click()
      await expectNotice(p, /^Publié sur le serveur : main/)
      await ask.waitFor({ state: 'detached' })

      // Native git sees it on the server; both sides pass fsck; no token on disk.
      const ours = await nativeGit(copy, 'rev-parse', 'main')
      expect(await nativeGit(server.bare('guide'), 'rev-parse', 'main')).toBe(ours)
      await nativeGit(other, 'pull', '-q', '--ff-only', server.url('guide'), 'main')
      expect(await readFile(path.join(other, 'nouvelles.md'), 'utf8')).toContain('Et d’ici.')
      await fsck(server.bare('guide'))
      await fsck(copy)
      const config = await readFile(path.join(copy, '.git', 'config'), 'utf8')
      expect(config).not.toContain(TOKEN)
      expect(config).not.toContain(`${USER}@`)

      // « Réglages » lists the server, without credentials.
      await p.locator('.activity-item[data-view="settings"]').click()
      await expect
        .poll(() => p.locator('.remote-list').textContent())
        .toContain(server.url('guide'))
    },
  )

  it(
    'a light copy has one version, and loads the whole history on demand',
    { timeout: 90_000 },
    async () => {
      const p = await suite.start({ author: AMINATA })
      const parent = await tempDir('atelier-parent-')
      const copy = path.join(parent, 'guide')
      // A second version on the server, so that the light copy has history to load.
      const other = path.join(await tempDir('atelier-other-'), 'guide')
      await nativeGit(path.dirname(other), 'clone', '-q', server.url('guide'), other)
      await nativeGit(other, 'commit', '-q', '--allow-empty', '-m', 'Deuxième version')
      const authed = server.url('guide').replace('http://', `http://${USER}:${TOKEN}@`)
      await nativeGit(other, 'push', '-q', authed, 'main')

      const dialog = await fillCloneDialog(p, parent, true)
      await dialog.getByRole('button', { name: 'Copier le guide' }).click()
      await expectNotice(p, `Guide copié et ouvert : ${copy}`)
      expect((await nativeGit(copy, 'rev-list', '--count', 'HEAD')).trim()).toBe('1')

      await showVersions(p)
      await p.getByRole('button', { name: 'Charger tout l’historique' }).click()
      await expectNotice(p, 'Tout l’historique est chargé.')
      expect((await nativeGit(copy, 'rev-list', '--count', 'HEAD')).trim()).toBe('2')
      expect(existsSync(path.join(copy, '.git', 'shallow'))).toBe(false)
      await fsck(copy)
    },
  )

  describe('a private guide', () => {
    beforeAll(() => void (privateRead = true))
    afterAll(() => void (privateRead = false))

    it(
      'asks for the user name and token in the dialog, then copies it; none on disk',
      { timeout: 90_000 },
      async () => {
        const p = await suite.start({ author: AMINATA })
        const parent = await tempDir('atelier-parent-')
        const copy = path.join(parent, 'guide')
        const dialog = await fillCloneDialog(p, parent)
        await dialog.getByRole('button', { name: 'Copier le guide' }).click()
        await expect
          .poll(() => dialog.textContent())
          .toContain('un jeton d’accès : un mot de passe spécial')
        expect(existsSync(copy)).toBe(false)
        await p.screenshot({ path: path.join(SCREENSHOTS, 'sync-credentials.png') })
        // The dialog with its credentials fields: no serious or critical axe-core violation.
        expect(blocking(await audit(p, '.clone-dialog'))).toEqual([])
        await dialog.getByLabel('Nom d’utilisateur').fill(USER)
        await dialog.getByLabel('Jeton d’accès').fill(TOKEN)
        await dialog.getByRole('button', { name: 'Copier le guide' }).click()
        await expectNotice(p, `Guide copié et ouvert : ${copy}`)
        await fsck(copy)
        const config = await readFile(path.join(copy, '.git', 'config'), 'utf8')
        expect(config).toContain(server.url('guide'))
        expect(config).not.toContain(TOKEN)
        expect(config).not.toContain(`${USER}@`)
      },
    )
  })
})
