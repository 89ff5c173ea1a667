import { moveSelection, PaletteFrame } from '../../ui/PaletteFrame.js'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Contribution } from '../../../src-shared/api/types.js'
import { api } from '../../api/client.js'
import { closePalette } from '../../stores/ui-store.js'
import {
  createContribution,
  deleteContribution,
  mergeContribution,
  switchContribution,
} from '../../stores/versions-actions.js'
import { matchesQuery } from '../../ui/palette-filter.js'
import { attempt } from '../../ui/report-failure.js'

interface Choice {
  id: string
  label: string
  detail?: string
  icon: string
  /** A step within the picker rather than an action. */
  step?: boolean
  run(): void | Promise<void>
}

type Step = { kind: 'list' } | { kind: 'actions'; contribution: Contribution } | { kind: 'name' }

/**
 * The status bar's contribution item: a quick pick in the palette's look.
 * Picking another contribution offers to switch to it, merge it, or delete it
 * once merged; « Nouvelle contribution… » asks for a name in the same box.
 */
export function ContributionPicker() {
  const { t } = useTranslation()
  const [contributions, setContributions] = useState<Contribution[] | null>(null)
  const [step, setStep] = useState<Step>({ kind: 'list' })
  const [query, setQuery] = useState('')
  const [selected, setSelected] = useState(0)

  useEffect(() => {
    void attempt(async () => setContributions(await api.call('versions.contributions', {}))).then(
      (ok) => ok || closePalette(),
    )
  }, [])

  const go = (next: Step) => {
    setStep(next)
    setQuery('')
    setSelected(0)
  }

  const choices = useMemo<Choice[]>(() => {
    if (step.kind === 'name') return []
    if (step.kind === 'actions') {
      const { name, merged } = step.contribution
      const list: Choice[] = [
        {
          id: 'switch',
          icon: 'arrow-swap',
          label: t('versions.contribution.switch'),
          run: () => switchContribution(name),
        },
        {
          id: 'merge',
          icon: 'git-merge',
          label: t('versions.contribution.merge'),
          run: () => mergeContribution(name),
        },
      ]
      if (merged) {
        list.push({
          id: 'delete',
          icon: 'trash',
          label: t('versions.contribution.delete'),
          run: () => deleteContribution(name),
        })
      }
      return list.filter((choice) => matchesQuery(query, choice.label))
    }
    const list: Choice[] = [
      {
        id: 'new',
        icon: 'add',
        label: t('versions.contribution.new'),
        step: true,
        run: () => go({ kind: 'name' }),
      },
      ...(contributions ?? []).map((contribution) => {
        const notes = [
          contribution.current && t('versions.contribution.current'),
          !contribution.current && contribution.merged && t('versions.contribution.merged'),
        ].filter(Boolean)
        const choice: Choice = {
          id: `c:${contribution.name}`,
          icon: contribution.current ? 'check' : 'git-branch',
          label: contribution.name,
          step: !contribution.current,
          run: () => (contribution.current ? undefined : go({ kind: 'actions', contribution })),
        }
        if (notes.length) choice.detail = notes.join(' · ')
        return choice
      }),
    ]
    return list.filter((choice) => choice.id === 'new' || matchesQuery(query, choice.label))
  }, [step, contributions, query, t])

  const choose = (choice: Choice | undefined) => {
    if (!choice) return
    if (choice.step) {
      void choice.run()
      return
    }
    closePalette()
    void attempt(async () => choice.run())
  }

  const submitName = () => {
    const name = query.trim()
    if (!name) return
    closePalette()
    void attempt(() => createContribution(name))
  }

  const placeholder =
    step.kind === 'name'
      ? t('versions.contribution.namePrompt')
      : step.kind === 'actions'
        ? step.contribution.name
        : t('versions.contribution.pick')

  return (
    <PaletteFrame label={t('versions.contribution.title')} onClose={closePalette}>
      <input
        key={step.kind}
        autoFocus
        className="palette-input"
        role="combobox"
        aria-expanded={step.kind !== 'name'}
        aria-controls="contribution-list"
        aria-activedescendant={choices[selected] ? `contribution-${selected}` : undefined}
        aria-label={placeholder}
        placeholder={placeholder}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setSelected(0)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && step.kind === 'name') submitName()
          else if (event.key === 'Enter') choose(choices[selected])
          else if (event.key === 'Escape') closePalette()
          else if (!moveSelection(event.key, choices.length, setSelected)) return
          event.preventDefault()
        }}
      />
      {step.kind === 'name' ? (
        <p className="palette-help">{t('versions.contribution.help')}</p>
      ) : (
        <ul id="contribution-list" className="palette-list" role="listbox">
          {choices.map((choice, index) => (
            <li
              key={choice.id}
              id={`contribution-${index}`}
              role="option"
              aria-selected={index === selected}
              className={`palette-item${index === selected ? ' selected' : ''}`}
              data-choice={choice.id}
              onMouseEnter={() => setSelected(index)}
              onClick={() => choose(choice)}
            >
              <span className="palette-label">
                <span className={`codicon codicon-${choice.icon}`} aria-hidden="true" />{' '}
                {choice.label}
              </span>
              {choice.detail && <span className="palette-detail">{choice.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </PaletteFrame>
  )
}
