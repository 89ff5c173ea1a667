import { describe, expect, it, vi } from 'vitest'
import { confirmAndOpenExternal } from '../../../../src-main/app/open-external.js'
import { catalogues } from '../../../../src-shared/i18n/catalogues.js'

function deps(answer: number) {
  return {
    dialog: { showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: answer })) },
    shell: { openExternal: vi.fn(async () => undefined) },
    window: null,
    language: 'fr' as const,
  }
}

describe('opening a link in the system browser', () => {
  it('asks first, in French, naming the address, and opens only on « Ouvrir »', async () => {
    const accepted = deps(0)
    const url = 'https://www.opengovpartnership.org/fr/'
    expect(await confirmAndOpenExternal(url, accepted as never)).toBe(true)
    const options = accepted.dialog.showMessageBox.mock.calls[0]![0] as {
      message: string
      detail: string
      buttons: string[]
      cancelId: number
    }
    expect(options.detail).toBe(url)
    expect(options.message).toBe(catalogues.fr.externalLink.message)
    expect(options.buttons).toEqual([
      catalogues.fr.externalLink.open,
      catalogues.fr.externalLink.cancel,
    ])
    expect(options.cancelId).toBe(1)
    expect(accepted.shell.openExternal).toHaveBeenCalledWith(url)

    const refused = deps(1)
    expect(await confirmAndOpenExternal(url, refused as never)).toBe(false)
    expect(refused.shell.openExternal).not.toHaveBeenCalled()
  })

  it('refuses every scheme but http, https and mailto, without asking', async () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'vbscript:msgbox',
      'app://atelier/index.html',
      'pas une adresse',
    ]) {
      const d = deps(0)
      expect(await confirmAndOpenExternal(url, d as never)).toBe(false)
      expect(d.dialog.showMessageBox).not.toHaveBeenCalled()
      expect(d.shell.openExternal).not.toHaveBeenCalled()
    }
    const mail = deps(0)
    expect(await confirmAndOpenExternal('mailto:contact@example.org', mail as never)).toBe(true)
  })
})
