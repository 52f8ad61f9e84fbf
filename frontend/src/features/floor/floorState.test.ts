import { describe, expect, it } from 'vitest'
import type { FloorRequestView, QuestionView } from '../../live/messages'
import { applyEvent, type LiveState } from '../../live/state'
import { minutesWaited, moved, placeInQueue, requestsOfPoint, screenQuestions } from './floorState'

function req(id: number, pointId: number, position: number, status = 'WAITING'): FloorRequestView {
  return {
    id,
    sessionId: 1,
    pointId,
    pointName: `Điểm cầu ${pointId}`,
    delegateId: null,
    delegateName: null,
    topic: `Chủ đề ${id}`,
    status: status as FloorRequestView['status'],
    position,
    requestedBy: 'op1',
    requestedAt: '2026-12-03T01:00:00Z',
    grantedAt: null,
    closedAt: null,
    declineReason: null,
  }
}

function q(id: number, status: QuestionView['status']): QuestionView {
  return {
    id,
    sessionId: 1,
    delegateId: 9,
    authorName: 'Nguyễn Văn Ánh',
    pointId: 2,
    pointName: 'Gio Linh',
    text: `Câu hỏi ${id}`,
    status,
    mergedIntoId: null,
    askedAt: '2026-12-03T01:00:00Z',
    moderatedAt: null,
  }
}

function snapshot(): LiveState {
  return applyEvent(null, {
    type: 'live.snapshot',
    seq: 10,
    session: { id: 1, title: 'Hội nghị', status: 'LIVE', startsAt: null, endsAt: null },
    agenda: [],
    points: [],
    rollCall: null,
    heartbeatSeconds: 10,
    floor: { speaking: null, queue: [req(1, 2, 1)] },
    questions: [],
  })!
}

describe('floor events', () => {
  it('queues, grants one speaker at a time and keeps closed requests for the point', () => {
    let s = snapshot()
    s = applyEvent(s, { type: 'floor.requested', seq: 11, request: req(2, 3, 2) })!
    expect(s.floor?.queue.map((r) => r.id)).toEqual([1, 2])
    expect(placeInQueue(s.floor, 2)).toBe(2)
    s = applyEvent(s, { type: 'floor.granted', seq: 12, request: req(1, 2, 1, 'GRANTED') })!
    expect(s.floor?.speaking?.id).toBe(1)
    expect(s.floor?.queue.map((r) => r.id)).toEqual([2])
    s = applyEvent(s, { type: 'floor.finished', seq: 13, request: req(1, 2, 1, 'FINISHED') })!
    s = applyEvent(s, { type: 'floor.granted', seq: 14, request: req(2, 3, 2, 'GRANTED') })!
    expect(s.floor?.speaking?.id).toBe(2)
    expect(requestsOfPoint(s, 2).closed.map((r) => r.status)).toEqual(['FINISHED'])
    expect(requestsOfPoint(s, 3).speaking?.id).toBe(2)
    // an event already reflected is ignored
    expect(
      applyEvent(s, { type: 'floor.finished', seq: 14, request: req(2, 3, 2, 'FINISHED') }),
    ).toBe(s)
  })

  it('declined and withdrawn requests leave the queue; reorder replaces it', () => {
    let s = snapshot()
    s = applyEvent(s, { type: 'floor.requested', seq: 11, request: req(2, 3, 2) })!
    s = applyEvent(s, { type: 'floor.requested', seq: 12, request: req(3, 4, 3) })!
    s = applyEvent(s, {
      type: 'floor.reordered',
      seq: 13,
      queue: [req(3, 4, 1), req(1, 2, 2), req(2, 3, 3)],
    })!
    expect(s.floor?.queue.map((r) => r.id)).toEqual([3, 1, 2])
    s = applyEvent(s, {
      type: 'floor.declined',
      seq: 14,
      request: { ...req(1, 2, 2, 'DECLINED'), declineReason: 'Hết giờ' },
    })!
    s = applyEvent(s, { type: 'floor.withdrawn', seq: 15, request: req(2, 3, 3, 'WITHDRAWN') })!
    expect(s.floor?.queue.map((r) => r.id)).toEqual([3])
    expect(requestsOfPoint(s, 2).closed[0]?.declineReason).toBe('Hết giờ')
  })

  it('closing the queue keeps the waiting requests; a grant keeps it closed; reopening opens it', () => {
    let s = snapshot()
    expect(s.floor?.queueClosed).toBeFalsy()
    s = applyEvent(s, {
      type: 'floor.queue_closed',
      seq: 11,
      by: 'hoa.nt',
      at: '2026-12-03T02:40:00Z',
    })!
    expect(s.floor?.queueClosed).toBe(true)
    expect(s.floor?.queue.map((r) => r.id)).toEqual([1])
    s = applyEvent(s, { type: 'floor.granted', seq: 12, request: req(1, 2, 1, 'GRANTED') })!
    expect(s.floor?.queueClosed).toBe(true)
    s = applyEvent(s, {
      type: 'floor.queue_opened',
      seq: 13,
      by: 'hoa.nt',
      at: '2026-12-03T02:55:00Z',
    })!
    expect(s.floor?.queueClosed).toBe(false)
  })

  it('moves a request up or down for floor.reorder', () => {
    const queue = [req(1, 2, 1), req(2, 3, 2), req(3, 4, 3)]
    expect(moved(queue, 2, -1)).toEqual([2, 1, 3])
    expect(moved(queue, 2, 1)).toEqual([1, 3, 2])
    expect(moved(queue, 1, -1)).toEqual([1, 2, 3])
  })

  it('counts whole minutes waited', () => {
    expect(minutesWaited('2026-12-03T01:00:00Z', Date.parse('2026-12-03T01:02:59Z'))).toBe(2)
    expect(minutesWaited('2026-12-03T01:00:00Z', Date.parse('2026-12-03T00:59:00Z'))).toBe(0)
  })
})

describe('question events', () => {
  it('publishes approved questions, removes hidden and merged ones, counts pending', () => {
    let s = snapshot()
    s = applyEvent(s, { type: 'question.asked', seq: 11, questionId: 5, pending: 1 })!
    expect(s.questionsPending).toBe(1)
    expect(s.questions).toEqual([])
    s = applyEvent(s, {
      type: 'question.approved',
      seq: 12,
      question: q(5, 'APPROVED'),
      pending: 0,
    })!
    s = applyEvent(s, {
      type: 'question.approved',
      seq: 13,
      question: q(6, 'APPROVED'),
      pending: 0,
    })!
    s = applyEvent(s, {
      type: 'question.answered',
      seq: 14,
      question: q(5, 'ANSWERED'),
      pending: 0,
    })!
    expect(screenQuestions(s.questions).map((x) => x.id)).toEqual([6, 5])
    s = applyEvent(s, { type: 'question.merged', seq: 15, questionId: 6, intoId: 5, pending: 0 })!
    expect(s.questions?.map((x) => x.id)).toEqual([5])
    s = applyEvent(s, { type: 'question.hidden', seq: 16, questionId: 5, pending: 0 })!
    expect(s.questions).toEqual([])
  })
})
