import { describe, expect, it } from 'vitest'
import { applyEvent } from '../../live/state'

describe('feedback live events', () => {
  it('remember whether the form was last opened or closed, once per seq', () => {
    let s = applyEvent(null, {
      type: 'live.snapshot',
      seq: 5,
      session: { id: 1, title: 'Hội nghị', status: 'LIVE', startsAt: null, endsAt: null },
      agenda: [],
      points: [],
      rollCall: null,
      heartbeatSeconds: 10,
    })!
    expect(s.feedbackStatus).toBeUndefined()
    s = applyEvent(s, { type: 'feedback.opened', seq: 6, formId: 3, at: '2026-12-03T04:30:00Z' })!
    expect(s.feedbackStatus).toBe('OPEN')
    s = applyEvent(s, { type: 'feedback.closed', seq: 7, formId: 3, at: '2026-12-03T05:30:00Z' })!
    expect(s.feedbackStatus).toBe('CLOSED')
    // an event already reflected is ignored
    expect(applyEvent(s, { type: 'feedback.opened', seq: 7, formId: 3, at: '' })).toBe(s)
  })
})
