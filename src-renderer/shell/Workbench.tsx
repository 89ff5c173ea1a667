import { Allotment } from 'allotment'
import { useEffect } from 'react'
import { commands } from '../commands/commands.js'
import { matches } from '../commands/keybinding.js'
import { useStore } from '../stores/store.js'
import { uiStore } from '../stores/ui-store.js'
import { ActivityBar } from './ActivityBar.js'
import { CommandPalette } from './CommandPalette.js'
import { Dialogs } from './Dialogs.js'
import { EditorArea } from './EditorArea.js'
import { Notice } from './Notice.js'
import { SideBar } from './SideBar.js'
import { StatusBar } from './StatusBar.js'

/** The VS Code-like frame: activity bar, resizable side bar and editor, status bar. */
export function Workbench() {
  const sidebarVisible = useStore(uiStore, (state) => state.sidebarVisible)

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = commands.find((item) => item.keybinding && matches(item.keybinding, event))
      if (!command) return
      event.preventDefault()
      event.stopPropagation()
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
              <EditorArea />
            </Allotment.Pane>
          </Allotment>
        </div>
      </div>
      <StatusBar />
      <CommandPalette />
      <Dialogs />
      <Notice />
    </div>
  )
}
