import { describe, expect, it } from 'vitest'
import {
  formatDateTime,
  formatLong,
  formatTime,
  instantToLocalInput,
  localInputToOffset,
} from './time'

describe('time in Asia/Ho_Chi_Minh', () => {
  it('shows UTC instants as Vietnam time', () => {
    expect(formatDateTime('2026-12-03T01:00:00Z', 'vi')).toBe('08:00 03/12/2026')
    expect(formatTime('2026-12-03T01:30:00Z', 'vi')).toBe('08:30')
    expect(formatLong('2026-12-03T01:00:00Z', 'vi')).toContain('Thứ Năm')
  })

  it('crosses the date line correctly', () => {
    // 20:00 UTC on the 2nd is already 03:00 on the 3rd in Hanoi
    expect(formatDateTime('2026-12-02T20:00:00Z', 'vi')).toBe('03:00 03/12/2026')
    expect(instantToLocalInput('2026-12-02T20:00:00Z')).toBe('2026-12-03T03:00')
  })

  it('formats English with a day-first date too', () => {
    expect(formatDateTime('2026-12-03T01:00:00Z', 'en')).toBe('03/12/2026, 08:00')
  })

  it('is empty for missing values', () => {
    expect(formatDateTime(null, 'vi')).toBe('')
    expect(instantToLocalInput(undefined)).toBe('')
    expect(instantToLocalInput('not a date')).toBe('')
    expect(localInputToOffset('')).toBeNull()
    expect(localInputToOffset('garbage')).toBeNull()
  })

  it('sends datetime-local values with +07:00', () => {
    expect(localInputToOffset('2026-12-03T08:00')).toBe('2026-12-03T08:00:00+07:00')
    expect(localInputToOffset('2026-12-03T08:00:30')).toBe('2026-12-03T08:00:30+07:00')
  })

  it('round-trips an input through the wire format', () => {
    const sent = localInputToOffset('2026-01-01T00:15')!
    expect(new Date(sent).toISOString()).toBe('2025-12-31T17:15:00.000Z')
    expect(instantToLocalInput(new Date(sent).toISOString())).toBe('2026-01-01T00:15')
  })
})
