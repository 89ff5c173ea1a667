import { Allotment } from 'allotment'
import { useEffect } from 'react'
import { commands } from '../commands/commands.js'
import { CHORD_DONE_EVENT, chordTracker } from '../commands/keybinding.js'
import { useStore } from '../stores/store.js'
import { previewStore } from '../stores/preview-store.js'
import { dismissNotice, uiStore } from '../stores/ui-store.js'
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
      const command = chords.press(event)
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
