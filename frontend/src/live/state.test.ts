import { describe, expect, it } from 'vitest'
import {
  applyEvent,
  currentItem,
  formatDuration,
  itemTimer,
  pointTotals,
  upcomingItems,
} from './state'
import { item, point, snapshot } from './testing'

describe('applyEvent', () => {
  it('ignores events before the first snapshot and takes the snapshot whole', () => {
    expect(applyEvent(null, { type: 'session.started', seq: 5, sessionId: 7, at: 'x' })).toBeNull()
    const state = applyEvent(null, snapshot())!
    expect(state.seq).toBe(100)
    expect(state).not.toHaveProperty('type')
    expect(state.points).toHaveLength(3)
  })

  it('follows session, agenda and point events and advances seq', () => {
    let s = applyEvent(null, snapshot())
    s = applyEvent(s, {
      type: 'session.started',
      seq: 101,
      sessionId: 7,
      at: '2026-01-01T00:00:00Z',
    })
    expect(s!.session.status).toBe('LIVE')
    s = applyEvent(s, {
      type: 'agenda.item_started',
      seq: 102,
      item: item(1, { status: 'ACTIVE', actualStart: '2026-01-01T00:00:00Z' }),
    })
    expect(currentItem(s)?.id).toBe(1)
    expect(upcomingItems(s).map((i) => i.id)).toEqual([2, 3])
    s = applyEvent(s, {
      type: 'agenda.item_skipped',
      seq: 103,
      item: item(2, { status: 'SKIPPED' }),
    })
    s = applyEvent(s, {
      type: 'agenda.reordered',
      seq: 104,
      items: [s!.agenda[0]!, s!.agenda[1]!, item(3, { position: 3 })],
    })
    expect(upcomingItems(s).map((i) => i.id)).toEqual([3])
    s = applyEvent(s, {
      type: 'point.statuses_changed',
      seq: 105,
      points: [point(11, { status: 'ONLINE' }), point(12, { status: 'DEGRADED', trouble: 'NO_SOUND' })],
    })
    expect(s!.points.find((p) => p.id === 11)!.status).toBe('ONLINE')
    expect(s!.points.find((p) => p.id === 12)!.trouble).toBe('NO_SOUND')
    expect(s!.points.map((p) => p.id)).toEqual(snapshot().points.map((p) => p.id))
    expect(s!.seq).toBe(105)
    s = applyEvent(s, { type: 'session.ended', seq: 106, sessionId: 7, at: 'x' })
    expect(s!.session.status).toBe('ENDED')
  })

  it('tracks the roll call: started lists pending points, answers move them to answered', () => {
    let s = applyEvent(null, snapshot())
    s = applyEvent(s, {
      type: 'rollcall.started',
      seq: 101,
      at: 't',
      by: 'organizer',
      pending: [11, 12],
    })
    expect(s!.rollCall).toEqual({
      startedAt: 't',
      startedBy: 'organizer',
      answered: [],
      pending: [11, 12],
    })
    s = applyEvent(s, { type: 'rollcall.answered', seq: 102, pointId: 12, present: 30, at: 't' })
    s = applyEvent(s, { type: 'rollcall.answered', seq: 103, pointId: 12, present: 31, at: 't' })
    expect(s!.rollCall!.pending).toEqual([11])
    expect(s!.rollCall!.answered).toEqual([12])
  })

  it('skips events the state already reflects and keeps unknown event types harmless', () => {
    const s = applyEvent(null, snapshot(100))
    expect(applyEvent(s, { type: 'session.started', seq: 100, sessionId: 7, at: 'x' })).toBe(s)
    const later = applyEvent(s, { type: 'future.something_happened', seq: 101 })!
    expect(later.seq).toBe(101)
    expect(later.session).toBe(s!.session)
  })
})

describe('timer and totals', () => {
  it('shows time left, then the overrun', () => {
    const started = item(1, {
      status: 'ACTIVE',
      actualStart: '2026-01-01T00:00:00Z',
      durationMinutes: 5,
    })
    const t0 = Date.parse('2026-01-01T00:00:00Z')
    expect(itemTimer(started, t0 + 60_000)).toMatchObject({ elapsedMs: 60_000, overrun: false })
    const over = itemTimer(started, t0 + 6 * 60_000 + 5_000)!
    expect(over.overrun).toBe(true)
    expect(formatDuration(over.overMs)).toBe('1:05')
    expect(formatDuration(3_725_000)).toBe('1:02:05')
    expect(itemTimer(item(2), t0)).toBeNull()
  })

  it('counts points per status and people present', () => {
    const totals = pointTotals([
      point(1, { status: 'READY', presentCount: 12 }),
      point(2, { status: 'READY', presentCount: 3 }),
      point(3, { status: 'OFFLINE' }),
    ])
    expect(totals.byStatus).toEqual({ READY: 2, OFFLINE: 1 })
    expect(totals.present).toBe(15)
    expect(totals.expected).toBe(60)
  })
})
