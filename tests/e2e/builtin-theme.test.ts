import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundledStarterPlaybook } from '../../src-main/paths.js'
import { buildSite } from '../../src-main/preview/build-site.js'
import { page as pageFile, writeSite } from '../helpers/site-fixture.js'
import { tempDir } from '../helpers/temp-dir.js'
import { launchChromium } from '../helpers/workbench-host.js'

const screenshots = path.resolve(import.meta.dirname, '../../test-results/screenshots')

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
  await mkdir(screenshots, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
})

/** The bundled starter, which has no layouts, exported with the built-in theme for `file://`. */
async function exportStarter(): Promise<string> {
  const site = path.join(await tempDir('atelier-theme-'), 'site')
  await buildSite(bundledStarterPlaybook, site, { relative: true })
  return site
}

async function open(site: string, file: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } })
  await page.goto(pathToFileURL(path.join(site, file)).href)
  await page.evaluate(() => document.fonts.ready)
  return page
}

/** WCAG contrast of an element's text against the first opaque background behind it. */
function contrastOf(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (element) => {
    const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number)
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => {
        const s = c / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!)
    }
    let background = [255, 255, 255]
    for (let node: Element | null = element; node; node = node.parentElement) {
      const color = rgb(getComputedStyle(node).backgroundColor)
      if (color.length === 3 || (color.length === 4 && color[3] === 1)) {
        background = color.slice(0, 3)
        break
      }
    }
    const text = luminance(rgb(getComputedStyle(element).color))
    const back = luminance(background)
    return (Math.max(text, back) + 0.05) / (Math.min(text, back) + 0.05)
  })
}

describe('built-in playbook theme in Chromium', () => {
  it('is accessible: language, landmarks, one h1, headings in order, skip link, contrast AA, local fonts', async () => {
    const page = await open(await exportStarter(), 'themes/acces-information/index.html', 1280)
    expect(await page.getAttribute('html', 'lang')).toBe('fr')
    for (const landmark of ['header.site-header', 'nav[aria-label]', 'main#contenu', 'footer'])
      expect(await page.locator(landmark).count(), landmark).toBe(1)
    expect(await page.locator('h1').count()).toBe(1)
    const levels = await page.$$eval('main h1, main h2, main h3', (headings) =>
      headings.map((heading) => Number(heading.tagName[1])),
    )
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThan(2)
    // The theme page lists its case study, and the navigation marks where the reader is.
    expect(await page.locator('#cas-du-theme + .card-list li').count()).toBeGreaterThan(0)
    expect(await page.locator('nav [aria-current="page"]').innerText()).toContain('Thème 1')

    await page.screenshot({ path: path.join(screenshots, 'builtin-theme-desktop.png') })

    // The first Tab reaches « Aller au contenu », which leads to the main content.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu')

    for (const selector of [
      '.site-title',
      '.menu-link',
      '.hero h1',
      '.hero-text',
      '.side-nav h2',
      '.side-nav a',
      '.content p',
      '.card p:not(.badge)',
      '.card .badge',
      '.site-footer p',
    ]) {
      expect(await contrastOf(page, selector), selector).toBeGreaterThanOrEqual(4.5)
    }

    // Atkinson Hyperlegible comes from the site's own files (no network in these tests).
    const fonts = await page.evaluate(() =>
      [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family),
    )
    expect(fonts).toContain('Atkinson Hyperlegible')
    await page.close()
  })

  it('is responsive: on a phone the text comes first, « Sommaire » leads to the navigation, nothing overflows', async () => {
    const site = await exportStarter()
    for (const file of ['index.html', 'cas-pratiques/benin-registre-demandes/index.html']) {
      const page = await open(site, file, 360)
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      )
      expect(overflow, file).toBeLessThanOrEqual(0)
      const nav = await page.locator('nav.side-nav').boundingBox()
      const main = await page.locator('main').boundingBox()
      expect(nav!.width).toBeGreaterThan(300)
      expect(nav!.y).toBeGreaterThan(main!.y)
      expect(await page.locator('.menu-link').isVisible()).toBe(true)
      if (file === 'index.html') {
        await page.screenshot({
          path: path.join(screenshots, 'builtin-theme-phone.png'),
          fullPage: false,
        })
      }
      await page.locator('.menu-link').click()
      expect(new URL(page.url()).hash).toBe('#navigation')
      await page.close()
    }
    // On a wide screen the navigation is the left column, and « Sommaire » is not needed.
    const wide = await open(site, 'index.html', 1280)
    const nav = await wide.locator('nav.side-nav').boundingBox()
    const main = await wide.locator('main').boundingBox()
    expect(nav!.x).toBeLessThan(main!.x)
    expect(Math.abs(nav!.y - main!.y)).toBeLessThan(2)
    expect(await wide.locator('.menu-link').isVisible()).toBe(false)
    await wide.close()
  })

  it('colours code as Rouge tokens it, readable on the block background', async () => {
    const root = await writeSite({
      '_config.yml': 'title: Guide\n',
      'index.md': pageFile(
        'title: Code',
        'Un mot `en code`.\n\n```yaml\n# Réglages\ntitle: Guide # le nom\norder: 2\n```\n',
      ),
    })
    const site = path.join(await tempDir('atelier-theme-'), 'site')
    await buildSite(root, site, { relative: true })
    const page = await open(site, 'index.html', 1280)
    const colours = new Set<string>()
    for (const selector of [
      '.highlight .c1',
      '.highlight .na',
      '.highlight .m',
      '.highlight .s',
      'p > code',
    ]) {
      expect(await contrastOf(page, selector), selector).toBeGreaterThanOrEqual(4.5)
      colours.add(await page.$eval(selector, (element) => getComputedStyle(element).color))
    }
    expect(colours.size).toBeGreaterThanOrEqual(3)
    await page.close()
  })

  it('fits a wide image to the column: a 1,600 px photo does not make a 500 px pane scroll sideways', async () => {
    const photo = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="800"><rect width="1600" height="800" fill="#2a6"/></svg>`
    const root = await writeSite({
      '_config.yml': 'title: Guide\n',
      'images/photo.svg': photo,
      'index.md': pageFile('title: Photo', 'Avant.\n\n![Une photo](images/photo.svg)\n\nAprès.\n'),
    })
    const site = path.join(await tempDir('atelier-theme-'), 'site')
    await buildSite(root, site, { relative: true })
    const page = await open(site, 'index.html', 500)
    await page.waitForFunction(() => document.querySelector('img')?.complete === true)
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    const box = await page.$eval('img', (img) => {
      const column = img.closest('main')!.getBoundingClientRect()
      const own = img.getBoundingClientRect()
      return { width: own.width, height: own.height, column: column.width }
    })
    expect(box.width).toBeLessThanOrEqual(box.column)
    // The photo keeps its proportions (2:1) when it shrinks.
    expect(box.width / box.height).toBeCloseTo(2, 1)
    await page.close()
  })
})
