// Wire types, mirroring /work/briefs/api.md. Instants arrive as ISO-8601 UTC strings.

export type Role = 'organizer' | 'operator' | 'observer' | 'participant'

export interface Me {
  authenticated: boolean
  username: string | null
  displayName: string | null
  roles: Role[]
  sessionId: number | null
  delegateId: number | null
}

export interface FieldError {
  field?: string
  message: string
}

export interface Problem {
  type?: string
  title?: string
  status: number
  detail?: string
  instance?: string
  code?: string
  errors: FieldError[]
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  size: number
}

export const SESSION_KINDS = ['CONFERENCE', 'TRAINING', 'WORKSHOP'] as const
export type SessionKind = (typeof SESSION_KINDS)[number]

export const SESSION_STATUSES = ['DRAFT', 'SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

export interface SessionView {
  id: number
  title: string
  kind: SessionKind
  description: string | null
  hostUnitId: number | null
  hostUnitName: string | null
  location: string | null
  startsAt: string | null
  endsAt: string | null
  videoLink: string | null
  status: SessionStatus
  nextStatuses: SessionStatus[]
  copiedFromId: number | null
  createdBy: string | null
  createdAt: string | null
  updatedAt: string | null
  version: number
}

export interface SessionRequest {
  title: string
  kind: SessionKind
  description: string | null
  hostUnitId: number | null
  location: string | null
  startsAt: string | null
  endsAt: string | null
  videoLink: string | null
  version?: number
}

export interface SessionCopyRequest {
  title: string
  startsAt: string | null
  endsAt: string | null
  includeRoster: boolean
}

export const UNIT_LEVELS = ['PROVINCE', 'DISTRICT', 'COMMUNE', 'PARTY_COMMITTEE', 'AGENCY'] as const
export type UnitLevel = (typeof UNIT_LEVELS)[number]

export interface UnitView {
  id: number
  parentId: number | null
  code: string | null
  name: string
  level: UnitLevel
  retired: boolean
  path: string
  childCount: number
  version: number
}

export interface UnitRequest {
  parentId: number | null
  code: string | null
  name: string
  level: UnitLevel
  version?: number
}

export interface ImportRow {
  row: number
  values: Record<string, string | null>
  errors: string[]
  warnings: string[]
}

export interface ImportPreview {
  fileName: string | null
  sheet: string | null
  headerRow: number | null
  columns: Record<string, string>
  rows: ImportRow[]
  total: number
  valid: number
  invalid: number
  warningCount: number
  ok: boolean
}

export interface PointView {
  id: number
  sessionId: number
  name: string
  mainHall: boolean
  unitId: number | null
  unitName: string | null
  unitLevel: UnitLevel | null
  unitPath: string | null
  expectedCount: number | null
  operators: string[]
  sortOrder: number
  delegateCount: number
  version: number
}

export interface PointRequest {
  name: string | null
  unitId: number | null
  mainHall: boolean
  expectedCount: number | null
  operators: string[]
  version?: number
}

export interface BulkPointsResult {
  created: PointView[]
  skipped: number
}

export interface DelegateView {
  id: number
  sessionId: number
  fullName: string
  position: string | null
  unitName: string | null
  category: string | null
  pointId: number | null
  pointName: string | null
  phone: string | null
  email: string | null
  note: string | null
  invitationActive: boolean
  version: number
}

export interface DelegateRequest {
  fullName: string
  position: string | null
  unitName: string | null
  category: string | null
  pointId: number | null
  phone: string | null
  email: string | null
  note: string | null
  version?: number
}

export interface DuplicateGroup {
  key: string
  delegates: DelegateView[]
}

export interface Invitation {
  token: string
  url: string
}

export interface ParticipantView {
  delegateId: number
  fullName: string
  position: string | null
  unitName: string | null
  pointId: number | null
  pointName: string | null
  session: SessionView
}

export const AGENDA_STATUSES = ['PENDING', 'ACTIVE', 'DONE', 'SKIPPED'] as const
export type AgendaStatus = (typeof AGENDA_STATUSES)[number]

export interface AgendaItemView {
  id: number
  sessionId: number
  position: number
  title: string
  presenter: string | null
  plannedStart: string | null
  durationMinutes: number
  plannedEnd: string | null
  startIsComputed: boolean
  notes: string | null
  status: AgendaStatus
  /** Warnings for the organizer, not errors: it runs into the next item / past the session end. */
  overlapsNext: boolean
  endsAfterSession: boolean
  version: number
}

export interface AgendaItemRequest {
  title: string
  presenter: string | null
  plannedStart: string | null
  durationMinutes: number
  notes: string | null
  version?: number
}

// --- registration ---
export type RegistrationStatus = 'PENDING' | 'APPROVED' | 'REJECTED'
export type RegistrationSource = 'SELF' | 'NOMINATED'
export type RegistrationClosedReason = 'not-open' | 'deadline' | 'session'

export interface RegistrationPointRow {
  pointId: number
  pointName: string
  capacity: number | null
  pending: number
  approved: number
}

export interface RegistrationSettings {
  sessionId: number
  accepting: boolean
  deadline: string | null
  open: boolean
  closedReason: RegistrationClosedReason | null
  points: RegistrationPointRow[]
  version: number
}

export interface RegistrationSettingsRequest {
  accepting: boolean
  deadline: string | null
  capacities: { pointId: number; capacity: number | null }[] | null
  version?: number
}

export interface RegistrationLink {
  id: number
  pointId: number | null
  pointName: string | null
  unitName: string | null
  label: string | null
  url: string
  createdAt: string
  createdBy: string
  revoked: boolean
}

export interface RegistrationRequest {
  fullName: string
  position: string | null
  unitName: string | null
  pointId: number | null
  phone: string | null
  email: string | null
}

export interface RegistrationView {
  id: number
  sessionId: number
  pointId: number | null
  pointName: string | null
  source: RegistrationSource
  status: RegistrationStatus
  fullName: string
  position: string | null
  unitName: string | null
  phone: string | null
  email: string | null
  reason: string | null
  delegateId: number | null
  createdAt: string
  createdBy: string
  decidedAt: string | null
  decidedBy: string | null
  duplicateOnRoster: boolean
  duplicateRegistration: boolean
  version: number
}

export interface RegistrationForm {
  sessionTitle: string
  startsAt: string | null
  endsAt: string | null
  location: string | null
  hostUnitName: string | null
  deadline: string | null
  open: boolean
  closedReason: RegistrationClosedReason | null
  fixedPointId: number | null
  fixedPointName: string | null
  fixedUnitName: string | null
  label: string | null
  points: { id: number; name: string; full: boolean }[]
}

export interface RegistrationReceipt {
  id: number
  status: RegistrationStatus
  statusToken: string
  statusUrl: string
}

export interface RegistrationStatusView {
  status: RegistrationStatus
  fullName: string
  position: string | null
  unitName: string | null
  pointName: string | null
  sessionTitle: string
  startsAt: string | null
  endsAt: string | null
  location: string | null
  createdAt: string
  decidedAt: string | null
  reason: string | null
  invitationUrl: string | null
}
