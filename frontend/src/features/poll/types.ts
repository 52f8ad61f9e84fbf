// Polls as the server sends them (PollView / PollResults in vn.diemcau.poll).
export type PollKind = 'SINGLE' | 'MULTIPLE' | 'RATING' | 'TEXT'
export type PollStatus = 'DRAFT' | 'OPEN' | 'CLOSED' | 'PUBLISHED'

export interface PollOptionCount {
  position: number
  label: string
  phone: number
  room: number
  total: number
}

export interface PollResults {
  pollId: number
  status: PollStatus
  voters: number
  roomVotes: number
  options: PollOptionCount[]
  average: number | null
  points: {
    pointId: number
    name: string
    mainHall: boolean
    voters: number
    phone: number[]
    room: number[]
  }[]
  levels: { level: string | null; points: number; voters: number; total: number[] }[]
  texts: string[]
}

export interface PollView {
  id: number
  sessionId: number
  agendaItemId: number | null
  question: string
  kind: PollKind
  options: string[]
  maxChoices: number | null
  anonymous: boolean
  changeable: boolean
  resultsHidden: boolean
  status: PollStatus
  openedAt: string | null
  closedAt: string | null
  publishedAt: string | null
  results: PollResults | null
  myChoices: number[] | null
  myText: string | null
}

export interface PollRequest {
  question: string
  kind: PollKind
  options: string[]
  maxChoices: number | null
  anonymous: boolean
  changeable: boolean
  resultsHidden: boolean
  agendaItemId: number | null
}

/** Polls of the live state (snapshot + poll events), newest first. */
export function livePolls(polls: readonly PollView[] | undefined): PollView[] {
  return [...(polls ?? [])].sort((a, b) => b.id - a.id)
}

/** Share of the largest total, for bar widths (0–100). */
export function barWidth(total: number, results: PollResults): number {
  const max = Math.max(1, ...results.options.map((o) => o.total))
  return Math.round((total * 100) / max)
}
