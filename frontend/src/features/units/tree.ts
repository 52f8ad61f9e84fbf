import type { UnitLevel, UnitView } from '../../api/types'

export interface UnitNode {
  unit: UnitView
  children: UnitNode[]
}

/**
 * Nests the flat, path-sorted list the API returns. A unit whose parent is not in the list (a
 * filtered view, or a retired parent hidden) becomes a root, so nothing silently disappears.
 */
export function buildTree(units: UnitView[]): UnitNode[] {
  const nodes = new Map<number, UnitNode>()
  for (const u of units) nodes.set(u.id, { unit: u, children: [] })
  const roots: UnitNode[] = []
  for (const u of units) {
    const node = nodes.get(u.id)!
    const parent = u.parentId !== null ? nodes.get(u.parentId) : undefined
    if (parent && parent !== node) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

/** Active units of `level` anywhere below `parentId`: what a bulk point creation would cover. */
export function descendantsAtLevel(
  units: UnitView[],
  parentId: number,
  level: UnitLevel,
): UnitView[] {
  const byId = new Map(units.map((u) => [u.id, u]))
  const isBelow = (u: UnitView) => {
    const seen = new Set<number>()
    let current = u.parentId
    while (current !== null && !seen.has(current)) {
      if (current === parentId) return true
      seen.add(current)
      current = byId.get(current)?.parentId ?? null
    }
    return false
  }
  return units.filter((u) => u.level === level && !u.retired && isBelow(u))
}
