import type { BrowserWindow, Dialog, Shell } from 'electron'
import type { Language } from '../../src-shared/api/types.js'
import { translate } from '../../src-shared/i18n/translate.js'
import { isExternalUrl } from './security.js'

/**
 * The only way a link leaves Atelier: the workbench asks (a click of the user's), and
 * main shows a native dialog naming the address; only web and mail links, only on « Ouvrir ».
 * Page content can neither navigate nor open windows, so it can never reach this by itself.
 */
export async function confirmAndOpenExternal(
  url: string,
  deps: {
    dialog: Pick<Dialog, 'showMessageBox'>
    shell: Pick<Shell, 'openExternal'>
    window: BrowserWindow | null
    language: Language
  },
): Promise<boolean> {
  if (!isExternalUrl(url)) return false
  const t = (key: string) => translate(deps.language, `externalLink.${key}`, {})
  const options = {
    type: 'question' as const,
    title: t('title'),
    message: t('message'),
    detail: url,
    buttons: [t('open'), t('cancel')],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  }
  const { response } = deps.window
    ? await deps.dialog.showMessageBox(deps.window, options)
    : await deps.dialog.showMessageBox(options)
  if (response !== 0) return false
  await deps.shell.openExternal(url)
  return true
}
