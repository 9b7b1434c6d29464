import type { KeyboardCoordinateGetter } from '@dnd-kit/core'

const FORWARD = ['ArrowDown', 'ArrowRight']
const BACKWARD = ['ArrowUp', 'ArrowLeft']

/**
 * Moves a column picked up with the keyboard from one field row to the
 * next (arrow keys), instead of dnd-kit's default 25-pixel steps, so a
 * keyboard user reaches any field in a few presses.
 */
export const fieldRowCoordinates: KeyboardCoordinateGetter = (
  event,
  { context, currentCoordinates },
) => {
  const forward = FORWARD.includes(event.code)
  if (!forward && !BACKWARD.includes(event.code)) return undefined

  event.preventDefault()
  const { droppableRects, collisionRect, over } = context
  if (collisionRect === null) return currentCoordinates

  const rects = [...droppableRects.values()].sort((a, b) => a.top - b.top)
  const current = over ? droppableRects.get(over.id) : undefined
  let target
  if (current === undefined) {
    target = forward ? rects[0] : rects[rects.length - 1]
  } else if (forward) {
    target = rects.find((rect) => rect.top > current.top + 1)
  } else {
    target = [...rects].reverse().find((rect) => rect.top < current.top - 1)
  }

  if (target === undefined) return currentCoordinates

  return {
    x: target.left + 12,
    y: target.top + (target.height - collisionRect.height) / 2,
  }
}
