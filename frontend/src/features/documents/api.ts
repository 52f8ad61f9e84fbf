// The documents feature's REST calls and wire types (kept here, not in api/, so parallel branches
// do not collide in the shared files).
import { request } from '../../api/client'

export type Classification = 'NORMAL' | 'RESTRICTED' | 'CONFIDENTIAL'
export type ReleaseMode = 'NOW' | 'ON_ITEM_START' | 'ON_SESSION_END'
export type AudienceRole = 'operator' | 'observer' | 'participant'
export const AUDIENCE_ROLES: readonly AudienceRole[] = ['participant', 'operator', 'observer']

export interface VersionView {
  number: number
  fileName: string
  contentType: string
  size: number
  sha256: string
  uploadedBy: string
  uploadedAt: string
}

export interface DocumentView {
  id: number
  sessionId: number
  agendaItemId: number | null
  title: string
  classification: Classification
  release: ReleaseMode
  roles: AudienceRole[]
  pointIds: number[]
  released: boolean
  releasedAt: string | null
  recalledAt: string | null
  current: VersionView | null
  versions: VersionView[] | null
  version: number
}

export interface ReceiptRow {
  pointId: number | null
  pointName: string | null
  name: string
  unit: string | null
  role: string
  received: boolean
  firstAt: string | null
  lastAt: string | null
  versions: number[]
  downloads: number
}

export interface Receipts {
  documentId: number
  title: string
  expected: number
  received: number
  rows: ReceiptRow[]
}

export interface UploadFields {
  title?: string
  agendaItemId?: number | null
  release?: ReleaseMode
  classification?: Classification
  roles?: AudienceRole[]
  pointIds?: number[]
}

/** The multipart form of an upload: the file and the optional fields, lists comma-separated. */
export function uploadForm(file: File, fields: UploadFields = {}): FormData {
  const form = new FormData()
  form.append('file', file, file.name)
  if (fields.title) form.append('title', fields.title)
  if (fields.agendaItemId) form.append('agendaItemId', String(fields.agendaItemId))
  if (fields.release) form.append('release', fields.release)
  if (fields.classification) form.append('classification', fields.classification)
  if (fields.roles) form.append('roles', fields.roles.join(','))
  if (fields.pointIds && fields.pointIds.length > 0)
    form.append('pointIds', fields.pointIds.join(','))
  return form
}

const base = (sid: number) => `/api/sessions/${sid}/documents`

/** Where the browser downloads a document (the cookie signs the request in). */
export function fileUrl(sid: number, id: number, pointId?: number | null): string {
  return `${base(sid)}/${id}/file${pointId ? `?pointId=${pointId}` : ''}`
}

export function receiptsUrl(sid: number, id: number, format: 'csv' | 'xlsx'): string {
  return `${base(sid)}/${id}/receipts.${format}`
}

export const documentsApi = {
  list: (sid: number) => request<DocumentView[]>('GET', base(sid)),
  upload: (sid: number, file: File, fields: UploadFields) =>
    request<DocumentView>('POST', base(sid), { form: uploadForm(file, fields) }),
  newVersion: (sid: number, id: number, file: File) =>
    request<DocumentView>('POST', `${base(sid)}/${id}/versions`, { form: uploadForm(file) }),
  release: (sid: number, id: number) => request<DocumentView>('POST', `${base(sid)}/${id}/release`),
  recall: (sid: number, id: number) => request<DocumentView>('POST', `${base(sid)}/${id}/recall`),
  receipts: (sid: number, id: number) => request<Receipts>('GET', `${base(sid)}/${id}/receipts`),
}
