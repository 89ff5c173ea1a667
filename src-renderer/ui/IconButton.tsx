import type { ButtonHTMLAttributes } from 'react'

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** The codicon's name: `refresh`, `close`… */
  icon: string
  /** Its accessible name, and its tooltip unless `title` says otherwise. */
  label: string
}

/** A VS Code-style toolbar button showing one codicon. */
export function IconButton({ icon, label, className, ...rest }: Props) {
  return (
    <button
      type="button"
      className={className ? `icon-button ${className}` : 'icon-button'}
      aria-label={label}
      title={label}
      {...rest}
    >
      <span className={`codicon codicon-${icon}`} aria-hidden="true" />
    </button>
  )
}
