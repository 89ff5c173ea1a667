import type { Editor } from '@tiptap/core'
import { selectedRect } from '@tiptap/pm/tables'
import { alignCellsLikeHeader } from '../../src-shared/editor-schema/table-alignment.js'

/** One button of the formatting bar: what it does to the text, and when it shows as pressed. */
export interface ToolbarButton {
  id: string
  /** A codicon name; empty for the heading buttons, which show a short label (« T2 »). */
  icon: string
  /** The i18n key of its name. */
  label: string
  /** Shortcut shown in the tooltip; the keys themselves come from the extensions. */
  keys?: string
  run(editor: Editor): void
  active?(editor: Editor): boolean
}

/** The playbook's highlighted box: a kramdown IAL on the paragraph, as the theme styles it. */
export const ENCADRE = '{: .encadre}'

export const toolbarButtons: (ToolbarButton | 'separator')[] = [
  {
    id: 'paragraph',
    icon: 'symbol-text',
    label: 'toolbar.paragraph',
    keys: 'Ctrl+Alt+0',
    run: (e) => e.chain().focus().setParagraph().run(),
    active: (e) => e.isActive('paragraph'),
  },
  ...([2, 3, 4] as const).map((level) => ({
    id: `heading-${level}`,
    icon: '',
    label: `toolbar.heading${level}`,
    keys: `Ctrl+Alt+${level}`,
    run: (e: Editor) => e.chain().focus().toggleHeading({ level }).run(),
    active: (e: Editor) => e.isActive('heading', { level }),
  })),
  'separator',
  {
    id: 'bold',
    icon: 'bold',
    label: 'toolbar.bold',
    keys: 'Ctrl+B',
    run: (e) => e.chain().focus().toggleBold().run(),
    active: (e) => e.isActive('bold'),
  },
  {
    id: 'italic',
    icon: 'italic',
    label: 'toolbar.italic',
    keys: 'Ctrl+I',
    run: (e) => e.chain().focus().toggleItalic().run(),
    active: (e) => e.isActive('italic'),
  },
  'separator',
  {
    id: 'bullet-list',
    icon: 'list-unordered',
    label: 'toolbar.bulletList',
    keys: 'Ctrl+Shift+8',
    run: (e) => e.chain().focus().toggleBulletList().run(),
    active: (e) => e.isActive('bulletList'),
  },
  {
    id: 'ordered-list',
    icon: 'list-ordered',
    label: 'toolbar.orderedList',
    keys: 'Ctrl+Shift+7',
    run: (e) => e.chain().focus().toggleOrderedList().run(),
    active: (e) => e.isActive('orderedList'),
  },
  {
    id: 'quote',
    icon: 'quote',
    label: 'toolbar.quote',
    keys: 'Ctrl+Shift+B',
    run: (e) => e.chain().focus().toggleBlockquote().run(),
    active: (e) => e.isActive('blockquote'),
  },
  {
    id: 'encadre',
    icon: 'note',
    label: 'toolbar.encadre',
    run: (e) => {
      const current = e.getAttributes('paragraph').ial
      e.chain()
        .focus()
        .updateAttributes('paragraph', { ial: current === ENCADRE ? null : ENCADRE })
        .run()
    },
    active: (e) => e.getAttributes('paragraph').ial === ENCADRE,
  },
  {
    id: 'rule',
    icon: 'dash',
    label: 'toolbar.rule',
    run: (e) => e.chain().focus().setHorizontalRule().run(),
  },
  {
    // Shown pressed in a table, where the table's own buttons appear (`tableButtons`).
    id: 'table',
    icon: 'table',
    label: 'tableToolbar.insert',
    run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 2, withHeaderRow: true }).run(),
    active: (e) => e.isActive('table'),
  },
  'separator',
  {
    id: 'undo',
    icon: 'discard',
    label: 'toolbar.undo',
    keys: 'Ctrl+Z',
    run: (e) => e.chain().focus().undo().run(),
  },
  {
    id: 'redo',
    icon: 'redo',
    label: 'toolbar.redo',
    keys: 'Ctrl+Y',
    run: (e) => e.chain().focus().redo().run(),
  },
]

/** The table's operations, shown while the caret is in a table. */
export const tableButtons: ToolbarButton[] = [
  {
    id: 'row-before',
    icon: 'arrow-up',
    label: 'tableToolbar.addRowBefore',
    run: (e) => {
      e.chain().focus().addRowBefore().command(alignCellsLikeHeader).run()
    },
  },
  {
    id: 'row-after',
    icon: 'arrow-down',
    label: 'tableToolbar.addRowAfter',
    run: (e) => {
      e.chain().focus().addRowAfter().command(alignCellsLikeHeader).run()
    },
  },
  {
    id: 'row-delete',
    icon: 'remove',
    label: 'tableToolbar.deleteRow',
    run: (e) => e.chain().focus().deleteRow().run(),
  },
  {
    id: 'column-before',
    icon: 'arrow-left',
    label: 'tableToolbar.addColumnBefore',
    run: (e) => e.chain().focus().addColumnBefore().run(),
  },
  {
    id: 'column-after',
    icon: 'arrow-right',
    label: 'tableToolbar.addColumnAfter',
    run: (e) => e.chain().focus().addColumnAfter().run(),
  },
  {
    id: 'column-delete',
    icon: 'diff-removed',
    label: 'tableToolbar.deleteColumn',
    run: (e) => e.chain().focus().deleteColumn().run(),
  },
  {
    id: 'header-row',
    icon: 'layout-menubar',
    label: 'tableToolbar.headerRow',
    run: (e) => e.chain().focus().toggleHeaderRow().run(),
    active: (e) => e.isActive('tableHeader'),
  },
  ...(['left', 'center', 'right'] as const).map((align) => ({
    id: `align-${align}`,
    icon:
      align === 'left'
        ? 'layout-sidebar-left'
        : align === 'right'
          ? 'layout-sidebar-right'
          : 'layout-centered',
    label: `tableToolbar.align${align[0]!.toUpperCase()}${align.slice(1)}`,
    run: (e: Editor) => alignColumns(e, align),
    active: (e: Editor) =>
      e.getAttributes('tableHeader').align === align ||
      e.getAttributes('tableCell').align === align,
  })),
  {
    id: 'table-delete',
    icon: 'trash',
    label: 'tableToolbar.deleteTable',
    run: (e) => e.chain().focus().deleteTable().run(),
  },
]

/**
 * Aligns the columns of the selection (the caret's column) as a Markdown
 * table aligns: every cell of the column, written in the alignment row.
 * Pressing the column's alignment again takes it off.
 */
export function alignColumns(editor: Editor, align: 'left' | 'center' | 'right'): void {
  const { state } = editor
  if (!editor.isActive('table')) return
  const rect = selectedRect(state)
  const tr = state.tr
  const first = rect.table.nodeAt(rect.map.map[rect.left]!)
  const value = first?.attrs.align === align ? null : align
  const seen = new Set<number>()
  for (let row = 0; row < rect.map.height; row++)
    for (let column = rect.left; column < rect.right; column++) {
      const at = rect.map.map[row * rect.map.width + column]!
      if (seen.has(at)) continue
      seen.add(at)
      const cell = rect.table.nodeAt(at)!
      tr.setNodeMarkup(rect.tableStart + at, undefined, { ...cell.attrs, align: value })
    }
  editor.view.dispatch(tr)
  editor.commands.focus()
}

/** The ids of the buttons to show pressed where the caret is (and `link` inside a link). */
export function activeButtons(editor: Editor): string[] {
  return [...toolbarButtons, ...(editor.isActive('table') ? tableButtons : [])]
    .filter(
      (button): button is ToolbarButton =>
        button !== 'separator' && Boolean(button.active?.(editor)),
    )
    .map((button) => button.id)
    .concat(editor.isActive('link') ? ['link'] : [])
}

/** The address of the link at the caret, to start the link field from; empty outside a link. */
export function linkAtCaret(editor: Editor): string {
  return String(editor.getAttributes('link').href ?? '')
}

/** Sets the link over the selection or the whole link at the caret; an empty address removes it. */
export function applyLink(editor: Editor, address: string): void {
  const href = address.trim()
  const chain = editor.chain().focus().extendMarkRange('link')
  if (href) chain.setLink({ href }).run()
  else chain.unsetLink().run()
}

/** Inserts an image added to the media folder, addressed as Jekyll resolves it under `baseurl`. */
export function insertImage(editor: Editor, url: string, alt: string): void {
  editor
    .chain()
    .focus()
    .setImage({ src: `{{ '${url}' | relative_url }}`, alt: alt.trim() })
    .run()
}
