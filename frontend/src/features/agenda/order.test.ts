import { describe, expect, it } from 'vitest'
import { moveId } from './order'

describe('moveId', () => {
  it('moves an item up or down and keeps every id', () => {
    expect(moveId([10, 20, 30], 30, -1)).toEqual([10, 30, 20])
    expect(moveId([10, 20, 30], 10, 1)).toEqual([20, 10, 30])
    expect(moveId([10, 20, 30], 10, 2)).toEqual([20, 30, 10])
  })

  it('does nothing at the edges or for unknown ids', () => {
    expect(moveId([10, 20], 10, -1)).toEqual([10, 20])
    expect(moveId([10, 20], 20, 1)).toEqual([10, 20])
    expect(moveId([10, 20], 99, 1)).toEqual([10, 20])
  })
})
