// Neighbours and related reports for the article pages, computed for all articles at once.
// (The leading underscore keeps this file from being a route.)
//
// Doing it per article with filter/sort over every article was O(n²): minutes at 10,000 news.
// Here the column lists are built once, and the related ranking is computed once per distinct
// column + tags combination (articles sharing both have the same candidates), looking only at the
// groups that share a tag plus the newest few of the same column.

type Article = { data: { column?: { slug: string }; tags: string[] } }

/** Per article, the article before (newer) and after (older) it in its column; `news` is newest first. */
export function columnNeighbours<T extends Article>(news: readonly T[]): Map<T, { newer?: T; older?: T }> {
  const byColumn = new Map<string, T[]>()
  for (const n of news) {
    const column = n.data.column?.slug
    if (!column) continue
    const siblings = byColumn.get(column)
    if (siblings) siblings.push(n)
    else byColumn.set(column, [n])
  }
  const result = new Map<T, { newer?: T; older?: T }>()
  for (const siblings of byColumn.values()) {
    siblings.forEach((n, at) => result.set(n, { newer: at > 0 ? siblings[at - 1] : undefined, older: siblings[at + 1] }))
  }
  return result
}

const RELATED = 3

/**
 * Per article, up to three other articles in the same column or with a shared tag: more shared
 * tags first (2 points each, 1 for the same column), then the newest. `news` must be newest first;
 * among equal scores the earlier one in `news` wins, as a stable sort by date would have it.
 */
export function relatedNews<T extends Article>(news: readonly T[]): Map<T, T[]> {
  // Articles with the same column and the same tags score the same against any article.
  type Group = { column?: string; tags: string[]; first: number[] }
  const groups = new Map<string, Group>()
  const groupOf: Group[] = []
  news.forEach((n, index) => {
    const column = n.data.column?.slug
    const key = JSON.stringify([column ?? null, [...n.data.tags].sort()])
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { column, tags: n.data.tags, first: [] }))
    // One more than shown, in case the article itself is among them.
    if (group.first.length <= RELATED) group.first.push(index)
    groupOf.push(group)
  })

  // Only groups sharing a tag (2 points a tag, +1 in the same column) or the column (1 point) score.
  const byTag = new Map<string, Set<Group>>()
  const byColumn = new Map<string, Group[]>() // in order of their newest article
  for (const group of groups.values()) {
    for (const tag of group.tags) byTag.set(tag, (byTag.get(tag) ?? new Set()).add(group))
    if (!group.column) continue
    const list = byColumn.get(group.column)
    if (list) list.push(group)
    else byColumn.set(group.column, [group])
  }
  const ranked = new Map<Group, number[]>()
  const rank = (own: Group): number[] => {
    const sameColumn = (other: Group) => Boolean(own.column) && other.column === own.column
    const sharing = new Set<Group>()
    for (const tag of own.tags) for (const group of byTag.get(tag) ?? []) sharing.add(group)
    const scored = [...sharing].flatMap((other) => {
      const points = other.tags.filter((tag) => own.tags.includes(tag)).length * 2 + (sameColumn(other) ? 1 : 0)
      return other.first.map((index) => ({ points, index }))
    })
    // 1-point articles (same column, no shared tag): only the newest few can make the list, so
    // walk the column's groups newest first and stop once no later group can be newer.
    const onePoint: number[] = []
    for (const other of (own.column && byColumn.get(own.column)) || []) {
      if (onePoint.length > RELATED && other.first[0] > onePoint[RELATED]) break
      if (sharing.has(other)) continue
      onePoint.push(...other.first)
      onePoint.sort((a, b) => a - b)
    }
    return [...scored, ...onePoint.map((index) => ({ points: 1, index }))]
      .sort((a, b) => b.points - a.points || a.index - b.index)
      .slice(0, RELATED + 1)
      .map(({ index }) => index)
  }

  const result = new Map<T, T[]>()
  news.forEach((n, index) => {
    const own = groupOf[index]
    let top = ranked.get(own)
    if (!top) ranked.set(own, (top = rank(own)))
    result.set(
      n,
      top.filter((other) => other !== index).slice(0, RELATED).map((other) => news[other]),
    )
  })
  return result
}
