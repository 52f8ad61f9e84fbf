import { describe, expect, it } from 'vitest'
import type { UnitLevel, UnitView } from '../../api/types'
import { buildTree, descendantsAtLevel } from './tree'

function unit(id: number, parentId: number | null, level: UnitLevel, retired = false): UnitView {
  return {
    id,
    parentId,
    code: `U${id}`,
    name: `Đơn vị ${id}`,
    level,
    retired,
    path: '',
    childCount: 0,
    version: 0,
  }
}

const units = [
  unit(1, null, 'PROVINCE'),
  unit(2, 1, 'DISTRICT'),
  unit(3, 2, 'COMMUNE'),
  unit(4, 2, 'COMMUNE', true),
  unit(5, 1, 'DISTRICT'),
  unit(6, 5, 'COMMUNE'),
  unit(7, null, 'AGENCY'),
]

describe('buildTree', () => {
  it('nests children under their parents', () => {
    const roots = buildTree(units)
    expect(roots.map((n) => n.unit.id)).toEqual([1, 7])
    expect(roots[0]!.children.map((n) => n.unit.id)).toEqual([2, 5])
    expect(roots[0]!.children[0]!.children.map((n) => n.unit.id)).toEqual([3, 4])
  })

  it('keeps orphans (parent filtered out) as roots', () => {
    expect(buildTree([unit(3, 2, 'COMMUNE')]).map((n) => n.unit.id)).toEqual([3])
  })
})

describe('descendantsAtLevel', () => {
  it('finds active units of a level at any depth', () => {
    expect(descendantsAtLevel(units, 1, 'COMMUNE').map((u) => u.id)).toEqual([3, 6])
    expect(descendantsAtLevel(units, 5, 'COMMUNE').map((u) => u.id)).toEqual([6])
    expect(descendantsAtLevel(units, 1, 'DISTRICT').map((u) => u.id)).toEqual([2, 5])
    expect(descendantsAtLevel(units, 7, 'COMMUNE')).toEqual([])
  })

  it('survives a cycle in bad data', () => {
    const looped = [unit(1, 2, 'DISTRICT'), unit(2, 1, 'DISTRICT')]
    expect(descendantsAtLevel(looped, 9, 'DISTRICT')).toEqual([])
  })
})
