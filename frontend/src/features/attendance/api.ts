import { request } from '../../api/client'
import type { Page } from '../../api/types'

export type AttendanceStatus = 'PRESENT' | 'ABSENT' | 'NOT_YET'
export type CheckInMethod = 'QR' | 'LINK' | 'OPERATOR' | 'WALK_IN'

export interface AttendanceEntry {
  delegateId: number
  fullName: string
  position: string | null
  unitName: string | null
  pointId: number | null
  status: AttendanceStatus
  method: CheckInMethod | null
  checkedInPointId: number | null
  recordedAt: string | null
  recordedBy: string | null
  substituteName: string | null
  substitutePosition: string | null
  absenceReason: string | null
}

export interface Tally {
  expected: number
  delegates: number
  present: number
  absent: number
  walkIns: number
  roomCount: number
}

export interface PointTally {
  pointId: number
  name: string
  mainHall: boolean
  unitId: number | null
  tally: Tally
  roomCount: number | null
  roomCountAt: string | null
  low: boolean
}

export interface AttendanceCounts {
  sessionId: number
  at: string
  total: Tally
  points: PointTally[]
  units: { unitId: number; parentId: number | null; name: string; level: string; tally: Tally }[]
  levels: { level: string; units: number; tally: Tally }[]
}

/** The attendance commands of the live protocol (docs/live-protocol.md). */
export type AttendanceCommand =
  | {
      type: 'attendance.check_in'
      pointId: number
      delegateId?: number
      token?: string
      substituteName?: string
      substitutePosition?: string
    }
  | { type: 'attendance.undo_check_in'; delegateId: number }
  | { type: 'attendance.mark_absent'; pointId: number; delegateId: number; reason: string }
  | {
      type: 'attendance.walk_in'
      pointId: number
      fullName: string
      position?: string
      unitName?: string
    }
  | { type: 'attendance.report_room_count'; pointId: number; present: number }

const base = (sessionId: number) => `/api/sessions/${sessionId}/attendance`

export const attendanceApi = {
  entries: (sessionId: number, pointId: number, q: string, page = 0) =>
    request<Page<AttendanceEntry>>('GET', `${base(sessionId)}/points/${pointId}/delegates`, {
      query: { q, page, size: 100 },
    }),
  counts: (sessionId: number) => request<AttendanceCounts>('GET', `${base(sessionId)}/counts`),
  reportUrl: (sessionId: number, ext: 'xlsx' | 'pdf' | 'csv', pointId?: number) =>
    `${base(sessionId)}/report.${ext}${pointId ? `?pointId=${pointId}` : ''}`,
  /** A live command over REST; the same commandId sent again is applied once. */
  command: (sessionId: number, commandId: string, command: AttendanceCommand) =>
    request<unknown>('POST', `/api/sessions/${sessionId}/live/commands`, {
      body: { ...command, commandId },
    }),
  selfCheckIn: () => request<AttendanceEntry>('POST', '/api/participant/check-in'),
  mine: () => request<AttendanceEntry>('GET', '/api/participant/check-in'),
}
