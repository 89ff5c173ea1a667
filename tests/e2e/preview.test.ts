import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, FrameLocator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp-dir.js'
import { launchChromium, openWorkbench, startWorkbench } from '../helpers/workbench-host.js'

const screenshots = path.resolve(import.meta.dirname, '../../test-results/screenshots')
const ACCESS = '_themes/acces-information.md'
const SITE_TITLE = 'Guide du gouvernement ouvert'
const ACCESS_TITLE = "Thème 1 – Le droit d'accès à l'information"

let browser: Browser
let workbench: Awaited<ReturnType<typeof startWorkbench>> | null = null
let page: Page | null = null

beforeAll(async () => {
  browser = await launchChromium()
  await mkdir(screenshots, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
})
afterEach(async () => {
  await page?.close()
  await workbench?.stop()
  page = null
  workbench = null
})

async function start(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  workbench = await startWorkbench()
  page = await openWorkbench(browser, workbench.host.url, colorScheme)
  return page
}

/** The frame on screen (a new version loads in a second, hidden frame first). */
const preview = (p: Page): FrameLocator => p.frameLocator('iframe.preview-frame[data-shown="true"]')

/** The text of the frame on screen, or '' while there is none. */
async function previewText(p: Page): Promise<string> {
  return (
    (await preview(p)
      .locator('body')
      .textContent({ timeout: 500 })
      .catch(() => '')) ?? ''
  )
}

/** Opens a page from the explorer and shows the preview beside it with Ctrl+K V. */
async function openWithPreview(p: Page, pagePath: string): Promise<void> {
  const item = p.locator(`[role="treeitem"][data-path="${pagePath}"]`)
  await item.waitFor({ timeout: 5000 })
  await item.click()
  await p.locator('.page-text').first().waitFor({ timeout: 5000 })
  await p.keyboard.press('Control+K')
  await p.keyboard.press('v')
  await p.locator('.preview-pane').waitFor({ timeout: 5000 })
}

describe('live preview beside the editor', () => {
  it('shows the page in its layout and follows typing', async () => {
    const p = await start()
    await openWithPreview(p, ACCESS)
    const frame = p.locator('iframe.preview-frame[data-shown="true"]')
    await frame.waitFor({ timeout: 10_000 })
    expect(await frame.getAttribute('sandbox')).toBe('')
    expect(await frame.getAttribute('referrerpolicy')).toBe('no-referrer')
    expect(await frame.getAttribute('title')).toContain('Thème 1')
    expect(await frame.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/themes\//)

    // The site's layout around the page: the site title, the page's hero title.
    await expect.poll(() => previewText(p), { timeout: 10_000 }).toContain(SITE_TITLE)
    expect(await preview(p).locator('h1').first().textContent()).toContain(ACCESS_TITLE)
    // The link field of Ctrl+K closed again: V went to the chord, not to a field.
    expect(await p.getByLabel('Adresse du lien').count()).toBe(0)

    // Typing: the preview shows the new text shortly after the last key.
    const heading = p.locator('.page-text h2').first()
    await heading.click()
    await p.keyboard.press('End')
    await p.keyboard.press('ArrowRight')
    await p.waitForTimeout(100)
    const sentence = 'Une phrase toute neuve pour l’aperçu.'
    await p.keyboard.type(`${sentence} `, { delay: 15 })
    const lastKey = Date.now()
    let latency = -1
    for (;;) {
      if ((await previewText(p)).includes(sentence)) {
        latency = Date.now() - lastKey
        break
      }
      if (Date.now() - lastKey > 5000) break
      await p.waitForTimeout(10)
    }
    console.log(`Aperçu : texte visible ${latency} ms après la dernière frappe`)
    expect(latency).toBeGreaterThanOrEqual(0)
    expect(latency).toBeLessThan(3000)

    // Saved: the preview shows the file (no draft), still with the sentence.
    await p.keyboard.press('Control+S')
    await expect.poll(() => p.locator('.tab.dirty').count()).toBe(0)
    await expect.poll(() => previewText(p), { timeout: 5000 }).toContain(sentence)

    // Another tab: the preview follows the active page.
    await p.locator('[role="treeitem"][data-path="_themes/transparence-budgetaire.md"]').click()
    await expect
      .poll(
        () =>
          preview(p)
            .locator('h1')
            .first()
            .textContent({ timeout: 500 })
            .catch(() => ''),
        {
          timeout: 10_000,
        },
      )
      .toMatch(/^Thème 2/)

    // The toolbar button closes it again.
    await p.locator('[data-action="preview-side"]').click()
    await expect.poll(() => p.locator('.preview-pane').count()).toBe(0)
  })

  // The frame is an opaque origin (sandbox="") that sends no cookie: the test host serves a
  // page's own files without the token (pages still need it).
  it('loads the site’s stylesheet inside the frame', async () => {
    const p = await start()
    const statuses: number[] = []
    p.on('response', (response) => {
      if (response.url().endsWith('/assets/css/style.css')) statuses.push(response.status())
    })
    await openWithPreview(p, ACCESS)
    await expect.poll(() => statuses.length, { timeout: 10_000 }).toBeGreaterThan(0)
    expect(statuses).toEqual(statuses.map(() => 200))
  })

  it('never runs a script of the page', async () => {
    const p = await start()
    const pwned: string[] = []
    p.on('console', (message) => pwned.push(message.text()))
    await writeFile(
      path.join(workbench!.root, 'essai-script.md'),
      "---\ntitle: Essai de script\n---\n\nAvant le script.\n\n<script>document.title='pwned'; document.body.setAttribute('data-pwned','1')</script>\n\nAprès le script.\n",
    )
    await openWithPreview(p, 'essai-script.md')
    await expect.poll(() => previewText(p), { timeout: 10_000 }).toContain('Après le script')
    const body = preview(p).locator('body')
    expect(await body.getAttribute('data-pwned')).toBeNull()
    const frame = p.frames().find((item) => item.url().includes('/essai-script'))
    expect(frame).toBeDefined()
    expect(await frame!.title()).not.toBe('pwned')
    expect(await p.title()).not.toBe('pwned')
    // The script is there, it just did not run.
    expect(await preview(p).locator('script').count()).toBeGreaterThan(0)
  })

  it('replaces external images by a French notice, until allowed', async () => {
    const p = await start()
    const external: string[] = []
    p.on('request', (request) => {
      if (request.url().includes('example.org')) external.push(request.url())
    })
    // Should the image be asked for once allowed, it never leaves the machine.
    await p.route('https://example.org/**', (route) => route.abort())
    await writeFile(
      path.join(workbench!.root, 'essai-externe.md'),
      '---\ntitle: Essai externe\n---\n\nUne image venue d’ailleurs :\n\n![x](https://example.org/x.png)\n',
    )
    await openWithPreview(p, 'essai-externe.md')
    await expect
      .poll(() => previewText(p), { timeout: 10_000 })
      .toContain('contenu externe non affiché hors ligne')
    expect(await preview(p).locator('img[src^="https://example.org"]').count()).toBe(0)
    await p.waitForTimeout(300)
    expect(external).toEqual([])

    // « Afficher le contenu externe »: the frame loads again, with the image.
    const toggle = p.locator('[data-action="preview-external"]')
    await toggle.click()
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true')
    await expect
      .poll(() => preview(p).locator('img[src^="https://example.org"]').count(), {
        timeout: 10_000,
      })
      .toBe(1)
  })

  it('says so for a page that is not published', async () => {
    const p = await start()
    // A collection whose pages are not written to the site (`output: false`).
    const config = path.join(workbench!.root, '_config.yml')
    await writeFile(
      config,
      (await readFile(config, 'utf8')).replace(
        'collections:\n',
        'collections:\n  notes:\n    output: false\n',
      ),
    )
    await mkdir(path.join(workbench!.root, '_notes'))
    await writeFile(
      path.join(workbench!.root, '_notes', 'idee.md'),
      '---\ntitle: Une idée\n---\n\nPour plus tard.\n',
    )
    await openWithPreview(p, '_notes/idee.md')
    await expect
      .poll(
        () =>
          p
            .locator('.preview-message')
            .textContent({ timeout: 500 })
            .catch(() => ''),
        {
          timeout: 10_000,
        },
      )
      .toContain('n’est pas publiée')
    expect(await p.locator('iframe.preview-frame').count()).toBe(0)
  })
})

describe('« Exporter le site »', () => {
  it('exports for a USB key: the home page opens from the disk and its links work', async () => {
    const p = await start()
    const destination = path.join(await tempDir('atelier-export-'), 'site')
    await p.locator('.activity-item[data-view="preview"]').click()
    await p.getByRole('button', { name: 'Exporter le site…' }).click()
    const dialog = p.getByRole('dialog', { name: 'Exporter le site' })
    await dialog.getByLabel('Dossier de destination').fill(destination)
    await dialog.getByLabel('Pour une clé USB (liens relatifs, sans serveur)').check()
    await dialog.getByRole('button', { name: 'Exporter' }).click()
    await expect
      .poll(() => p.locator('.notice').textContent(), { timeout: 30_000 })
      .toMatch(/Site exporté dans .+ : \d+ pages et \d+ autres fichiers/)
    expect(await p.getByRole('dialog').count()).toBe(0)
    expect(existsSync(path.join(destination, 'index.html'))).toBe(true)

    const site = await browser.newPage()
    try {
      await site.goto(pathToFileURL(path.join(destination, 'index.html')).href)
      expect(await site.locator('body').textContent()).toContain(SITE_TITLE)
      const link = site.locator('a[href*="themes/acces-information"]').first()
      await link.click()
      await site.waitForURL(/^file:\/\/.+\/themes\/acces-information\/index\.html$/)
      expect(await site.locator('h1').first().textContent()).toContain(ACCESS_TITLE)
    } finally {
      await site.close()
    }
  })

  it('refuses a folder inside the guide, with the reason', async () => {
    const p = await start()
    await p.keyboard.press('Control+Shift+P')
    await p.getByRole('combobox').fill('exporter')
    await p.keyboard.press('Enter')
    const dialog = p.getByRole('dialog', { name: 'Exporter le site' })
    await dialog.getByLabel('Dossier de destination').fill(path.join(workbench!.root, '_site'))
    await dialog.getByRole('button', { name: 'Exporter' }).click()
    await expect
      .poll(() => p.locator('.notice').textContent())
      .toContain('Choisissez un dossier en dehors du guide')
    expect(await dialog.count()).toBe(1)
  })
})

describe('preview screenshots', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`preview-${scheme}.png`, async () => {
      const p = await start(scheme)
      await openWithPreview(p, ACCESS)
      await p.locator('.activity-item[data-view="preview"]').click()
      await expect.poll(() => previewText(p), { timeout: 10_000 }).toContain(SITE_TITLE)
      await p.waitForTimeout(300)
      await p.screenshot({ path: path.join(screenshots, `preview-${scheme}.png`) })
    })
  }
})
