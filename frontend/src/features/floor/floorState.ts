// The floor's part of the live state: the reducer cases for floor.* and question.* events (called
// from live/state.ts) and the values the floor panels derive from it. Pure functions only.
import type {
  FloorRequestView,
  FloorServerEvent,
  FloorState,
  QuestionView,
} from '../../live/messages'

/** What the floor keeps beside the snapshot's fields, learnt from events after it. */
export interface FloorExtras {
  /** Requests closed since this screen connected (declined, withdrawn, finished), newest first. */
  floorClosed?: FloorRequestView[]
  /** Questions waiting for moderation, as last announced by a question.* event. */
  questionsPending?: number
}

interface FloorPart extends FloorExtras {
  floor?: FloorState
  questions?: QuestionView[]
}

const KEEP_CLOSED = 30

function without<T extends { id: number }>(list: readonly T[], id: number): T[] {
  return list.filter((x) => x.id !== id)
}

function byPosition(list: FloorRequestView[]): FloorRequestView[] {
  return [...list].sort((a, b) => a.position - b.position || a.id - b.id)
}

function closed<S extends FloorPart>(state: S, r: FloorRequestView): FloorRequestView[] {
  return [r, ...without(state.floorClosed ?? [], r.id)].slice(0, KEEP_CLOSED)
}

export function applyFloorEvent<S extends FloorPart>(state: S, event: FloorServerEvent): S {
  const floor = state.floor ?? { speaking: null, queue: [] }
  const questions = state.questions ?? []
  switch (event.type) {
    case 'floor.requested':
      return {
        ...state,
        floor: {
          ...floor,
          queue: byPosition([...without(floor.queue, event.request.id), event.request]),
        },
      }
    case 'floor.granted':
      return {
        ...state,
        floor: { ...floor, speaking: event.request, queue: without(floor.queue, event.request.id) },
      }
    case 'floor.finished':
      return {
        ...state,
        floor: {
          ...floor,
          speaking: floor.speaking?.id === event.request.id ? null : floor.speaking,
        },
        floorClosed: closed(state, event.request),
      }
    case 'floor.declined':
    case 'floor.withdrawn':
      return {
        ...state,
        floor: { ...floor, queue: without(floor.queue, event.request.id) },
        floorClosed: closed(state, event.request),
      }
    case 'floor.reordered':
      return { ...state, floor: { ...floor, queue: event.queue } }
    case 'floor.queue_closed':
    case 'floor.queue_opened':
      return { ...state, floor: { ...floor, queueClosed: event.type === 'floor.queue_closed' } }
    case 'question.asked':
      return { ...state, questionsPending: event.pending }
    case 'question.approved':
    case 'question.answered':
      return {
        ...state,
        questions: questions.some((q) => q.id === event.question.id)
          ? questions.map((q) => (q.id === event.question.id ? event.question : q))
          : [...questions, event.question],
        questionsPending: event.pending,
      }
    case 'question.hidden':
    case 'question.merged':
      return {
        ...state,
        questions: without(questions, event.questionId),
        questionsPending: event.pending,
      }
    default:
      return state
  }
}

/** The requests of one point: waiting (in queue order), speaking, and the recently closed ones. */
export function requestsOfPoint(
  state: FloorPart | null,
  pointId: number,
): { waiting: FloorRequestView[]; speaking: FloorRequestView | null; closed: FloorRequestView[] } {
  const floor = state?.floor ?? { speaking: null, queue: [] }
  return {
    waiting: floor.queue.filter((r) => r.pointId === pointId),
    speaking: floor.speaking?.pointId === pointId ? floor.speaking : null,
    closed: (state?.floorClosed ?? []).filter((r) => r.pointId === pointId),
  }
}

/** 1-based place of a request in the waiting queue (0 when not waiting). */
export function placeInQueue(floor: FloorState | undefined, requestId: number): number {
  return (floor?.queue.findIndex((r) => r.id === requestId) ?? -1) + 1
}

/** The queue with one request moved up (-1) or down (+1): the ids for floor.reorder. */
export function moved(queue: readonly FloorRequestView[], requestId: number, by: -1 | 1): number[] {
  const ids = queue.map((r) => r.id)
  const i = ids.indexOf(requestId)
  const j = i + by
  if (i < 0 || j < 0 || j >= ids.length) return ids
  const out = ids.filter((id) => id !== requestId)
  out.splice(j, 0, requestId)
  return out
}

/** Whole minutes waited since `since` (ISO), never negative. */
export function minutesWaited(since: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(since)) / 60_000))
}

/** The public questions still to answer first (oldest approved first), then the answered ones. */
export function screenQuestions(questions: readonly QuestionView[] | undefined): QuestionView[] {
  const list = questions ?? []
  return [
    ...list.filter((q) => q.status === 'APPROVED'),
    ...list.filter((q) => q.status === 'ANSWERED'),
  ]
}
