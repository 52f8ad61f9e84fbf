import { download, request } from './client'
import type {
  AgendaItemRequest,
  AgendaItemView,
  BulkPointsResult,
  DelegateRequest,
  DelegateView,
  DuplicateGroup,
  ImportPreview,
  Invitation,
  Me,
  Page,
  ParticipantView,
  PointRequest,
  PointView,
  RegistrationForm,
  RegistrationLink,
  RegistrationReceipt,
  RegistrationRequest,
  RegistrationSettings,
  RegistrationSettingsRequest,
  RegistrationStatus,
  RegistrationStatusView,
  RegistrationView,
  SessionCopyRequest,
  SessionRequest,
  SessionStatus,
  SessionView,
  UnitLevel,
  UnitRequest,
  UnitView,
} from './types'

export * from './client'
export type * from './types'

function fileForm(file: File): FormData {
  const form = new FormData()
  form.append('file', file, file.name)
  return form
}

/** Status actions the session editor offers; each maps to a POST /api/sessions/{id}/<action>. */
export type SessionAction = 'schedule' | 'unschedule' | 'cancel' | 'restore'

export const api = {
  me: () => request<Me>('GET', '/api/me'),

  sessions: {
    list: (params: { status?: SessionStatus | ''; q?: string; page: number; size: number }) =>
      request<Page<SessionView>>('GET', '/api/sessions', { query: params }),
    get: (id: number) => request<SessionView>('GET', `/api/sessions/${id}`),
    create: (body: SessionRequest) => request<SessionView>('POST', '/api/sessions', { body }),
    update: (id: number, body: SessionRequest) =>
      request<SessionView>('PUT', `/api/sessions/${id}`, { body }),
    act: (id: number, action: SessionAction, version: number) =>
      request<SessionView>('POST', `/api/sessions/${id}/${action}`, { query: { version } }),
    copy: (id: number, body: SessionCopyRequest) =>
      request<SessionView>('POST', `/api/sessions/${id}/copy`, { body }),
  },

  units: {
    list: (params: {
      level?: UnitLevel | ''
      parentId?: number | null
      q?: string
      includeRetired?: boolean
    }) => request<UnitView[]>('GET', '/api/units', { query: params }),
    create: (body: UnitRequest) => request<UnitView>('POST', '/api/units', { body }),
    update: (id: number, body: UnitRequest) =>
      request<UnitView>('PUT', `/api/units/${id}`, { body }),
    retire: (id: number, version: number) =>
      request<UnitView>('POST', `/api/units/${id}/retire`, { query: { version } }),
    restore: (id: number, version: number) =>
      request<UnitView>('POST', `/api/units/${id}/restore`, { query: { version } }),
    remove: (id: number) => request<void>('DELETE', `/api/units/${id}`),
    previewImport: (file: File) =>
      request<ImportPreview>('POST', '/api/units/import/preview', { form: fileForm(file) }),
    import: (file: File) =>
      request<{ created: number; updated: number; unchanged: number }>(
        'POST',
        '/api/units/import',
        {
          form: fileForm(file),
        },
      ),
  },

  points: {
    list: (sid: number) => request<PointView[]>('GET', `/api/sessions/${sid}/points`),
    create: (sid: number, body: PointRequest) =>
      request<PointView>('POST', `/api/sessions/${sid}/points`, { body }),
    update: (sid: number, pid: number, body: PointRequest) =>
      request<PointView>('PUT', `/api/sessions/${sid}/points/${pid}`, { body }),
    remove: (sid: number, pid: number, force = false) =>
      request<void>('DELETE', `/api/sessions/${sid}/points/${pid}`, {
        query: { force: force || undefined },
      }),
    bulk: (
      sid: number,
      body: { parentUnitId: number; level: UnitLevel; expectedCount: number | null },
    ) => request<BulkPointsResult>('POST', `/api/sessions/${sid}/points/bulk`, { body }),
  },

  delegates: {
    list: (
      sid: number,
      params: { q?: string; pointId?: number | ''; category?: string; page: number; size: number },
    ) => request<Page<DelegateView>>('GET', `/api/sessions/${sid}/delegates`, { query: params }),
    create: (sid: number, body: DelegateRequest, allowDuplicate = false) =>
      request<DelegateView>('POST', `/api/sessions/${sid}/delegates`, {
        body,
        query: { allowDuplicate: allowDuplicate || undefined },
      }),
    update: (sid: number, did: number, body: DelegateRequest, allowDuplicate = false) =>
      request<DelegateView>('PUT', `/api/sessions/${sid}/delegates/${did}`, {
        body,
        query: { allowDuplicate: allowDuplicate || undefined },
      }),
    remove: (sid: number, did: number) =>
      request<void>('DELETE', `/api/sessions/${sid}/delegates/${did}`),
    duplicates: (sid: number) =>
      request<DuplicateGroup[]>('GET', `/api/sessions/${sid}/delegates/duplicates`),
    previewImport: (sid: number, file: File) =>
      request<ImportPreview>('POST', `/api/sessions/${sid}/delegates/import/preview`, {
        form: fileForm(file),
      }),
    import: (sid: number, file: File) =>
      request<{ imported: number }>('POST', `/api/sessions/${sid}/delegates/import`, {
        form: fileForm(file),
      }),
    issueInvitation: (sid: number, did: number) =>
      request<Invitation>('POST', `/api/sessions/${sid}/delegates/${did}/invitation`),
    revokeInvitation: (sid: number, did: number) =>
      request<void>('DELETE', `/api/sessions/${sid}/delegates/${did}/invitation`),
    // registration: invitation QR codes and the printable sheet
    qrUrl: (sid: number, did: number, kind: 'png' | 'svg') =>
      `/api/sessions/${sid}/delegates/${did}/invitation/qr.${kind}`,
    invitationSheet: (sid: number, pointId: number, renew: boolean) =>
      download('POST', `/api/sessions/${sid}/delegates/invitation-sheet`, {
        pointId,
        renew: renew || undefined,
      }),
  },

  registration: {
    settings: (sid: number) =>
      request<RegistrationSettings>('GET', `/api/sessions/${sid}/registration`),
    update: (sid: number, body: RegistrationSettingsRequest) =>
      request<RegistrationSettings>('PUT', `/api/sessions/${sid}/registration`, { body }),
    links: (sid: number) =>
      request<RegistrationLink[]>('GET', `/api/sessions/${sid}/registration/links`),
    createLink: (
      sid: number,
      body: { pointId: number | null; unitName: string | null; label: string | null },
    ) => request<RegistrationLink>('POST', `/api/sessions/${sid}/registration/links`, { body }),
    revokeLink: (sid: number, lid: number) =>
      request<void>('DELETE', `/api/sessions/${sid}/registration/links/${lid}`),
    list: (
      sid: number,
      params: {
        status?: RegistrationStatus | ''
        pointId?: number | ''
        page: number
        size: number
      },
    ) =>
      request<Page<RegistrationView>>('GET', `/api/sessions/${sid}/registration/entries`, {
        query: params,
      }),
    nominate: (sid: number, body: RegistrationRequest) =>
      request<RegistrationReceipt>('POST', `/api/sessions/${sid}/registration/entries`, { body }),
    approve: (sid: number, rid: number, allowDuplicate = false) =>
      request<RegistrationView>(
        'POST',
        `/api/sessions/${sid}/registration/entries/${rid}/approve`,
        { query: { allowDuplicate: allowDuplicate || undefined } },
      ),
    reject: (sid: number, rid: number, reason: string) =>
      request<RegistrationView>('POST', `/api/sessions/${sid}/registration/entries/${rid}/reject`, {
        body: { reason },
      }),
    form: (token: string) =>
      request<RegistrationForm>('GET', `/api/registration/links/${encodeURIComponent(token)}`),
    register: (token: string, body: RegistrationRequest) =>
      request<RegistrationReceipt>('POST', `/api/registration/links/${encodeURIComponent(token)}`, {
        body,
      }),
    status: (token: string) =>
      request<RegistrationStatusView>(
        'GET',
        `/api/registration/status/${encodeURIComponent(token)}`,
      ),
  },

  agenda: {
    list: (sid: number) => request<AgendaItemView[]>('GET', `/api/sessions/${sid}/agenda`),
    create: (sid: number, body: AgendaItemRequest) =>
      request<AgendaItemView>('POST', `/api/sessions/${sid}/agenda`, { body }),
    update: (sid: number, iid: number, body: AgendaItemRequest) =>
      request<AgendaItemView>('PUT', `/api/sessions/${sid}/agenda/${iid}`, { body }),
    remove: (sid: number, iid: number) =>
      request<void>('DELETE', `/api/sessions/${sid}/agenda/${iid}`),
    reorder: (sid: number, itemIds: number[]) =>
      request<AgendaItemView[]>('PUT', `/api/sessions/${sid}/agenda/order`, { body: { itemIds } }),
  },

  participant: {
    open: (token: string) =>
      request<ParticipantView>('POST', '/api/participant/session', { body: { token } }),
    me: () => request<ParticipantView>('GET', '/api/participant/me'),
    logout: () => request<void>('POST', '/api/participant/logout'),
  },
}
