import { describe, expect, it } from 'vitest'
import { workbenchSuite } from '../helpers/workbench-host.js'

/**
 * The ways a received contribution file reaches the workbench besides its own
 * dialog: dropped onto the window, or handed to the running app (a
 * double-click on the file starts a second launch, or macOS sends
 * `open-file`; `src-main/app/main.ts` gives it to `Session.offerContribution`).
 * Each opens « Ouvrir une contribution reçue ».
 */
const suite = workbenchSuite()

describe('a contribution file reaching the workbench', () => {
  it('dropped onto the window, or handed to the running app, opens « Ouvrir une contribution reçue »', async () => {
    const workbench = await suite.startWorkbench({ repository: true })
    const p = await suite.open()
    const dialog = p.getByRole('dialog', { name: 'Ouvrir une contribution reçue' })

    // Dropped on the explorer (no path in a browser: the field waits for one).
    await p.evaluate(() => {
      const data = new DataTransfer()
      data.items.add(new File(['# v2 git bundle\n'], 'aminata.bundle'))
      const target = document.querySelector('[role="tree"]')!
      target.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
      )
      target.dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
      )
    })
    await dialog.waitFor()
    expect(await dialog.getByLabel('Fichier reçu').inputValue()).toBe('')
    await dialog.getByRole('button', { name: 'Annuler' }).click()
    await dialog.waitFor({ state: 'hidden' })

    // Handed over while the app runs: the dialog opens with the file's path.
    workbench.session.offerContribution('/tmp/recu/aminata-2026-12-03.bundle')
    await dialog.waitFor()
    expect(await dialog.getByLabel('Fichier reçu').inputValue()).toBe(
      '/tmp/recu/aminata-2026-12-03.bundle',
    )
  })
})
