// Prev/next and related items for detail pages: pure functions over already-sorted lists.

/** The items on either side of `item` in a list sorted newest first. */
export function neighbours<T>(sorted: T[], item: T): { newer?: T; older?: T } {
  const at = sorted.indexOf(item)
  if (at < 0) return {}
  return { newer: sorted[at - 1], older: sorted[at + 1] }
}

/** Up to `limit` other items with a positive score, best first; ties keep the list's order. */
export function related<T>(sorted: T[], item: T, score: (other: T) => number, limit = 3): T[] {
  return sorted
    .filter((other) => other !== item)
    .map((other, index) => ({ other, index, points: score(other) }))
    .filter(({ points }) => points > 0)
    .sort((a, b) => b.points - a.points || a.index - b.index)
    .slice(0, limit)
    .map(({ other }) => other)
}

