import { cp, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { caretAtFirstParagraph } from '../helpers/editor-caret.js'
import { bundledStarterPlaybook } from '../../src-main/paths.js'
import { workbenchSuite } from '../helpers/workbench-host.js'

const suite = workbenchSuite()
const PAGE = '_themes/acces-information.md'

describe('opening another folder', () => {
  it('text typed just before goes to its own guide, never to the same page of the next one', async () => {
    const workbench = await suite.startWorkbench()
    const { root } = workbench
    // Another copy of the starter: the same page, byte for byte, at the same path.
    const other = path.join(root, '..', 'autre-guide')
    await cp(bundledStarterPlaybook, other, { recursive: true })
    const otherText = await readFile(path.join(other, PAGE), 'utf8')
    // Both among the recent folders, which « Réglages » offers to open.
    await workbench.session.open(other)
    await workbench.session.open(root)
    const p = await suite.open()

    await p.locator(`[role="treeitem"][data-path="${PAGE}"]`).click()
    await caretAtFirstParagraph(p)
    // Autosave on: the save is still waiting (2 s) when the other folder opens.
    await p.keyboard.type('Juste avant. ')
    await p.locator('.activity-item[data-view="settings"]').click()
    await p.getByRole('button', { name: other }).click()
    await expect.poll(() => p.locator('.status-bar').textContent()).toContain('autre-guide')

    expect(await readFile(path.join(root, PAGE), 'utf8')).toContain('Juste avant. ')
    expect(await readFile(path.join(other, PAGE), 'utf8')).toBe(otherText)
  })
})
