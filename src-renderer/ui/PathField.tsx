import { useId, type ReactNode } from 'react'
import { attempt } from './report-failure.js'

/**
 * A file or folder path, typed, or chosen with the system's dialog when the
 * caller gives `browse` (only the app has one; a plain browser does not, so
 * callers pass `browse` only in the Electron shell). `children` is the help or
 * the error below the field; it is announced with the field.
 */
export function PathField(props: {
  label: string
  value: string
  onChange(value: string): void
  /** The system's dialog; null when the person cancelled it. */
  browse?: () => Promise<string | null>
  browseLabel?: string
  id?: string
  disabled?: boolean
  placeholder?: string
  invalid?: boolean
  children?: ReactNode
}) {
  const generated = useId()
  const id = props.id ?? `path-${generated}`
  const helpId = `${id}-help`
  const { browse } = props
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      <div className="field-row">
        <input
          id={id}
          required
          value={props.value}
          disabled={props.disabled}
          spellCheck={false}
          placeholder={props.placeholder}
          aria-describedby={props.children ? helpId : undefined}
          aria-invalid={props.invalid || undefined}
          onChange={(event) => props.onChange(event.target.value)}
        />
        {browse && (
          <button
            type="button"
            className="button secondary"
            disabled={props.disabled}
            onClick={() =>
              void attempt(async () => {
                const chosen = await browse()
                if (chosen) props.onChange(chosen)
              })
            }
          >
            {props.browseLabel}
          </button>
        )}
      </div>
      {props.children && <div id={helpId}>{props.children}</div>}
    </div>
  )
}
