import type { Announcements } from '@dnd-kit/core'

/** Names for what is dragged and where, read out by screen readers. */
export function mapAnnouncements(
  columnName: (id: string) => string,
  fieldName: (id: string) => string,
): Announcements {
  return {
    onDragStart: ({ active }) =>
      `Picked up column ${columnName(String(active.id))}. Use the arrow keys to move between fields, Space to drop, Escape to cancel.`,
    onDragOver: ({ active, over }) =>
      over
        ? `Column ${columnName(String(active.id))} is over ${fieldName(String(over.id))}.`
        : `Column ${columnName(String(active.id))} is not over a field.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `Column ${columnName(String(active.id))} now fills ${fieldName(String(over.id))}.`
        : `Column ${columnName(String(active.id))} was dropped outside the fields; nothing changed.`,
    onDragCancel: ({ active }) =>
      `Moving column ${columnName(String(active.id))} was cancelled.`,
  }
}

/** Said when a column card gets focus. */
export const mapInstructions = {
  draggable:
    'To map this column, press Space to pick it up, the arrow keys to move between fields, and Space again to drop it. Or choose the column in a field’s list.',
}
