import type { Dispatch, ReactNode, SetStateAction } from 'react'
import { useReturnFocus } from './return-focus.js'

/** The quick-pick box of the command palette and the contribution picker: a click outside closes it. */
export function PaletteFrame(props: { label: string; onClose(): void; children: ReactNode }) {
  useReturnFocus()
  return (
    <div className="palette-backdrop" onMouseDown={props.onClose}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label={props.label}
        onMouseDown={(event) => event.stopPropagation()}
      >
        {props.children}
      </div>
    </div>
  )
}

/** ↓ and ↑ move the highlighted choice of a quick pick; says whether the key was one of them. */
export function moveSelection(
  key: string,
  count: number,
  setSelected: Dispatch<SetStateAction<number>>,
): boolean {
  if (key === 'ArrowDown') setSelected((index) => Math.min(index + 1, count - 1))
  else if (key === 'ArrowUp') setSelected((index) => Math.max(index - 1, 0))
  else return false
  return true
}
