import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { caretAtFirstParagraph } from '../helpers/editor-caret.js'
import { waitForFileText } from '../helpers/wait-for-file.js'
import { launchChromium, openWorkbench, startWorkbench } from '../helpers/workbench-host.js'

let browser: Browser
let workbench: Awaited<ReturnType<typeof startWorkbench>>
let page: Page

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})
beforeEach(async () => {
  workbench = await startWorkbench()
  page = await openWorkbench(browser, workbench.host.url)
})
afterEach(async () => {
  await page?.close()
  await workbench?.stop()
})

/** What Word 365 (Windows) puts on the clipboard for a bulleted list, a numbered list and a table. */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoListParagraph {margin-left:36.0pt} --></style></head>
<body lang=FR style='tab-interval:35.4pt'>
<!--StartFragment-->
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Budget de l'État<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Dépenses <b>sociales</b><o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Collectivités<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Publier le budget<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Rendre compte<o:p></o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=302 valign=top style='width:151.0pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><b>Année<o:p></o:p></b></p></td>
  <td width=302 valign=top style='width:151.0pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><b>Montant<o:p></o:p></b></p></td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td width=302 valign=top style='width:151.0pt;border:solid windowtext 1.0pt'><p class=MsoNormal>2024<o:p></o:p></p></td>
  <td width=302 valign=top style='width:151.0pt;border:solid windowtext 1.0pt'><p class=MsoNormal>12 Mds FCFA<o:p></o:p></p></td>
 </tr>
</table>
<!--EndFragment-->
</body></html>`

async function paste(html: string, text: string): Promise<void> {
  await page.evaluate(
    ([html, text]) => {
      const data = new DataTransfer()
      data.setData('text/html', html!)
      data.setData('text/plain', text!)
      document
        .querySelector('.page-text')!
        .dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        )
    },
    [html, text],
  )
}

describe('tables and Word paste in the editor', () => {
  it('pastes lists and a table from Word as a list and a table', async () => {
    const file = path.join(workbench.root, 'contribuer.md')
    await page.locator('[role="treeitem"][data-path="contribuer.md"]').click()
    await caretAtFirstParagraph(page)
    await paste(WORD_HTML, "·  Budget de l'État\no  Dépenses sociales\n")
    await page.keyboard.press('Control+S')
    const saved = await waitForFileText(file, (text) => text.includes('Collectivités'))
    expect(saved).not.toMatch(/·|\u00a0|MsoList/)
    expect(saved).toMatch(
      /\* Budget de l'État\n\n? {2}\* Dépenses \*\*sociales\*\*\n\* Collectivités\n/,
    )
    expect(saved).toMatch(/1\. Publier le budget\n2\. Rendre compte\n/)
    expect(saved).toMatch(
      /\| \*\*Année\*\* +\| \*\*Montant\*\* +\|\n\| -+ +\| -+ +\|\n\| 2024 +\| 12 Mds FCFA +\|\n/,
    )
  })

  it('pastes a web page’s table and list as a table and a list', async () => {
    const file = path.join(workbench.root, 'contribuer.md')
    await page.locator('[role="treeitem"][data-path="contribuer.md"]').click()
    await caretAtFirstParagraph(page)
    await paste(
      '<meta charset="utf-8"><h3 style="color:#333">Chiffres</h3><ul><li>premier</li><li>second</li></ul><table class="wikitable"><tbody><tr><td><b>Pays</b></td><td style="text-align:right">Budget</td></tr><tr><td><a href="https://fr.wikipedia.org/wiki/B%C3%A9nin">Bénin</a></td><td style="text-align:right">3 200</td></tr></tbody></table>',
      'Chiffres\npremier\nsecond\nPays\tBudget\nBénin\t3 200',
    )
    await page.keyboard.press('Control+S')
    const saved = await waitForFileText(file, (text) => text.includes('Bénin'))
    expect(saved).toMatch(
      /\| \*\*Pays\*\* \| Budget \|\n\| --- \| ---: \|\n\| \[Bénin\]\(https:\/\/fr\.wikipedia\.org\/wiki\/B%C3%A9nin\) \| 3 200 \|\n/,
    )
    expect(saved).toMatch(/\* premier\n\* second\n/)
  })

  it('edits a table cell in place and saves only that row’s line', async () => {
    const file = path.join(workbench.root, 'contribuer.md')
    const table =
      '\n| Année | Montant |\n|:------|--------:|\n| 2024  | 12 Mds  |\n| 2025  | 14 Mds  |\n'
    await writeFile(file, (await readFile(file, 'utf8')) + table)
    const before = await readFile(file, 'utf8')
    await page.locator('[role="treeitem"][data-path="contribuer.md"]').click()
    const cell = page.locator('.page-text td', { hasText: '14 Mds' })
    await cell.click()
    await page.keyboard.press('End')
    await page.keyboard.type(' (prévu)')
    await page.keyboard.press('Control+S')
    const after = await waitForFileText(file, (text) => text.includes('(prévu)'))
    const old = before.split('\n')
    const changed = after.split('\n').filter((line, index) => line !== old[index])
    expect(changed).toEqual(['| 2025 | 14 Mds (prévu) |'])
    expect(after.split('\n')).toHaveLength(old.length)
    expect(await page.locator('.page-text th').allTextContents()).toEqual(['Année', 'Montant'])
    // In the table, its buttons show (French labels from the catalogue).
    expect(
      await page.getByRole('group', { name: 'Tableau' }).getByRole('button').count(),
    ).toBeGreaterThan(5)
    await page.getByRole('button', { name: 'Ajouter une ligne en dessous' }).click()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.type('2026')
    await page.keyboard.press('Control+S')
    const added = await waitForFileText(file, (text) => text.includes('2026'))
    expect(added).toContain('| 2025 | 14 Mds (prévu) |\n|  | 2026 |\n')
    await page.screenshot({
      path: path.resolve(import.meta.dirname, '../../test-results/screenshots/table-editing.png'),
    })
  })

  it('Tab in the last cell adds a row whose cells take their column’s alignment', async () => {
    const file = path.join(workbench.root, 'contribuer.md')
    const table = '\n| Année | Montant |\n|:------|--------:|\n| 2024  | 12 Mds  |\n'
    await writeFile(file, (await readFile(file, 'utf8')) + table)
    await page.locator('[role="treeitem"][data-path="contribuer.md"]').click()
    await page.locator('.page-text td', { hasText: '12 Mds' }).click()
    await page.keyboard.press('Tab')
    await page.keyboard.type('2025')
    await page.keyboard.press('Tab')
    await page.keyboard.type('14 Mds')
    const last = page.locator('.page-text tr').last().locator('td')
    expect(await last.allTextContents()).toEqual(['2025', '14 Mds'])
    // Shown as published: the alignment row aligns whole columns.
    expect(
      await last.evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell).textAlign)),
    ).toEqual(['left', 'right'])
    await page.keyboard.press('Control+S')
    const saved = await waitForFileText(file, (text) => text.includes('14 Mds |'))
    expect(saved).toContain('|:------|--------:|\n| 2024  | 12 Mds  |\n| 2025 | 14 Mds |\n')
  })
})
