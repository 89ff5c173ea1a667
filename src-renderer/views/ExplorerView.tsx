import { useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import { IconButton } from '../ui/IconButton.js'
import { useTranslation } from 'react-i18next'
import { ContextMenu, type MenuItem } from '../ui/ContextMenu.js'
import { attempt } from '../ui/report-failure.js'
import { useStore } from '../stores/store.js'
import { openFile, openTab, tabsStore } from '../stores/tabs-store.js'
import { openDialog } from '../stores/ui-store.js'
import { changeKindOf, versionsStore } from '../stores/versions-store.js'
import { refreshIndex, workspaceStore } from '../stores/workspace-store.js'
import { ChangeBadge } from './versions/ChangeBadge.js'
import { buildRows, SITE_FILES, type TreeRow } from './explorer-tree.js'

/** Pages by title, grouped by collection, as an ARIA tree you can drive from the keyboard. */
export function ExplorerView() {
  const { t, i18n } = useTranslation()
  const index = useStore(workspaceStore, (state) => state.index)
  const info = useStore(workspaceStore, (state) => state.info)
  const active = useStore(tabsStore, (state) => state.active)
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set([SITE_FILES]))
  // The row with the tab stop, and where it was: when it goes (renamed, deleted), its place keeps it.
  const [focused, setFocusedRow] = useState<{ id: string; at: number } | null>(null)
  const [menu, setMenu] = useState<{ x: number; y: number; items: MenuItem[] } | null>(null)
  const treeRef = useRef<HTMLDivElement>(null)

  const rows = useMemo(() => {
    if (!index) return []
    const label = (group: string) =>
      group === SITE_FILES
        ? t('explorer.siteFiles')
        : i18n.exists(`collections.${group}`)
          ? t(`collections.${group}`)
          : group
    return buildRows(index, collapsed, label)
  }, [index, collapsed, t, i18n])

  const focusedId = rows.some((row) => row.id === focused?.id)
    ? focused!.id
    : (rows[Math.min(focused?.at ?? 0, rows.length - 1)]?.id ?? null)
  const setFocused = (id: string) =>
    setFocusedRow({
      id,
      at: Math.max(
        0,
        rows.findIndex((row) => row.id === id),
      ),
    })

  const toggle = (group: string, expand?: boolean) =>
    setCollapsed((previous) => {
      const next = new Set(previous)
      const open = expand ?? next.has(group)
      if (open) next.delete(group)
      else next.add(group)
      return next
    })

  const activate = (row: TreeRow) => {
    if (row.kind === 'group') toggle(row.id.slice('group:'.length))
    else if (row.kind === 'page') openTab(row.page.path)
    else openFile(row.path)
  }

  const moveFocus = (id: string | undefined) => {
    if (!id) return
    setFocused(id)
    treeRef.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)?.focus()
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const position = rows.findIndex((row) => row.id === focusedId)
    const row = rows[position]
    if (!row) return
    const handled = true
    switch (event.key) {
      case 'ArrowDown':
        moveFocus(rows[position + 1]?.id)
        break
      case 'ArrowUp':
        moveFocus(rows[position - 1]?.id)
        break
      case 'Home':
        moveFocus(rows[0]?.id)
        break
      case 'End':
        moveFocus(rows[rows.length - 1]?.id)
        break
      case 'ArrowRight':
        if (row.kind === 'group' && !row.expanded) toggle(row.id.slice(6), true)
        else if (row.kind === 'group') moveFocus(rows[position + 1]?.id)
        break
      case 'ArrowLeft':
        if (row.kind === 'group' && row.expanded) toggle(row.id.slice(6), false)
        else if (row.kind !== 'group') moveFocus(`group:${row.group}`)
        break
      case 'Enter':
      case ' ':
        activate(row)
        break
      case 'F2':
        if (row.kind === 'page') openDialog({ kind: 'rename', path: row.page.path })
        break
      case 'Delete':
        if (row.kind === 'page') openDialog({ kind: 'delete', path: row.page.path })
        break
      default:
        return
    }
    if (handled) event.preventDefault()
  }

  const onContextMenu = (event: MouseEvent, row: TreeRow) => {
    if (row.kind !== 'page') return
    event.preventDefault()
    setMenu({
      x: event.clientX,
      y: event.clientY,
      items: [
        {
          label: t('explorer.rename'),
          run: () => openDialog({ kind: 'rename', path: row.page.path }),
        },
        {
          label: t('explorer.move'),
          run: () => openDialog({ kind: 'rename', path: row.page.path, move: true }),
        },
        {
          label: t('explorer.delete'),
          run: () => openDialog({ kind: 'delete', path: row.page.path }),
        },
      ],
    })
  }

  return (
    <section className="view">
      <header className="view-header">
        <h2>{info?.name ?? t('explorer.title')}</h2>
        <div className="view-actions">
          <IconButton
            icon="new-file"
            label={t('explorer.newPage')}
            onClick={() => openDialog({ kind: 'new-page' })}
            disabled={!info}
          />
          <IconButton
            icon="refresh"
            label={t('explorer.refresh')}
            onClick={() => void attempt(() => refreshIndex({ withContentTypes: true }))}
            disabled={!info}
          />
        </div>
      </header>
      {!info ? (
        <p className="view-empty">{t('app.noWorkspace')}</p>
      ) : index && index.pages.length === 0 ? (
        <p className="view-empty">{t('explorer.empty')}</p>
      ) : (
        <div
          ref={treeRef}
          className="tree"
          role="tree"
          aria-label={t('explorer.title')}
          onKeyDown={onKeyDown}
        >
          {rows.map((row) => (
            <TreeItem
              key={row.id}
              row={row}
              focused={row.id === focusedId}
              selected={row.kind === 'page' && row.page.path === active}
              onFocus={() => setFocused(row.id)}
              onClick={() => {
                setFocused(row.id)
                activate(row)
              }}
              onContextMenu={(event) => onContextMenu(event, row)}
            />
          ))}
        </div>
      )}
      {menu && <ContextMenu {...menu} onClose={() => setMenu(null)} />}
    </section>
  )
}

function TreeItem(props: {
  row: TreeRow
  focused: boolean
  selected: boolean
  onFocus(): void
  onClick(): void
  onContextMenu(event: MouseEvent): void
}) {
  const { t } = useTranslation()
  const { row } = props
  const change = useStore(versionsStore, (state) =>
    row.kind === 'page' ? changeKindOf(state.status, row.page.path) : undefined,
  )
  const common = {
    'data-id': row.id,
    tabIndex: props.focused ? 0 : -1,
    onFocus: props.onFocus,
    onClick: props.onClick,
    onContextMenu: props.onContextMenu,
  }
  if (row.kind === 'group') {
    return (
      <div
        {...common}
        role="treeitem"
        aria-level={1}
        aria-expanded={row.expanded}
        aria-selected={false}
        className="tree-row tree-group"
      >
        <span
          className={`codicon codicon-chevron-${row.expanded ? 'down' : 'right'}`}
          aria-hidden="true"
        />
        <span className="tree-label">{row.label}</span>
        <span className="tree-count">{row.count}</span>
      </div>
    )
  }
  if (row.kind === 'file') {
    return (
      <div
        {...common}
        role="treeitem"
        aria-level={2}
        aria-selected={false}
        className="tree-row tree-leaf tree-file"
        title={t('explorer.fileTooltip', { path: row.path })}
      >
        <span className="codicon codicon-file" aria-hidden="true" />
        <span className="tree-label">{row.path}</span>
      </div>
    )
  }
  const { page } = row
  const problem = page.error
    ? t(`problems.${page.error.code}`) +
      (page.error.line ? ` ${t('problems.atLine', { line: page.error.line })}` : '')
    : null
  return (
    <div
      {...common}
      role="treeitem"
      aria-level={2}
      aria-selected={props.selected}
      className={`tree-row tree-leaf${props.selected ? ' selected' : ''}${problem ? ' has-problem' : ''}`}
      title={
        problem ? `${page.path}\n${t('explorer.problemTooltip', { message: problem })}` : page.path
      }
      data-path={page.path}
    >
      <span className={`codicon codicon-${problem ? 'warning' : 'file-text'}`} aria-hidden="true" />
      <span className={`tree-label${change ? ` change-${change}` : ''}`}>{page.title}</span>
      {problem && <span className="visually-hidden">{problem}</span>}
      {change && <ChangeBadge kind={change} />}
    </div>
  )
}
