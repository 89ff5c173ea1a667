import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { caretAtFirstParagraph } from '../helpers/editor-caret.js'
import { tempDir } from '../helpers/temp-dir.js'
import { openWithPreview, SCREENSHOTS, workbenchSuite } from '../helpers/workbench-host.js'

const ACCESS = '_themes/acces-information.md'
const SITE_TITLE = 'Guide du gouvernement ouvert'
const ACCESS_TITLE = "Thème 1 – Le droit d'accès à l'information"

const suite = workbenchSuite()
const start = (colorScheme: 'light' | 'dark' = 'light') => suite.start({ colorScheme })
/** The copy of the starter this test works on. */
const root = () => suite.workbench.root

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

/** The tab on screen. */
const activeTab = (p: Page) =>
  p
    .locator('[role="tablist"] [role="tab"][aria-selected="true"]')
    .getAttribute('data-path', { timeout: 500 })
    .catch(() => null)

/** The first heading of the frame on screen, or '' while there is none. */
const previewHeading = (p: Page) =>
  preview(p)
    .locator('h1')
    .first()
    .textContent({ timeout: 500 })
    .catch(() => '')

/** The frame (Playwright's) whose address contains `part`. */
function frameAt(p: Page, part: string) {
  const frame = p.frames().find((item) => item.url().includes(part))
  if (!frame) throw new Error(`Aucun cadre à l’adresse ${part}`)
  return frame
}

/**
 * Records each click in the frame once every handler, the bridge's first, has
 * seen it: whether it was kept from its default (following a link). Gives what
 * was recorded so far, to poll for.
 */
async function recordClicks(frame: Frame): Promise<() => Promise<boolean[]>> {
  await frame.evaluate(
    "window.atelierClicks = []; addEventListener('click', (event) => window.atelierClicks.push(event.defaultPrevented))",
  )
  return () => frame.evaluate('window.atelierClicks') as Promise<boolean[]>
}

describe('live preview beside the editor', () => {
  it('shows the page in its layout and follows typing', async () => {
    const p = await start()
    await openWithPreview(p, ACCESS)
    const frame = p.locator('iframe.preview-frame[data-shown="true"]')
    await frame.waitFor({ timeout: 10_000 })
    expect(await frame.getAttribute('sandbox')).toBe('allow-scripts')
    expect(await frame.getAttribute('referrerpolicy')).toBe('no-referrer')
    expect(await frame.getAttribute('title')).toContain('Thème 1')
    expect(await frame.getAttribute('src')).toMatch(
      /^http:\/\/[0-9a-f]{32}\.localhost:\d+\/themes\//,
    )

    // The site's layout around the page: the site title, the page's hero title.
    await expect.poll(() => previewText(p), { timeout: 10_000 }).toContain(SITE_TITLE)
    expect(await preview(p).locator('h1').first().textContent()).toContain(ACCESS_TITLE)
    // The link field of Ctrl+K closed again: V went to the chord, not to a field.
    expect(await p.getByLabel('Adresse du lien').count()).toBe(0)

    // Typing: the preview shows the new text (how fast: `npm run bench`).
    await caretAtFirstParagraph(p)
    const sentence = 'Une phrase toute neuve pour l’aperçu.'
    await p.keyboard.type(`${sentence} `, { delay: 15 })
    await expect.poll(() => previewText(p), { timeout: 5000 }).toContain(sentence)

    // Saved: the preview shows the file (no draft), still with the sentence.
    await p.keyboard.press('Control+S')
    await expect.poll(() => p.locator('.tab.dirty').count()).toBe(0)
    await expect.poll(() => previewText(p), { timeout: 5000 }).toContain(sentence)

    // Another tab: the preview follows the active page.
    await p.locator('[role="treeitem"][data-path="_themes/transparence-budgetaire.md"]').click()
    await expect.poll(() => previewHeading(p), { timeout: 10_000 }).toMatch(/^Thème 2/)

    // The toolbar button closes it again.
    await p.locator('[data-action="preview-side"]').click()
    await expect.poll(() => p.locator('.preview-pane').count()).toBe(0)
  })

  // The frame is an opaque origin (sandboxed without allow-same-origin) that sends no cookie:
  // the preview's host name is its token, so the page's own files carry it too, and fonts,
  // fetched with CORS from the origin 'null', are allowed to any origin.
  it('loads the site’s stylesheet and fonts inside the frame', async () => {
    const p = await start()
    const statuses: number[] = []
    p.on('response', (response) => {
      if (response.url().endsWith('/assets/css/style.css')) statuses.push(response.status())
    })
    await openWithPreview(p, ACCESS)
    await expect.poll(() => statuses.length, { timeout: 10_000 }).toBeGreaterThan(0)
    expect(statuses).toEqual(statuses.map(() => 200))
    await expect.poll(() => previewText(p), { timeout: 10_000 }).toContain(SITE_TITLE)
    const fonts = () =>
      frameAt(p, '/themes/acces-information').evaluate(
        "document.fonts.ready.then(() => [...document.fonts].filter((font) => font.family.includes('Atkinson')).map((font) => font.status))",
      ) as Promise<string[]>
    await expect.poll(fonts, { timeout: 5000 }).toContain('loaded')
    expect(await fonts()).not.toContain('error')
  })

  it('never runs a script of the page: no <script>, no onclick=, no javascript: link', async () => {
    const p = await start()
    const messages: string[] = []
    p.on('console', (message) => messages.push(message.text()))
    await writeFile(
      path.join(root(), 'essai-script.md'),
      [
        '---\ntitle: Essai de script\n---\n',
        'Avant le script.\n',
        "<script>document.title='pwned'; document.body.setAttribute('data-pwned','1')</script>\n",
        '<p><a id="clic" href="#ici" onclick="document.body.setAttribute(\'data-pwned\',\'2\')">Un clic</a>',
        ' et <a id="js" href="javascript:document.body.setAttribute(\'data-pwned\',\'3\')">un lien</a>.</p>\n',
        '<p id="ici">Après le script.</p>\n',
      ].join('\n'),
    )
    await openWithPreview(p, 'essai-script.md')
    await expect.poll(() => previewText(p), { timeout: 10_000 }).toContain('Après le script')
    const frame = frameAt(p, '/essai-script')
    const frameUrl = frame.url()
    const workbenchUrl = p.url()
    const clicks = await recordClicks(frame)
    await preview(p).locator('#clic').click()
    await preview(p).locator('#js').click()
    // Both clicks went through the page, neither followed by the browser.
    await expect.poll(clicks).toEqual([true, true])
    // The policy refused the attribute (the bridge does not stop it from being tried).
    await expect
      .poll(() => messages.some((text) => /inline event handler violates/.test(text)))
      .toBe(true)
    // The bridge took the reader to the place the first link names.
    await expect.poll(() => frame.url()).toBe(`${frameUrl}#ici`)
    expect(await preview(p).locator('body').getAttribute('data-pwned')).toBeNull()
    expect(await frame.title()).not.toBe('pwned')
    expect(await p.title()).not.toBe('pwned')
    // The same document, a place further down: nothing left the page or reloaded it.
    expect(p.url()).toBe(workbenchUrl)
    expect(await p.locator('iframe.preview-frame').count()).toBe(1)
    // The script is there, it just did not run.
    expect(await preview(p).locator('script:not([nonce])').count()).toBeGreaterThan(0)
    expect(messages.some((text) => /inline script violates .*script-src 'nonce-/.test(text))).toBe(
      true,
    )
  })

  it('runs nothing swapped into the frame either, and only takes versions from the workbench', async () => {
    const p = await start()
    const messages: string[] = []
    p.on('console', (message) => messages.push(message.text()))
    await openWithPreview(p, 'contribuer.md')
    await expect.poll(() => previewText(p), { timeout: 10_000 }).toContain(SITE_TITLE)
    const frame = frameAt(p, '/contribuer')
    const { session } = suite.workbench
    const served = await session
      .currentFolder()!
      .preview(session.preview!.frameAncestors)
      .pageHtml('contribuer.md')
    const version = (text: string) =>
      served!.replace(
        /<body([^>]*)>[\s\S]*<\/body>/,
        `<body$1><p>${text}</p><script>document.body.dataset.pwned = 'script'</script>` +
          `<img src="/nulle-part.png" onerror="document.body.dataset.pwned = 'onerror'"></body>`,
      )
    const render = (html: string) => ({ 'atelier-preview': true, type: 'render', html, id: 1 })
    // From the frame itself (page content could do this): ignored. Messages to a window arrive
    // in order, and the bridge swaps a version in as the message arrives: once a second message
    // posted after it has arrived, the bridge has dealt with the first.
    await frame.evaluate(
      `new Promise((resolve) => {
        addEventListener('message', (event) => { if (event.data === 'atelier-test-after') resolve() })
        window.postMessage(${JSON.stringify(render(version('Venu du cadre')))}, '*')
        window.postMessage('atelier-test-after', '*')
      })`,
    )
    expect(await previewText(p)).not.toContain('Venu du cadre')
    // From the workbench: swapped in, with its script and its handler inert.
    await p.evaluate(
      `document.querySelector('iframe.preview-frame[data-shown="true"]').contentWindow.postMessage(${JSON.stringify(render(version('Venu de l’atelier')))}, '*')`,
    )
    await expect.poll(() => previewText(p)).toContain('Venu de l’atelier')
    await expect
      .poll(() => messages.some((text) => /inline event handler violates/.test(text)))
      .toBe(true)
    expect(await frame.evaluate('document.body.dataset.pwned ?? null')).toBeNull()
    expect(await preview(p).locator('script:not([nonce])').count()).toBe(1)
  })

  it('keeps the reader where they are while the text changes', async () => {
    const p = await start()
    const paragraphs = Array.from(
      { length: 60 },
      (_, index) => `Paragraphe ${index + 1} : un texte assez long pour remplir une ligne ou deux.`,
    )
    await writeFile(
      path.join(root(), 'longue.md'),
      `---\ntitle: Une longue page\n---\n\n${paragraphs.join('\n\n')}\n`,
    )
    const stylesheets: string[] = []
    p.on('request', (request) => {
      if (request.url().endsWith('.css')) stylesheets.push(request.url())
    })
    await openWithPreview(p, 'longue.md')
    await expect.poll(() => previewText(p), { timeout: 10_000 }).toContain('Paragraphe 60')
    const frame = frameAt(p, '/longue')
    await frame.evaluate('window.scrollTo(0, 700)')
    await expect.poll(() => frame.evaluate('window.scrollY')).toBe(700)
    // Marks this very document: a reload would lose it.
    await frame.evaluate("document.documentElement.dataset.marque = 'même document'")
    const before = stylesheets.length

    await p.locator('.page-text p').last().click()
    await p.keyboard.press('End')
    await p.keyboard.type(' Ajout pendant la lecture.', { delay: 15 })
    await expect
      .poll(() => previewText(p), { timeout: 5000 })
      .toContain('Ajout pendant la lecture.')
    expect(await frame.evaluate('window.scrollY')).toBe(700)
    expect(await frame.evaluate('document.documentElement.dataset.marque')).toBe('même document')
    expect(stylesheets.length).toBe(before)
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
      path.join(root(), 'essai-externe.md'),
      '---\ntitle: Essai externe\n---\n\nUne image venue d’ailleurs :\n\n![x](https://example.org/x.png)\n',
    )
    await openWithPreview(p, 'essai-externe.md')
    await expect
      .poll(() => previewText(p), { timeout: 10_000 })
      .toContain('contenu externe non affiché hors ligne')
    expect(await preview(p).locator('img[src^="https://example.org"]').count()).toBe(0)
    // The frame's document has loaded: every image it was going to ask for, it has asked for.
    await expect
      .poll(() => frameAt(p, '/essai-externe').evaluate('document.readyState'))
      .toBe('complete')
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

  it('never leaves the preview by an external link or a refresh tag', async () => {
    const p = await start()
    const external: string[] = []
    await p.route('https://example.org/**', (route) => {
      external.push(route.request().url())
      return route.abort()
    })
    await writeFile(
      path.join(root(), 'essai-lien.md'),
      '---\ntitle: Essai de lien\n---\n\nVoir [un site ailleurs](https://example.org/ailleurs) ou [écrire](mailto:a@example.org).\n\n<meta http-equiv="refresh" content="0; url=https://example.org/rafraichi">\n',
    )
    await openWithPreview(p, 'essai-lien.md')
    await expect.poll(() => previewText(p), { timeout: 10_000 }).toContain('un site ailleurs')
    const frameUrl = frameAt(p, '/essai-lien').url()
    const workbenchUrl = p.url()
    const clicks = await recordClicks(frameAt(p, '/essai-lien'))
    const link = preview(p).locator('a[href^="https://example.org"]')
    await link.click()
    await link.click({ modifiers: ['Control'] })
    await link.click({ modifiers: ['Shift'] })
    await preview(p).locator('a[href^="mailto:"]').click()
    // Every click went through the page, none followed by the browser; no refresh tag is left to act.
    await expect.poll(clicks).toEqual([true, true, true, true])
    expect(await preview(p).locator('meta[http-equiv="refresh" i]').count()).toBe(0)
    expect(external).toEqual([])
    expect(p.url()).toBe(workbenchUrl)
    expect(p.context().pages()).toHaveLength(1)
    expect(frameAt(p, '/essai-lien').url()).toBe(frameUrl)
    expect(await p.locator('iframe.preview-frame').count()).toBe(1)
    expect(await activeTab(p)).toBe('essai-lien.md')
  })

  it('follows an internal link in the frame; « Modifier cette page » opens it', async () => {
    const p = await start()
    await openWithPreview(p, ACCESS)
    await expect.poll(() => previewHeading(p), { timeout: 10_000 }).toContain(ACCESS_TITLE)
    const edit = p.getByRole('button', { name: 'Modifier cette page' })
    expect(await edit.count()).toBe(0)

    await preview(p).locator('a[href="/contribuer/"]').first().click()
    await expect.poll(() => previewHeading(p), { timeout: 10_000 }).toMatch(/^Contribuer/)
    // The editor stays on its page; the frame shows another one, which the button opens.
    expect(await activeTab(p)).toBe(ACCESS)
    await edit.click()
    await expect.poll(() => activeTab(p)).toBe('contribuer.md')
    await expect.poll(() => edit.count()).toBe(0)
    expect(await previewHeading(p)).toMatch(/^Contribuer/)
  })

  it('opens the page of a link in the editor on Ctrl+click, the preview following', async () => {
    const p = await start()
    await openWithPreview(p, ACCESS)
    await expect.poll(() => previewHeading(p), { timeout: 10_000 }).toContain(ACCESS_TITLE)
    await preview(p)
      .locator('a[href="/themes/transparence-budgetaire/"]')
      .first()
      .click({ modifiers: ['Control'] })
    await expect
      .poll(() => activeTab(p), { timeout: 5000 })
      .toBe('_themes/transparence-budgetaire.md')
    await expect.poll(() => previewHeading(p), { timeout: 10_000 }).toMatch(/^Thème 2/)
    await expect.poll(() => p.locator('.page-text h2').count()).toBeGreaterThan(0)
    expect(await p.getByRole('button', { name: 'Modifier cette page' }).count()).toBe(0)
  })

  it('says so for a link to a page that is not in the site', async () => {
    const p = await start()
    await writeFile(
      path.join(root(), 'essai-casse.md'),
      '---\ntitle: Lien cassé\n---\n\nUn [lien vers nulle part](/nulle-part/).\n',
    )
    await openWithPreview(p, 'essai-casse.md')
    await expect.poll(() => previewText(p), { timeout: 10_000 }).toContain('vers nulle part')
    await preview(p)
      .locator('a[href="/nulle-part/"]')
      .click({ modifiers: ['Control'] })
    await expect
      .poll(() => previewText(p), { timeout: 10_000 })
      .toContain('Cette page n’existe pas dans le site.')
    expect(await activeTab(p)).toBe('essai-casse.md')
    expect(await p.getByRole('button', { name: 'Modifier cette page' }).count()).toBe(0)
  })

  it('says so for a page that is not published', async () => {
    const p = await start()
    // A collection whose pages are not written to the site (`output: false`).
    const config = path.join(root(), '_config.yml')
    await writeFile(
      config,
      (await readFile(config, 'utf8')).replace(
        'collections:\n',
        'collections:\n  notes:\n    output: false\n',
      ),
    )
    await mkdir(path.join(root(), '_notes'))
    await writeFile(
      path.join(root(), '_notes', 'idee.md'),
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
    // No folder yet: the dialog says so in its own words.
    await dialog.getByRole('button', { name: 'Exporter' }).click()
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toBe('Le champ « Dossier de destination » est obligatoire.')
    await dialog.getByLabel('Dossier de destination').fill(destination)
    expect(await dialog.getByRole('alert').count()).toBe(0)
    // A site that works from a USB key is the default.
    expect(
      await dialog.getByLabel('Pour une clé USB (liens relatifs, sans serveur)').isChecked(),
    ).toBe(true)
    await dialog.getByRole('button', { name: 'Exporter' }).click()
    // The dialog says where the site went; « Ouvrir le dossier » needs the system's file
    // manager, which the app has and the test host does not.
    await expect
      .poll(() => dialog.getByRole('status').textContent(), { timeout: 30_000 })
      .toMatch(/Site exporté dans .+ : \d+ pages et \d+ autres fichiers/)
    expect(await dialog.getByRole('button', { name: 'Ouvrir le dossier' }).count()).toBe(0)
    await dialog.getByRole('button', { name: 'Fermer' }).click()
    expect(await p.getByRole('dialog').count()).toBe(0)
    expect(existsSync(path.join(destination, 'index.html'))).toBe(true)

    const site = await suite.browser.newPage()
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
    await dialog.getByLabel('Dossier de destination').fill(path.join(root(), '_site'))
    await dialog.getByRole('button', { name: 'Exporter' }).click()
    await expect
      .poll(() => p.locator('.notice').textContent())
      .toContain('Choisissez un dossier en dehors du guide')
    expect(await dialog.count()).toBe(1)
  })
})

describe('dialogs above the preview’s divider', () => {
  /** The divider between the editor and the preview: the rightmost of the panes' sashes. */
  async function dividerX(p: Page): Promise<number> {
    const boxes = await p
      .locator('.workbench-panes [class*="sash-module_sash"]')
      .evaluateAll((sashes) =>
        sashes.map((sash) => sash.getBoundingClientRect()).filter((box) => box.width > 0),
      )
    const box = boxes.sort((a, b) => b.x - a.x)[0]
    if (!box) throw new Error('Pas de séparateur entre le texte et l’aperçu')
    return box.x + box.width / 2
  }

  /** The centre of the dialog's field. */
  async function centre(field: Locator): Promise<{ x: number; y: number }> {
    const box = await field.boundingBox()
    if (!box) throw new Error('Champ invisible')
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  }

  /**
   * Opens the dialog, moves the divider under the middle of its field (dragging it
   * with the dialog closed), reopens it and clicks there: the field takes the focus.
   */
  async function clickFieldOverDivider(
    p: Page,
    open: () => Promise<void>,
    dialogName: string,
    label: string,
  ): Promise<void> {
    const dialog = p.getByRole('dialog', { name: dialogName })
    await open()
    const target = await centre(dialog.getByLabel(label, { exact: true }))
    await p.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    const from = await dividerX(p)
    await p.mouse.move(from, target.y)
    await p.mouse.down()
    await p.mouse.move(target.x, target.y, { steps: 8 })
    await p.mouse.up()
    await expect.poll(async () => Math.abs((await dividerX(p)) - target.x)).toBeLessThan(3)

    await open()
    const field = dialog.getByLabel(label, { exact: true })
    await dialog.getByRole('button', { name: 'Annuler' }).focus()
    const point = await centre(field)
    await p.mouse.click(point.x, point.y)
    await expect
      .poll(() => field.evaluate((element) => element === document.activeElement))
      .toBe(true)
  }

  it('takes a click in the middle of « Exporter le site » and « Renommer » with the preview open', async () => {
    const p = await start()
    await openWithPreview(p, ACCESS)
    await clickFieldOverDivider(
      p,
      async () => {
        await p.keyboard.press('Control+Shift+P')
        await p.getByRole('combobox').fill('exporter')
        await p.keyboard.press('Enter')
      },
      'Exporter le site',
      'Dossier de destination',
    )
    await p.keyboard.press('Escape')
    await clickFieldOverDivider(
      p,
      async () => {
        await p.locator(`[role="treeitem"][data-path="${ACCESS}"]`).click({ button: 'right' })
        await p.getByRole('menuitem', { name: 'Renommer' }).click()
      },
      'Renommer la page',
      'Nouveau titre de la page',
    )
  })
})

describe('preview screenshots', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`preview-${scheme}.png`, async () => {
      const p = await start(scheme)
      await openWithPreview(p, ACCESS)
      await p.locator('.activity-item[data-view="preview"]').click()
      await expect.poll(() => previewText(p), { timeout: 10_000 }).toContain(SITE_TITLE)
      await p.locator('.preview-view').waitFor()
      // Drawn with their fonts, in the workbench and in the frame.
      await p.evaluate('document.fonts.ready.then(() => true)')
      await frameAt(p, '/themes/acces-information').evaluate(
        'document.fonts.ready.then(() => true)',
      )
      await p.screenshot({ path: path.join(SCREENSHOTS, `preview-${scheme}.png`) })
    })
  }
})
