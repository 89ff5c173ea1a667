import { useStore } from '../stores/store.js'
import { uiStore } from '../stores/ui-store.js'
import { CloseUnsavedDialog } from './CloseUnsavedDialog.js'
import {
  DeleteDialog,
  NewPageDialog,
  OpenFolderDialog,
  RestoreDialog,
} from '../views/PageDialogs.js'
import { RenameDialog } from '../views/rename/RenameDialog.js'
import { ExportDialog } from '../views/preview/ExportDialog.js'
import { ReceiveContributionDialog, SendContributionDialog } from '../views/review/ReviewDialogs.js'
import { VersionsDialog } from '../views/versions/VersionsDialogs.js'
import { CloneDialog } from '../views/sync/CloneDialog.js'
import { CredentialsDialog } from '../views/sync/CredentialsDialog.js'

/**
 * The workbench's one modal at a time: each dialog lives beside the view it serves,
 * the frame only picks the one the store asks for.
 */
export function Dialogs() {
  const dialog = useStore(uiStore, (state) => state.dialog)
  if (!dialog) return null
  switch (dialog.kind) {
    case 'new-page':
      return <NewPageDialog initial={dialog.collection} />
    case 'rename':
      return <RenameDialog path={dialog.path} move={dialog.move ?? false} />
    case 'delete':
      return <DeleteDialog path={dialog.path} />
    case 'open-folder':
      return <OpenFolderDialog />
    case 'restore':
      return <RestoreDialog entries={dialog.entries} />
    case 'export':
      return <ExportDialog />
    case 'send-contribution':
      return <SendContributionDialog {...(dialog.branch ? { branch: dialog.branch } : {})} />
    case 'receive-contribution':
      return <ReceiveContributionDialog {...(dialog.file ? { file: dialog.file } : {})} />
    case 'close-unsaved':
      return <CloseUnsavedDialog paths={dialog.paths} then={dialog.then} />
    case 'author':
    case 'restore-version':
    case 'merged-text':
      return <VersionsDialog dialog={dialog} />
    case 'clone-guide':
      return <CloneDialog />
    case 'sync-credentials':
      return <CredentialsDialog url={dialog.url} retry={dialog.retry} />
  }
}
