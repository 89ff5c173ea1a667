import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { attempt } from './report-failure.js'
import { useReturnFocus } from './return-focus.js'
import { firstEmptyRequired } from './required-fields.js'

/**
 * A modal form: the first field takes the focus, Escape cancels, an empty required field is
 * named in our words (not the browser's bubble), the action's refusal is shown.
 */
export function Modal(props: {
  title: string
  submit: string
  /** Label and action of the secondary button (default: « Annuler », closes). */
  cancel?: string
  onCancel?(): void
  /** A third choice before the secondary button (« Ne pas enregistrer »). */
  other?: { label: string; run(): void }
  danger?: boolean
  /** The action; resolving to `false` keeps the dialog open (a step before the last). */
  onSubmit(): Promise<unknown>
  children: ReactNode
  /** A wider dialog (a text to correct). */
  wide?: boolean
  /** Closes the dialog: a click outside, Escape, « Annuler », or the action done. */
  onClose(): void
}) {
  const { t } = useTranslation()
  const ref = useRef<HTMLFormElement>(null)
  const [busy, setBusy] = useState(false)
  useReturnFocus()
  const [missing, setMissing] = useState<string | null>(null)
  useEffect(() => {
    ref.current
      ?.querySelector<HTMLElement>('input, select, textarea, button[type="submit"]')
      ?.focus()
  }, [])
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const empty = ref.current && firstEmptyRequired(ref.current)
    if (empty) {
      empty.field.setAttribute('aria-invalid', 'true')
      empty.field.focus()
      return setMissing(empty.label)
    }
    setBusy(true)
    let keepOpen = false
    const done = await attempt(async () => {
      keepOpen = (await props.onSubmit()) === false
    })
    setBusy(false)
    if (done && !keepOpen) props.onClose()
  }
  return (
    <div className="modal-backdrop" onMouseDown={props.onClose}>
      {/* The dialog holds the form: a form may not take the dialog's role itself. */}
      <div
        className={`modal${props.wide ? ' wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.key === 'Escape' && props.onClose()}
      >
        <form
          ref={ref}
          onSubmit={(event) => void submit(event)}
          onInput={(event) => {
            if (missing === null) return
            ;(event.target as HTMLElement).removeAttribute('aria-invalid')
            setMissing(null)
          }}
          noValidate
        >
          <h2>{props.title}</h2>
          {props.children}
          {missing !== null && (
            <p className="field-error" role="alert">
              {t('pageDialog.requiredField', { field: missing })}
            </p>
          )}
          <div className="modal-actions">
            {props.other && (
              <button type="button" className="button secondary" onClick={props.other.run}>
                {props.other.label}
              </button>
            )}
            <button
              type="button"
              className="button secondary"
              onClick={props.onCancel ?? props.onClose}
            >
              {props.cancel ?? t('pageDialog.cancel')}
            </button>
            <button
              type="submit"
              className={`button${props.danger ? ' danger' : ''}`}
              disabled={busy}
            >
              {props.submit}
            </button>
          </div>
        </form>
      </div>
    </div>
  )
}
