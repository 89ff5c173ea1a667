import { Allotment } from 'allotment'
import { useEffect } from 'react'
import { commands } from '../commands/commands.js'
import { CHORD_DONE_EVENT, chordTracker, keyContextOf } from '../commands/keybinding.js'
import { useStore } from '../stores/store.js'
import { previewStore } from '../stores/preview-store.js'
import { dismissNotice, openDialog, uiStore } from '../stores/ui-store.js'
import { workspaceStore } from '../stores/workspace-store.js'
import { api } from '../api/client.js'
import { droppedFilePath } from '../api/transport.js'
import { attempt } from '../ui/report-failure.js'
import { PreviewPane } from '../views/preview/PreviewPane.js'
import { ActivityBar } from './ActivityBar.js'
import { CommandPalette } from './CommandPalette.js'
import { Dialogs } from './Dialogs.js'
import { EditorArea } from './EditorArea.js'
import { Notice } from '../ui/Notice.js'
import { SideBar } from './SideBar.js'
import { StatusBar } from './StatusBar.js'

/** The VS Code-like frame: activity bar, resizable side bar and editor, status bar. */
export function Workbench() {
  const sidebarVisible = useStore(uiStore, (state) => state.sidebarVisible)
  const previewVisible = useStore(previewStore, (state) => state.visible)

  useEffect(() => {
    const chords = chordTracker(commands)
    const onKey = (event: KeyboardEvent) => {
      // The focused editor's keys win over the workbench's (`when` clauses).
      const command = chords.press(event, keyContextOf(document.activeElement))
      if (!command) return
      event.preventDefault()
      // The first stroke of a chord goes on (Ctrl+K still opens the link field in the text).
      if (command === 'pending') return
      event.stopPropagation()
      if (command.keybinding?.after) window.dispatchEvent(new Event(CHORD_DONE_EVENT))
      void command.run()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [])

  // A contribution file dropped anywhere on the window opens « Ouvrir une contribution reçue ».
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event) || event.defaultPrevented) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const onDrop = (event: DragEvent) => {
      if (event.defaultPrevented) return
      const file = event.dataTransfer?.files[0]
      if (!file || !hasFiles(event)) return
      event.preventDefault()
      // The editor takes the images dropped into the text; an image elsewhere is no contribution.
      if (file.type.startsWith('image/')) return
      const where = droppedFilePath(file)
      openDialog(
        where ? { kind: 'receive-contribution', file: where } : { kind: 'receive-contribution' },
      )
    }
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [])

  // A contribution file given on the app's command line, or handed to it while it runs
  // (a double-click on the file), once a guide is open.
  const info = useStore(workspaceStore, (state) => state.info)
  useEffect(() => {
    if (!info) return
    const offerPending = () =>
      void attempt(async () => {
        const file = await api.call('review.pendingFile', {})
        if (file) openDialog({ kind: 'receive-contribution', file })
      })
    offerPending()
    return api.on('review.fileWaiting', offerPending)
  }, [info])

  return (
    <div className="workbench">
      <div className="workbench-main">
        <ActivityBar />
        <div className="workbench-panes">
          <Allotment proportionalLayout={false}>
            <Allotment.Pane
              preferredSize={280}
              minSize={180}
              maxSize={600}
              visible={sidebarVisible}
              snap
            >
              <SideBar />
            </Allotment.Pane>
            <Allotment.Pane minSize={300}>
              {/* « Aperçu à côté »: the editor on the left, the page as published on the right. */}
              <Allotment>
                <Allotment.Pane minSize={300}>
                  <EditorArea />
                </Allotment.Pane>
                <Allotment.Pane minSize={240} preferredSize="50%" visible={previewVisible}>
                  {previewVisible && <PreviewPane />}
                </Allotment.Pane>
              </Allotment>
            </Allotment.Pane>
          </Allotment>
        </div>
      </div>
      <StatusBar />
      <CommandPalette />
      <Dialogs />
      <CurrentNotice />
    </div>
  )
}

/** The store's notice, read here so a new message re-renders only the toast, not the frame. */
function CurrentNotice() {
  const notice = useStore(uiStore, (state) => state.notice)
  return <Notice message={notice} onDismiss={dismissNotice} />
}
