import { execFileSync } from 'node:child_process'
import { cp, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { bundledStarterPlaybook } from '../../src-main/paths.js'
import { audit, blocking } from '../helpers/axe.js'
import { tempDir } from '../helpers/temp-dir.js'
import { SCREENSHOTS, workbenchSuite } from '../helpers/workbench-host.js'

/**
 * A guide of thousands of pages: the explorer draws only the rows in view, and still behaves
 * as a whole tree (keyboard, focus, screen readers, the open page shown).
 */
const CASES = 1000
const suite = workbenchSuite()

/** The starter and CASES more case studies, « Cas pratique 0 » to « Cas pratique 999 », in git. */
async function largeGuide(): Promise<string> {
  const root = path.join(await tempDir('atelier-e2e-large-'), 'guide')
  await cp(bundledStarterPlaybook, root, { recursive: true })
  await mkdir(path.join(root, '_cas_pratiques', 'genere'))
  await Promise.all(
    Array.from({ length: CASES }, (_, i) =>
      writeFile(
        path.join(root, '_cas_pratiques', 'genere', `cas-${i}.md`),
        `---\ntitle: Cas pratique ${i}\norder: ${1000 + i}\n---\n\nTexte du cas ${i}.\n`,
      ),
    ),
  )
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=K', '-c', 'user.email=k@example.org', ...args], {
      cwd: root,
    })
  git('init', '-q', '-b', 'main')
  git('add', '-A')
  git('commit', '-qm', 'Guide')
  return root
}

const tree = (p: Page) => p.getByRole('tree')
const focusedRow = (p: Page) =>
  p.evaluate(() => {
    const row = document.activeElement as HTMLElement | null
    const box = row?.getBoundingClientRect()
    const view = document.querySelector('[role="tree"]')!.getBoundingClientRect()
    return {
      id: row?.dataset.id ?? null,
      label: row?.querySelector('.tree-label')?.textContent ?? null,
      // Whole inside the tree's view.
      inView: !!box && box.top >= view.top - 0.5 && box.bottom <= view.bottom + 0.5,
    }
  })

describe('the explorer of a large guide', () => {
  it('draws only the rows in view, and tells screen readers the whole size', async () => {
    const p = await suite.start({ cloneOf: await largeGuide() })
    const cases = p.locator('[role="treeitem"][data-path^="_cas_pratiques/"]')
    const drawn = await p.locator('[role="treeitem"]').count()
    expect(drawn).toBeGreaterThan(20)
    expect(drawn).toBeLessThan(100)
    const group = p.locator('[role="treeitem"][data-id="group:cas_pratiques"]')
    const total = Number(await group.locator('.tree-count').textContent())
    expect(total).toBeGreaterThan(CASES)
    expect(await group.getAttribute('aria-level')).toBe('1')
    expect(await group.getAttribute('aria-expanded')).toBe('true')
    expect(await cases.first().getAttribute('aria-level')).toBe('2')
    expect(await cases.first().getAttribute('aria-setsize')).toBe(String(total))
    expect(await cases.first().getAttribute('aria-posinset')).toBe('1')
    expect(blocking(await audit(p, '.side-bar'))).toEqual([])

    // Scrolled half way down, the rows there are drawn, the top ones are not.
    await tree(p).evaluate((element) => (element.scrollTop = element.scrollHeight / 2))
    await expect.poll(() => cases.first().getAttribute('aria-posinset')).not.toBe('1')
    expect(await p.locator('[role="treeitem"]').count()).toBeLessThan(100)
    await p.screenshot({ path: path.join(SCREENSHOTS, 'explorer-large-scrolled.png') })
  })

  it('moves by keyboard through rows not drawn, keeping focus while scrolled away', async () => {
    const p = await suite.start({ cloneOf: await largeGuide() })
    await p.locator('[role="treeitem"]').first().focus()
    await p.keyboard.press('End')
    await expect.poll(async () => (await focusedRow(p)).id).toMatch(/^group:/)
    expect((await focusedRow(p)).inView).toBe(true)
    await p.keyboard.press('Home')
    await expect.poll(async () => (await focusedRow(p)).id).toBe('group:themes')
    expect((await focusedRow(p)).inView).toBe(true)

    // Page Down moves a view's worth, showing the row.
    await p.keyboard.press('PageDown')
    const paged = await focusedRow(p)
    expect(paged.inView).toBe(true)
    expect(
      Number(await p.locator(`[data-id="${paged.id}"]`).getAttribute('aria-posinset')),
    ).toBeGreaterThan(5)

    // Type-ahead to a page far below.
    await p.keyboard.type('cas pratique 900')
    await expect.poll(async () => (await focusedRow(p)).label).toBe('Cas pratique 900')
    expect((await focusedRow(p)).inView).toBe(true)

    // Scrolled away with the wheel: the row keeps the focus (and stays drawn), the next key
    // brings it back into view.
    await tree(p).evaluate((element) => (element.scrollTop = 0))
    await expect.poll(async () => (await focusedRow(p)).inView).toBe(false)
    expect((await focusedRow(p)).label).toBe('Cas pratique 900')
    await p.keyboard.press('ArrowDown')
    await expect.poll(async () => (await focusedRow(p)).label).toBe('Cas pratique 901')
    expect((await focusedRow(p)).inView).toBe(true)

    // F2 and Delete act on it; Escape gives the focus back to it.
    await p.keyboard.press('F2')
    await p.getByRole('dialog').waitFor()
    await p.keyboard.press('Escape')
    await p.getByRole('dialog').waitFor({ state: 'detached' })
    await expect.poll(async () => (await focusedRow(p)).label).toBe('Cas pratique 901')
    await p.keyboard.press('Enter')
    await expect.poll(() => p.locator('[role="tab"]').count()).toBe(1)
  })

  it('shows the page opened elsewhere (Ctrl+P) in the explorer', async () => {
    const p = await suite.start({ cloneOf: await largeGuide() })
    await p.locator('body').click()
    await p.keyboard.press('Control+P')
    await p.getByRole('combobox').fill('cas pratique 999')
    await p.keyboard.press('Enter')
    await expect.poll(() => p.locator('[role="tab"]').count()).toBe(1)
    const selected = p.locator('[role="treeitem"][aria-selected="true"]')
    await expect.poll(() => selected.locator('.tree-label').textContent()).toBe('Cas pratique 999')
    expect(await selected.isVisible()).toBe(true)
    const inView = await selected.evaluate((row) => {
      const box = row.getBoundingClientRect()
      const view = row.closest('[role="tree"]')!.getBoundingClientRect()
      return box.top >= view.top && box.bottom <= view.bottom
    })
    expect(inView).toBe(true)
  })
})
