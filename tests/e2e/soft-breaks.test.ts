import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { waitForFileText } from '../helpers/wait-for-file.js'
import { SCREENSHOTS, workbenchSuite } from '../helpers/workbench-host.js'

/**
 * A hard-wrapped paragraph (one source line per line of text, as many of our
 * pages are written): it flows like a word processor's, with no element per
 * source line; an edit in one line rewrites that line only; a copy gives the
 * spaces the reader sees.
 */
const suite = workbenchSuite()
const FILE = '_cas_pratiques/paragraphe-coupe.md'
const LINES = [
  'Au Bénin, le registre des demandes',
  'd’accès à l’information est tenu par',
  'chaque ministère et publié chaque mois.',
  'Les **organisations de la société**',
  '**civile** le lisent à voix haute.',
]
const PAGE = `---\ntitle: Paragraphe coupé\n---\n\n${LINES.join('\n')}\n\nFin.\n`

describe('a hard-wrapped paragraph', () => {
  it('flows as one paragraph, draws no element per line, and an edit rewrites one line', async () => {
    const { root } = await suite.startWorkbench()
    await writeFile(path.join(root, FILE), PAGE)
    const p = await suite.open()
    await p.locator(`[role="treeitem"][data-path="${FILE}"]`).click()
    const paragraph = p.locator('.page-text p').first()
    await paragraph.waitFor()

    // One paragraph, its text as the reader sees it, and no element but the bold spans.
    expect(
      await paragraph.evaluate((element) => element.querySelectorAll(':not(strong)').length),
    ).toBe(0)
    expect((await paragraph.innerText()).replace(/\s/g, ' ')).toBe(
      LINES.join(' ').replace(/\*\*/g, ''),
    )
    // Flowing: the paragraph takes fewer screen lines than the source has lines.
    const height = await paragraph.evaluate((element) => element.getBoundingClientRect().height)
    const lineHeight = await paragraph.evaluate((element) =>
      parseFloat(getComputedStyle(element).lineHeight),
    )
    expect(height / lineHeight).toBeLessThan(LINES.length)
    await paragraph.scrollIntoViewIfNeeded()
    await p
      .locator('.page-text')
      .first()
      .screenshot({ path: path.join(SCREENSHOTS, 'soft-breaks.png') })

    // A copy gives spaces, not the character the editor keeps a line break as.
    await paragraph.click({ clickCount: 3 })
    const copied = await p.evaluate(() => {
      let text = ''
      const take = (event: ClipboardEvent) =>
        (text = event.clipboardData?.getData('text/plain') ?? '')
      document.addEventListener('copy', take)
      document.execCommand('copy')
      document.removeEventListener('copy', take)
      return text
    })
    expect(copied).toBe(LINES.join(' ').replace(/\*\*/g, ''))

    // A word typed at the end of the second source line: that line alone changes.
    await p.getByText('information est tenu par').click()
    await p.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('.page-text p')!, 4)
      while (walker.nextNode()) {
        const node = walker.currentNode
        const at = node.textContent!.indexOf('tenu par')
        if (at >= 0) window.getSelection()!.collapse(node, at + 'tenu par'.length)
      }
    })
    await p.keyboard.type(' écrit')
    const saved = await waitForFileText(
      path.join(root, FILE),
      (text) => text.includes('tenu par écrit'),
      15_000,
    )
    expect(saved).toBe(PAGE.replace('tenu par\n', 'tenu par écrit\n'))
    expect(await readFile(path.join(root, FILE), 'utf8')).toBe(saved)
  })
})
