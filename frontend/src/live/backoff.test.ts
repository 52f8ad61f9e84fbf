import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff'

describe('backoffDelay', () => {
  it('doubles from the base and never passes the cap', () => {
    const max = (n: number) => backoffDelay(n, () => 1)
    expect([0, 1, 2, 3].map(max)).toEqual([500, 1000, 2000, 4000])
    expect(max(10)).toBe(15_000)
    expect(max(1000)).toBe(15_000)
  })

  it('jitters within the upper half of the window', () => {
    expect(backoffDelay(3, () => 0)).toBe(2000)
    expect(backoffDelay(3, () => 0.5)).toBe(3000)
    expect(backoffDelay(20, () => 0)).toBe(7500)
  })
})
