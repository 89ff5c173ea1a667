import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react'
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
import { buildRows, rowLabel, SITE_FILES, type TreeRow } from './explorer-tree.js'
import {
  ROW_HEIGHT,
  rowsPerPage,
  rowsToDraw,
  scrollToReveal,
  typeAheadMatch,
  visibleRange,
  type Viewport,
} from './explorer-window.js'

/** Rows drawn beyond each edge of the view, so a quick scroll shows no blank rows. */
const OVERSCAN = 10
/** Letters typed within this long (ms) of each other make one type-ahead search. */
const TYPE_AHEAD_PAUSE = 1000

/**
 * Pages by title, grouped by collection, as an ARIA tree you can drive from the keyboard.
 * Only the rows in view are drawn (a guide can have thousands of pages): see explorer-window.ts.
 */
export function ExplorerView() {
  const { t, i18n } = useTranslation()
  const index = useStore(workspaceStore, (state) => state.index)
  const info = useStore(workspaceStore, (state) => state.info)
  const active = useStore(tabsStore, (state) => state.active)
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set([SITE_FILES]))
  // The row with the tab stop, and where it was: when it goes (renamed, deleted), its place keeps it.
  const [focused, setFocusedRow] = useState<{ id: string; at: number } | null>(null)
  const [menu, setMenu] = useState<{ x: number; y: number; items: MenuItem[] } | null>(null)
  const [viewport, setViewport] = useState<Viewport>({ scrollTop: 0, height: 0 })
  const treeRef = useRef<HTMLDivElement>(null)
  // A row the keyboard moved to: scrolled into view and given the focus once it is drawn.
  const focusWanted = useRef<string | null>(null)
  const typeAhead = useRef<{ typed: string; at: number }>({ typed: '', at: 0 })
  const revealed = useRef<string | null>(null)

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
  const focusedAt = rows.findIndex((row) => row.id === focusedId)
  const setFocused = (id: string) =>
    setFocusedRow({
      id,
      at: Math.max(
        0,
        rows.findIndex((row) => row.id === id),
      ),
    })

  // The view's height, as the panel is resized (and once it is first laid out).
  const hasTree = rows.length > 0
  useLayoutEffect(() => {
    const tree = treeRef.current
    if (!tree) return
    const measure = () =>
      setViewport((previous) =>
        previous.height === tree.clientHeight && previous.scrollTop === tree.scrollTop
          ? previous
          : { scrollTop: tree.scrollTop, height: tree.clientHeight },
      )
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(tree)
    return () => observer.disconnect()
  }, [hasTree])

  /** Scrolls the tree so row `at` shows whole (the drawn range follows at once). */
  const reveal = (at: number) => {
    const tree = treeRef.current
    if (!tree || at < 0) return
    const current = { scrollTop: tree.scrollTop, height: tree.clientHeight }
    const scrollTop = scrollToReveal(at, ROW_HEIGHT, current)
    if (scrollTop === current.scrollTop) return
    tree.scrollTop = scrollTop
    setViewport({ scrollTop: tree.scrollTop, height: current.height })
  }

  // The keyboard's new row is drawn now (the focused row always is): show it, then focus it.
  useLayoutEffect(() => {
    if (focusWanted.current === null || focusWanted.current !== focusedId) return
    focusWanted.current = null
    reveal(focusedAt)
    treeRef.current
      ?.querySelector<HTMLElement>(`[data-id="${CSS.escape(focusedId)}"]`)
      ?.focus({ preventScroll: true })
  })

  // The page in the active tab is scrolled into view, wherever it was opened from.
  useEffect(() => {
    // Once the list is known: a page in a folded group stays hidden, not revealed later.
    if (!active || revealed.current === active || rows.length === 0) return
    revealed.current = active
    reveal(rows.findIndex((row) => row.kind === 'page' && row.page.path === active))
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
    focusWanted.current = id
    setFocused(id)
  }

  const moveFocusBy = (step: number) =>
    moveFocus(rows[Math.max(0, Math.min(rows.length - 1, focusedAt + step))]?.id)

  /** Type-ahead: a letter goes to the next row starting with it; more letters refine. */
  const typeLetter = (letter: string) => {
    const now = performance.now()
    const previous = typeAhead.current
    const typed = (now - previous.at < TYPE_AHEAD_PAUSE ? previous.typed : '') + letter
    typeAhead.current = { typed, at: now }
    const at = typeAheadMatch(rows.map(rowLabel), focusedAt, typed)
    if (at >= 0) moveFocus(rows[at]!.id)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    // The row the key was pressed on, as the screen shows the focus: a row just drawn again
    // (after a rename) may have the focus before the tree's state has heard of it.
    const target = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]')
    const targetAt = target ? rows.findIndex((candidate) => candidate.id === target.dataset.id) : -1
    const position = targetAt >= 0 ? targetAt : focusedAt
    const row = rows[position]
    if (!row) return
    switch (event.key) {
      case 'ArrowDown':
        moveFocusBy(1)
        break
      case 'ArrowUp':
        moveFocusBy(-1)
        break
      case 'PageDown':
        moveFocusBy(rowsPerPage(viewport.height, ROW_HEIGHT))
        break
      case 'PageUp':
        moveFocusBy(-rowsPerPage(viewport.height, ROW_HEIGHT))
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
        activate(row)
        break
      case ' ':
        // Within a type-ahead search, a space is part of the title sought.
        if (performance.now() - typeAhead.current.at < TYPE_AHEAD_PAUSE) typeLetter(' ')
        else activate(row)
        break
      case 'F2':
        if (row.kind === 'page') openDialog({ kind: 'rename', path: row.page.path })
        break
      case 'Delete':
        if (row.kind === 'page') openDialog({ kind: 'delete', path: row.page.path })
        break
      default:
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return
        typeLetter(event.key)
    }
    event.preventDefault()
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
          onScroll={(event) =>
            setViewport({
              scrollTop: event.currentTarget.scrollTop,
              height: event.currentTarget.clientHeight,
            })
          }
        >
          {/* As tall as every row: the scroll bar is the whole list's, the rows sit in it. */}
          <div className="tree-rows" style={{ height: rows.length * ROW_HEIGHT }}>
            {rowsToDraw(visibleRange(viewport, ROW_HEIGHT, rows.length, OVERSCAN), focusedAt).map(
              (at) => {
                const row = rows[at]!
                return (
                  <TreeItem
                    key={row.id}
                    row={row}
                    top={at * ROW_HEIGHT}
                    focused={row.id === focusedId}
                    selected={row.kind === 'page' && row.page.path === active}
                    onFocus={() => setFocused(row.id)}
                    onClick={() => {
                      setFocused(row.id)
                      activate(row)
                    }}
                    onContextMenu={(event) => onContextMenu(event, row)}
                  />
                )
              },
            )}
          </div>
        </div>
      )}
      {menu && <ContextMenu {...menu} onClose={() => setMenu(null)} />}
    </section>
  )
}

function TreeItem(props: {
  row: TreeRow
  /** Where the row sits in the list, in pixels. */
  top: number
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
    style: { top: props.top },
    'aria-level': row.level,
    'aria-setsize': row.setSize,
    'aria-posinset': row.posInSet,
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
