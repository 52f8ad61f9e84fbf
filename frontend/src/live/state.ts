import { applyFloorEvent, type FloorExtras } from '../features/floor/floorState'
import type {
  AgendaLiveItem,
  LiveSessionState,
  LiveSnapshot,
  PointLiveView,
  RollCallView,
  ServerEvent,
} from './messages'

/**
 * The live state of a session as the screens read it: the snapshot's fields, kept current by the
 * events after it. Fields a feature adds to the snapshot arrive here unchanged (declare them on
 * LiveSnapshot); its events get one case in applyEvent.
 */
export type LiveState = Omit<LiveSnapshot, 'type'> &
  FloorExtras & {
    /** The feedback form's status as last announced (not in the snapshot: the phone reads it over REST). */
    feedbackStatus?: 'OPEN' | 'CLOSED'
  }

function replaceById<T extends { id: number }>(list: readonly T[], next: T): T[] {
  return list.some((x) => x.id === next.id)
    ? list.map((x) => (x.id === next.id ? next : x))
    : [...list, next]
}

function withSession(state: LiveState, patch: Partial<LiveSessionState>): LiveState {
  return { ...state, session: { ...state.session, ...patch } }
}

function withItem(state: LiveState, item: AgendaLiveItem): LiveState {
  return { ...state, agenda: replaceById(state.agenda, item) }
}

function withPoints(state: LiveState, points: PointLiveView[]): LiveState {
  return { ...state, points: points.reduce((list, p) => replaceById(list, p), state.points) }
}

function answered(rollCall: RollCallView | null, pointId: number): RollCallView | null {
  if (!rollCall) return rollCall
  return {
    ...rollCall,
    answered: rollCall.answered.includes(pointId)
      ? rollCall.answered
      : [...rollCall.answered, pointId],
    pending: rollCall.pending.filter((id) => id !== pointId),
  }
}

/**
 * Pure reducer: the state after a snapshot or an event. Before the first snapshot there is no state
 * and events are ignored (the snapshot that comes first reflects them). Events the state already
 * reflects (seq not above it) are ignored too. Unknown event types only advance `seq`, so an older
 * screen keeps working when the server learns new events.
 */
export function applyEvent(
  state: LiveState | null,
  message: LiveSnapshot | ServerEvent | { type: string; seq?: number },
): LiveState | null {
  if (message.type === 'live.snapshot') {
    const { type: _type, ...snapshot } = message as LiveSnapshot
    return snapshot
  }
  if (!state) return state
  const seq = message.seq
  if (typeof seq === 'number' && seq <= state.seq) return state
  const next = reduce(state, message as ServerEvent)
  return typeof seq === 'number' ? { ...next, seq } : next
}

function reduce(state: LiveState, event: ServerEvent): LiveState {
  switch (event.type) {
    case 'session.started':
      return withSession(state, { status: 'LIVE' })
    case 'session.ended':
      return withSession(state, { status: 'ENDED' })
    case 'agenda.item_started':
    case 'agenda.item_finished':
    case 'agenda.item_skipped':
    case 'agenda.item_extended':
    case 'agenda.item_overran':
      return withItem(state, event.item)
    case 'agenda.reordered':
      return { ...state, agenda: event.items }
    case 'point.statuses_changed':
      return withPoints(state, event.points)
    case 'rollcall.started':
      return {
        ...state,
        rollCall: {
          startedAt: event.at,
          startedBy: event.by,
          answered: [],
          pending: event.pending,
        },
      }
    case 'rollcall.answered':
      return { ...state, rollCall: answered(state.rollCall, event.pointId) }
    case 'attendance.counts_changed':
      return { ...state, attendance: event.counts }
    // polls
    case 'poll.opened':
    case 'poll.closed':
    case 'poll.published': {
      const known = (state.polls ?? []).find((p) => p.id === event.poll.id)
      // opened/closed carry no results: keep the ones already seen
      const poll = event.poll.results
        ? event.poll
        : { ...event.poll, results: known?.results ?? null }
      return { ...state, polls: replaceById(state.polls ?? [], poll) }
    }
    case 'poll.results_changed':
      return {
        ...state,
        polls: (state.polls ?? []).map((p) =>
          p.id === event.pollId ? { ...p, results: event.results } : p,
        ),
      }
    // floor: requests to speak and written questions
    case 'floor.requested':
    case 'floor.granted':
    case 'floor.declined':
    case 'floor.withdrawn':
    case 'floor.finished':
    case 'floor.reordered':
    case 'floor.queue_closed':
    case 'floor.queue_opened':
    case 'question.asked':
    case 'question.approved':
    case 'question.answered':
    case 'question.hidden':
    case 'question.merged':
      return applyFloorEvent(state, event)
    // feedback
    case 'feedback.opened':
      return { ...state, feedbackStatus: 'OPEN' }
    case 'feedback.closed':
      return { ...state, feedbackStatus: 'CLOSED' }
    // Other features: one case per event type here.
    default:
      return state
  }
}

// ---- derived values the screens share ----

export function currentItem(state: LiveState | null): AgendaLiveItem | undefined {
  return state?.agenda.find((i) => i.status === 'ACTIVE')
}

/** Pending items in programme order (the first one is "next"). */
export function upcomingItems(state: LiveState | null): AgendaLiveItem[] {
  return (state?.agenda ?? []).filter((i) => i.status === 'PENDING')
}

export interface ItemTimer {
  /** Milliseconds since the item started. */
  elapsedMs: number
  /** Planned duration (extensions included) in milliseconds. */
  plannedMs: number
  /** Negative while time is left; positive once the item runs over. */
  overMs: number
  overrun: boolean
}

export function itemTimer(item: AgendaLiveItem, now: number): ItemTimer | null {
  if (!item.actualStart) return null
  const start = Date.parse(item.actualStart)
  const end = item.actualEnd ? Date.parse(item.actualEnd) : now
  const elapsedMs = Math.max(0, end - start)
  const plannedMs = item.durationMinutes * 60_000
  const overMs = elapsedMs - plannedMs
  return { elapsedMs, plannedMs, overMs, overrun: overMs > 0 }
}

/** "mm:ss" or "h:mm:ss" of a duration (absolute value). */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0')
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}

export interface PointTotals {
  points: number
  byStatus: Record<string, number>
  present: number
  expected: number
}

/** Points per status and the people present against those expected, over all points. */
export function pointTotals(points: readonly PointLiveView[]): PointTotals {
  const byStatus: Record<string, number> = {}
  let present = 0
  let expected = 0
  for (const p of points) {
    byStatus[p.status] = (byStatus[p.status] ?? 0) + 1
    present += p.presentCount ?? 0
    expected += p.expectedCount ?? 0
  }
  return { points: points.length, byStatus, present, expected }
}
