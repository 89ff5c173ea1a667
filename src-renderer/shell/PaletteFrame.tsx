import type { ReactNode } from 'react'
import { closePalette } from '../stores/ui-store.js'

/** The quick-pick box of the command palette and the contribution picker: a click outside closes it. */
export function PaletteFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="palette-backdrop" onMouseDown={closePalette}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label={label}
        onMouseDown={(event) => event.stopPropagation()}
      >
        {children}
      </div>
    </div>
  )
}
