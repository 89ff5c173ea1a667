import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContentType, Field } from '../../src-shared/content-types/content-types.js'
import { validateField } from '../../src-shared/content-types/lookup.js'
import { referenceChoices } from '../../src-shared/content-types/reference-fields.js'
import type { FieldValue } from '../../src-shared/front-matter/front-matter-edit.js'
import { editorStatusStore } from '../stores/editor-status-store.js'
import { useStore } from '../stores/store.js'
import { workspaceStore } from '../stores/workspace-store.js'
import { optionLabels } from './option-labels.js'

type Data = Record<string, unknown>

/**
 * « Réglages de la page »: the front matter as a form generated from the
 * page's content type. Keys the type does not know are kept and shown under
 * « Autres réglages ». Every change goes through the lossless front-matter
 * edit, so comments and untouched keys stay as written. A value that fails
 * its field's rule (a position of −3, an emptied title) is flagged and kept in
 * the form only: the page keeps its last valid value.
 */
export function SettingsForm(props: {
  type: ContentType | null
  data: Data
  onChange(path: string[], value: FieldValue): void
}) {
  const { t } = useTranslation()
  /** Invalid values typed but not written, by field path (`hero.title`). */
  const [drafts, setDrafts] = useState<ReadonlyMap<string, FieldValue>>(new Map())
  const known = new Set(props.type?.fields.map((field) => field.name) ?? [])
  const others = Object.keys(props.data).filter((key) => !known.has(key))
  const problems = props.type ? countInvalid(props.type.fields, props.data, [], drafts) : 0
  const change = (field: Field, path: string[], value: FieldValue) => {
    const key = path.join('.')
    const next = new Map(drafts)
    if (validateField(field, value) === null) {
      next.delete(key)
      props.onChange(path, value)
    } else next.set(key, value)
    setDrafts(next)
  }
  useEffect(() => {
    editorStatusStore.set({ invalidFields: problems })
    return () => editorStatusStore.set({ invalidFields: 0 })
  }, [problems])
  return (
    <details className="page-settings" open={problems > 0 || undefined}>
      <summary>
        {t('reader.settings')}
        {props.type && <span className="settings-type"> · {props.type.label}</span>}
        {problems > 0 && (
          <span className="settings-problems"> · {t('status.problems', { count: problems })}</span>
        )}
      </summary>
      <div className="settings-form">
        {props.type?.fields.map((field) => (
          <FieldInput
            key={field.name}
            field={field}
            path={[field.name]}
            value={props.data[field.name]}
            drafts={drafts}
            onChange={change}
          />
        ))}
        {others.length > 0 && (
          <fieldset className="settings-others">
            <legend>{t('settings.form.others')}</legend>
            {others.map((key) => (
              <OtherInput key={key} name={key} value={props.data[key]} onChange={props.onChange} />
            ))}
          </fieldset>
        )}
      </div>
    </details>
  )
}

/** Fields failing validation, nested objects included, as the form shows them (drafts first). */
function countInvalid(
  fields: Field[],
  data: Data,
  parent: string[],
  drafts: ReadonlyMap<string, FieldValue>,
): number {
  return fields.reduce((count, field) => {
    const path = [...parent, field.name]
    if (field.type === 'object') {
      const inner = data[field.name]
      const innerData = inner && typeof inner === 'object' ? (inner as Data) : {}
      return count + countInvalid(field.fields, innerData, path, drafts)
    }
    return count + (validateField(field, shown(data[field.name], path, drafts)) === null ? 0 : 1)
  }, 0)
}

/** The value a field shows: the invalid one typed, else the page's. */
function shown(value: unknown, path: string[], drafts: ReadonlyMap<string, FieldValue>): unknown {
  const key = path.join('.')
  return drafts.has(key) ? drafts.get(key) : value
}

function FieldInput(props: {
  field: Field
  path: string[]
  value: unknown
  drafts: ReadonlyMap<string, FieldValue>
  onChange(field: Field, path: string[], value: FieldValue): void
}) {
  const { t } = useTranslation()
  const id = useId()
  const { field } = props
  const value = shown(props.value, props.path, props.drafts)
  const error = validateField(field, value)
  const describedBy =
    [field.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') ||
    undefined
  const set = (next: FieldValue) => props.onChange(field, props.path, next)

  if (field.type === 'object') {
    const inner = (props.value && typeof props.value === 'object' ? props.value : {}) as Data
    return (
      <fieldset className="settings-group">
        <legend>{field.label}</legend>
        {field.fields.map((child) => (
          <FieldInput
            key={child.name}
            field={child}
            path={[...props.path, child.name]}
            value={inner[child.name]}
            drafts={props.drafts}
            onChange={props.onChange}
          />
        ))}
      </fieldset>
    )
  }

  let input
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    'data-field': props.path.join('.'),
  }
  const text = value === undefined || value === null ? '' : String(value)
  switch (field.type) {
    case 'textarea':
      input = (
        <textarea {...common} rows={3} value={text} onChange={(event) => set(event.target.value)} />
      )
      break
    case 'number':
      input = (
        <input
          {...common}
          type="number"
          value={text}
          onChange={(event) => set(event.target.value === '' ? null : Number(event.target.value))}
        />
      )
      break
    case 'boolean':
      input = (
        <input
          {...common}
          type="checkbox"
          checked={value === true}
          onChange={(event) => set(event.target.checked)}
        />
      )
      break
    case 'select':
      input = (
        <select {...common} value={text} onChange={(event) => set(event.target.value || null)}>
          <option value="">{t('settings.form.none')}</option>
          <SelectOptions options={field.options} />
        </select>
      )
      break
    case 'reference':
      input = (
        <select {...common} value={text} onChange={(event) => set(event.target.value || null)}>
          <option value="">{t('settings.form.none')}</option>
          <ReferenceOptions collection={field.collection} current={text} />
        </select>
      )
      break
    case 'date':
      input = (
        <input
          {...common}
          type="date"
          value={text.slice(0, 10)}
          onChange={(event) => set(event.target.value || null)}
        />
      )
      break
    case 'list':
      input = (
        <input
          {...common}
          value={Array.isArray(value) ? value.join(', ') : text}
          onChange={(event) =>
            set(
              event.target.value
                .split(',')
                .map((item) => item.trim())
                .filter(Boolean),
            )
          }
        />
      )
      break
    default:
      input = <input {...common} value={text} onChange={(event) => set(event.target.value)} />
  }
  return (
    <div className={`field${field.type === 'boolean' ? ' field-inline' : ''}`}>
      <label htmlFor={id}>
        {field.label}
        {field.required && <span aria-hidden="true"> *</span>}
      </label>
      {input}
      {field.help && (
        <small id={`${id}-help`} className="field-help">
          {field.help}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error" role="alert">
          {t(error)}
        </small>
      )}
    </div>
  )
}

/** A list's choices, by the title of the page each names (a theme's, not its file name). */
function SelectOptions(props: { options: string[] }) {
  const pages = useStore(workspaceStore, (state) => state.index?.pages)
  return optionLabels(props.options, pages ?? []).map(({ value, label }) => (
    <option key={value} value={value}>
      {label}
    </option>
  ))
}

/** The pages a reference field may name, by title; the value written stays the file name. */
function ReferenceOptions(props: { collection: string; current: string }) {
  const pages = useStore(workspaceStore, (state) => state.index?.pages)
  return referenceChoices(props.collection, pages ?? [], props.current).map(({ value, label }) => (
    <option key={value} value={value}>
      {label}
    </option>
  ))
}

/** A key the content type does not describe: editable as text when it is a simple value. */
function OtherInput(props: {
  name: string
  value: unknown
  onChange(path: string[], value: FieldValue): void
}) {
  const id = useId()
  const simple =
    props.value === null || ['string', 'number', 'boolean'].includes(typeof props.value)
  return (
    <div className="field">
      <label htmlFor={id}>{props.name}</label>
      {simple ? (
        <input
          id={id}
          data-field={props.name}
          value={props.value === null ? '' : String(props.value)}
          onChange={(event) => props.onChange([props.name], event.target.value)}
        />
      ) : (
        <code id={id} className="field-readonly">
          {JSON.stringify(props.value)}
        </code>
      )}
    </div>
  )
}
