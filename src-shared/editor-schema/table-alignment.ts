import type { EditorState, Transaction } from '@tiptap/pm/state'
import { isInTable, selectedRect } from '@tiptap/pm/tables'

/**
 * A command (for TipTap's `command` or a chain): every cell of the table at the
 * selection takes its column's alignment, that of the header row. A Markdown table
 * aligns whole columns (its alignment row), so a row just added shows as it will be
 * published. False outside a table.
 */
export function alignCellsLikeHeader({
  tr,
  state,
}: {
  tr: Transaction
  state: EditorState
}): boolean {
  if (!isInTable(state)) return false
  const { map, table, tableStart } = selectedRect(state)
  for (let column = 0; column < map.width; column++) {
    const align = table.nodeAt(map.map[column]!)?.attrs.align ?? null
    for (let row = 1; row < map.height; row++) {
      const at = map.map[row * map.width + column]!
      const cell = table.nodeAt(at)!
      if (cell.attrs.align !== align)
        tr.setNodeMarkup(tableStart + at, undefined, { ...cell.attrs, align })
    }
  }
  return true
}
