import { describe, expect, it } from 'vitest'
import { applyEvent, type LiveSnapshot } from '../../live'
import { barWidth, type PollResults, type PollView } from './types'

const results = (totals: number[]): PollResults => ({
  pollId: 5,
  status: 'OPEN',
  voters: 2,
  roomVotes: 0,
  options: totals.map((total, position) => ({
    position,
    label: `${position}`,
    phone: total,
    room: 0,
    total,
  })),
  average: null,
  points: [],
  levels: [],
  texts: [],
})

const poll = (status: PollView['status'], r: PollResults | null = null): PollView => ({
  id: 5,
  sessionId: 7,
  agendaItemId: null,
  question: 'Tán thành?',
  kind: 'SINGLE',
  options: ['Có', 'Không'],
  maxChoices: null,
  anonymous: true,
  changeable: false,
  resultsHidden: false,
  status,
  openedAt: null,
  closedAt: null,
  publishedAt: null,
  results: r,
  myChoices: null,
  myText: null,
})

const snapshot: LiveSnapshot = {
  type: 'live.snapshot',
  seq: 10,
  session: { id: 7, title: 'x', status: 'LIVE', startsAt: null, endsAt: null },
  agenda: [],
  points: [],
  rollCall: null,
  heartbeatSeconds: 10,
}

describe('poll events in the live state', () => {
  it('adds an opened poll, applies coalesced totals, and keeps them when the poll closes', () => {
    let s = applyEvent(null, snapshot)
    s = applyEvent(s, { type: 'poll.opened', seq: 11, poll: poll('OPEN') })
    expect(s!.polls!.map((p) => p.status)).toEqual(['OPEN'])
    s = applyEvent(s, {
      type: 'poll.results_changed',
      seq: 12,
      pollId: 5,
      results: results([3, 1]),
    })
    expect(s!.polls![0]!.results!.options[0]!.total).toBe(3)
    s = applyEvent(s, { type: 'poll.closed', seq: 13, poll: poll('CLOSED') })
    expect(s!.polls![0]!.status).toBe('CLOSED')
    expect(s!.polls![0]!.results!.options[0]!.total).toBe(3)
    s = applyEvent(s, { type: 'poll.published', seq: 14, poll: poll('PUBLISHED', results([4, 1])) })
    expect(s!.polls![0]!.results!.options[0]!.total).toBe(4)
  })

  it('scales bars to the largest total', () => {
    expect(barWidth(2, results([4, 2]))).toBe(50)
    expect(barWidth(0, results([0, 0]))).toBe(0)
  })
})
