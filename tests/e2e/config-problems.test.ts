import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCREENSHOTS, workbenchSuite } from '../helpers/workbench-host.js'

const suite = workbenchSuite()

describe('« Problèmes » lists the settings files that cannot be read', () => {
  it('shows a broken _config.yml and data file in French, with file and line', async () => {
    const workbench = await suite.startWorkbench()
    await writeFile(
      path.join(workbench.root, '_config.yml'),
      'title: Guide\nlol: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
    )
    await mkdir(path.join(workbench.root, '_data'), { recursive: true })
    await writeFile(path.join(workbench.root, '_data', 'pays.json'), '{\n  "mali" "Bamako"\n}\n')
    const page = await suite.open()
    await page.getByTestId('status-problems').click()
    const list = page.getByRole('list', { name: 'Fichiers de réglages du site' })
    await list.waitFor({ timeout: 5000 })
    const config = list.locator('[data-file="_config.yml"]')
    await expect.poll(() => config.textContent()).toContain('trop de renvois')
    expect(await config.textContent()).toContain('(ligne 3)')
    const data = list.locator('[data-file="_data/pays.json"]')
    expect(await data.textContent()).toContain('n’est pas écrit correctement en JSON')
    expect(await data.textContent()).toContain('(ligne 2)')
    await page.screenshot({ path: path.join(SCREENSHOTS, 'problems-settings-files.png') })
  })
})
