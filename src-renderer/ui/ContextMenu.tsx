import { useEffect, useRef } from 'react'
import { useReturnFocus } from './return-focus.js'

export interface MenuItem {
  label: string
  run(): void
}

/** A small right-click menu; closes on Escape, on click elsewhere, or after choosing. */
export function ContextMenu(props: { x: number; y: number; items: MenuItem[]; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null)
  useReturnFocus()
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus()
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return
      if (event instanceof MouseEvent && ref.current?.contains(event.target as Node)) return
      props.onClose()
    }
    window.addEventListener('mousedown', close)
    window.addEventListener('keydown', close)
    return () => {
      window.removeEventListener('mousedown', close)
      window.removeEventListener('keydown', close)
    }
  }, [props])
  return (
    <div ref={ref} className="context-menu" role="menu" style={{ left: props.x, top: props.y }}>
      {props.items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          onClick={() => {
            props.onClose()
            item.run()
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  )
}
