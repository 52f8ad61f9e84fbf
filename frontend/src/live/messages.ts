import type { PollResults, PollView } from '../features/poll/types'
// The live protocol's message types, mirroring src/main/java/vn/diemcau/live/ServerMessage.java and
// ClientMessage.java (see docs/live-protocol.md). Instants are ISO-8601 UTC strings.
// A feature adding a message adds its interface here and a member to ServerEvent / LiveCommand.

import type { SessionStatus, UnitLevel } from '../api/types'

import type { AttendanceCommand, AttendanceCounts } from '../features/attendance/api'

export const AGENDA_ITEM_STATUSES = ['PENDING', 'ACTIVE', 'DONE', 'SKIPPED'] as const
export type AgendaItemStatus = (typeof AGENDA_ITEM_STATUSES)[number]

export const POINT_LIVE_STATUSES = ['NOT_JOINED', 'READY', 'ONLINE', 'DEGRADED', 'OFFLINE'] as const
export type PointLiveStatus = (typeof POINT_LIVE_STATUSES)[number]

export const POINT_TROUBLES = ['NO_SOUND', 'NO_PICTURE', 'OTHER'] as const
export type PointTrouble = (typeof POINT_TROUBLES)[number]

export interface AgendaLiveItem {
  id: number
  position: number
  title: string
  presenter: string | null
  plannedStart: string | null
  durationMinutes: number
  plannedEnd: string | null
  status: AgendaItemStatus
  actualStart: string | null
  actualEnd: string | null
}

export interface PointLiveView {
  id: number
  name: string
  mainHall: boolean
  unitLevel: UnitLevel | null
  expectedCount: number
  status: PointLiveStatus
  statusSince: string | null
  lastHeartbeatAt: string | null
  trouble: PointTrouble | null
  troubleNote: string | null
  presentCount: number | null
  readyAt: string | null
}

export interface RollCallView {
  startedAt: string
  startedBy: string | null
  answered: number[]
  pending: number[]
}

export interface LiveSessionState {
  id: number
  title: string
  status: SessionStatus
  startsAt: string | null
  endsAt: string | null
}

// ---- server → client ----

export interface LiveSnapshot {
  type: 'live.snapshot'
  seq: number
  session: LiveSessionState
  agenda: AgendaLiveItem[]
  points: PointLiveView[]
  rollCall: RollCallView | null
  heartbeatSeconds: number
  /** attendance: the session's counts (absent from servers without the attendance feature) */
  attendance?: AttendanceCounts
  /** polls: every poll past DRAFT (results only when this connection may see them) */
  polls?: PollView[]
  // floor: the current speaker and the waiting queue; the approved and answered questions
  // (optional so screens and test snapshots without them keep working)
  floor?: FloorState
  questions?: QuestionView[]
}

export interface LiveAck {
  type: 'live.ack'
  commandId: string
  ok: boolean
}

export interface LiveRejected {
  type: 'live.rejected'
  commandId: string | null
  code: string
  status: number
  message: string
}

export interface SessionStarted {
  type: 'session.started'
  seq: number
  sessionId: number
  at: string
}

export interface SessionEnded {
  type: 'session.ended'
  seq: number
  sessionId: number
  at: string
}

export interface ItemEvent<T extends string> {
  type: T
  seq: number
  item: AgendaLiveItem
}

export type ItemStarted = ItemEvent<'agenda.item_started'>
export type ItemFinished = ItemEvent<'agenda.item_finished'>
export type ItemSkipped = ItemEvent<'agenda.item_skipped'>
/** The active item ran past its planned end (extensions included); sent once per item. */
export type ItemOverran = ItemEvent<'agenda.item_overran'>

export interface ItemExtended extends ItemEvent<'agenda.item_extended'> {
  minutes: number
}

export interface AgendaReordered {
  type: 'agenda.reordered'
  seq: number
  items: AgendaLiveItem[]
}

/** Every point whose state changed since the last of these (coalesced, staff only). */
export interface PointStatusesChanged {
  type: 'point.statuses_changed'
  seq: number
  points: PointLiveView[]
}

export interface RollCallStarted {
  type: 'rollcall.started'
  seq: number
  at: string
  by: string | null
  pending: number[]
}

export interface RollCallAnswered {
  type: 'rollcall.answered'
  seq: number
  pointId: number
  present: number
  at: string
}

// polls
export interface PollChanged {
  type: 'poll.opened' | 'poll.closed' | 'poll.published'
  seq: number
  poll: PollView
}

export interface PollResultsChanged {
  type: 'poll.results_changed'
  seq: number
  pollId: number
  results: PollResults
}

// ---- floor: requests to speak and written questions ----

export type FloorRequestStatus = 'WAITING' | 'GRANTED' | 'FINISHED' | 'DECLINED' | 'WITHDRAWN'

export interface FloorRequestView {
  id: number
  sessionId: number
  pointId: number
  pointName: string
  delegateId: number | null
  delegateName: string | null
  topic: string
  status: FloorRequestStatus
  position: number
  requestedBy: string
  requestedAt: string
  grantedAt: string | null
  closedAt: string | null
  declineReason: string | null
}

export interface FloorState {
  speaking: FloorRequestView | null
  queue: FloorRequestView[]
  /** The main hall closed the queue to new requests (those waiting stay). */
  queueClosed?: boolean
}

export type QuestionStatus = 'PENDING' | 'APPROVED' | 'ANSWERED' | 'HIDDEN' | 'MERGED'

export interface QuestionView {
  id: number
  sessionId: number
  delegateId: number
  authorName: string
  pointId: number | null
  pointName: string | null
  text: string
  status: QuestionStatus
  mergedIntoId: number | null
  askedAt: string
  moderatedAt: string | null
}

export interface FloorEvent<T extends string> {
  type: T
  seq: number
  request: FloorRequestView
}

export type FloorRequested = FloorEvent<'floor.requested'>
export type FloorGranted = FloorEvent<'floor.granted'>
export type FloorDeclined = FloorEvent<'floor.declined'>
export type FloorWithdrawn = FloorEvent<'floor.withdrawn'>
export type FloorFinished = FloorEvent<'floor.finished'>

export interface FloorReordered {
  type: 'floor.reordered'
  seq: number
  queue: FloorRequestView[]
}

/** The main hall closed (floor.queue_closed) or reopened (floor.queue_opened) the queue. */
export interface FloorQueueChanged {
  type: 'floor.queue_closed' | 'floor.queue_opened'
  seq: number
  by: string
  at: string
}

// ---- feedback: the session's form opened or closed ----
export interface FeedbackChanged {
  type: 'feedback.opened' | 'feedback.closed'
  seq: number
  formId: number
  at: string
}

/** A question waits for moderation; its text is not public yet. */
export interface QuestionAsked {
  type: 'question.asked'
  seq: number
  questionId: number
  pending: number
}

export interface QuestionPublished<T extends string> {
  type: T
  seq: number
  question: QuestionView
  pending: number
}

export type QuestionApproved = QuestionPublished<'question.approved'>
export type QuestionAnswered = QuestionPublished<'question.answered'>

export interface QuestionHidden {
  type: 'question.hidden'
  seq: number
  questionId: number
  pending: number
}

export interface QuestionMerged {
  type: 'question.merged'
  seq: number
  questionId: number
  intoId: number
  pending: number
}

export type FloorServerEvent =
  | FloorRequested
  | FloorGranted
  | FloorDeclined
  | FloorWithdrawn
  | FloorFinished
  | FloorReordered
  | FloorQueueChanged
  | QuestionAsked
  | QuestionApproved
  | QuestionAnswered
  | QuestionHidden
  | QuestionMerged

/** Events of the session's stream: each carries the next `seq`. */
export type ServerEvent =
  | FeedbackChanged
  | SessionStarted
  | SessionEnded
  | ItemStarted
  | ItemFinished
  | ItemSkipped
  | ItemExtended
  | ItemOverran
  | AgendaReordered
  | PointStatusesChanged
  | RollCallStarted
  | RollCallAnswered
  | AttendanceCountsChanged // attendance
  // polls
  | PollChanged
  | PollResultsChanged
  | FloorServerEvent

// attendance: at most one per session and second, however many check-ins
export interface AttendanceCountsChanged {
  type: 'attendance.counts_changed'
  seq: number
  counts: AttendanceCounts
}

export type ServerMessage = LiveSnapshot | LiveAck | LiveRejected | ServerEvent

// ---- client → server ----

export interface Resume {
  type: 'live.resume'
  lastSeq: number
}

export interface Heartbeat {
  type: 'point.heartbeat'
  pointId: number
}

/** Commands as the UI makes them; LiveClient.send adds the commandId. */
export type LiveCommand =
  | { type: 'session.start' }
  | { type: 'session.end' }
  | { type: 'agenda.start_item'; itemId: number }
  | { type: 'agenda.finish_item'; itemId: number }
  | { type: 'agenda.skip_item'; itemId: number }
  | { type: 'agenda.extend_item'; itemId: number; minutes: number }
  | { type: 'agenda.reorder'; itemIds: number[] }
  | { type: 'rollcall.start' }
  | { type: 'point.ready'; pointId: number; present: number }
  | { type: 'point.report_trouble'; pointId: number; kind: PointTrouble; note: string | null }
  | { type: 'point.clear_trouble'; pointId: number }
  | AttendanceCommand // attendance
  // polls
  | { type: 'poll.open' | 'poll.close' | 'poll.publish'; pollId: number }
  | { type: 'poll.vote'; pollId: number; choices: number[]; text: string | null }
  | { type: 'poll.room_result'; pollId: number; pointId: number; counts: number[] }
  // floor: requests to speak
  | { type: 'floor.request'; pointId: number; delegateId: number | null; topic: string }
  | { type: 'floor.grant'; requestId: number }
  | { type: 'floor.decline'; requestId: number; reason: string }
  | { type: 'floor.withdraw'; requestId: number }
  | { type: 'floor.reorder'; requestIds: number[] }
  | { type: 'floor.finish'; requestId: number }
  | { type: 'floor.close_queue' }
  | { type: 'floor.open_queue' }

export type CommandMessage = LiveCommand & { commandId: string }

export type ClientMessage = Resume | Heartbeat | CommandMessage

/** Close codes after which reconnecting cannot help. */
export const FINAL_CLOSE_CODES: readonly number[] = [4403, 4404]
