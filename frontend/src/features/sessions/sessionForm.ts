import type { SessionKind, SessionRequest, SessionView } from '../../api/types'
import type { Translate } from '../../i18n'
import { blankToNull } from '../../lib/text'
import { instantToLocalInput, localInputToOffset } from '../../lib/time'

/** What the form edits: plain strings, datetime-local values in Vietnam time. */
export interface SessionDraft {
  title: string
  kind: SessionKind
  description: string
  hostUnitId: number | null
  location: string
  startsAt: string
  endsAt: string
  videoLink: string
}

export const EMPTY_DRAFT: SessionDraft = {
  title: '',
  kind: 'CONFERENCE',
  description: '',
  hostUnitId: null,
  location: '',
  startsAt: '',
  endsAt: '',
  videoLink: '',
}

export function draftOf(s: SessionView): SessionDraft {
  return {
    title: s.title,
    kind: s.kind,
    description: s.description ?? '',
    hostUnitId: s.hostUnitId,
    location: s.location ?? '',
    startsAt: instantToLocalInput(s.startsAt),
    endsAt: instantToLocalInput(s.endsAt),
    videoLink: s.videoLink ?? '',
  }
}

export function requestOf(d: SessionDraft, version?: number): SessionRequest {
  return {
    title: d.title.trim(),
    kind: d.kind,
    description: blankToNull(d.description),
    hostUnitId: d.hostUnitId,
    location: blankToNull(d.location),
    startsAt: localInputToOffset(d.startsAt),
    endsAt: localInputToOffset(d.endsAt),
    videoLink: blankToNull(d.videoLink),
    version,
  }
}

/**
 * The checks a person should hear about before a round trip; the server repeats them all
 * (its messages replace these when it answers).
 */
export function validateDraft(d: SessionDraft, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!d.title.trim()) {
    errors.title = t('error.required', { field: t('session.field.title').toLowerCase() })
  }
  if (d.startsAt && d.endsAt && d.endsAt <= d.startsAt) errors.endsAt = t('error.endBeforeStart')
  if (d.videoLink.trim() && !/^https?:\/\/\S+$/.test(d.videoLink.trim())) {
    errors.videoLink = t('error.url')
  }
  return errors
}

export type StatusAction = 'schedule' | 'unschedule' | 'cancel' | 'restore'

/** The status buttons that make sense now; LIVE and ENDED are the live console's business. */
export function statusActions(s: Pick<SessionView, 'status' | 'nextStatuses'>): StatusAction[] {
  const next = s.nextStatuses ?? []
  const out: StatusAction[] = []
  if (s.status === 'DRAFT' && next.includes('SCHEDULED')) out.push('schedule')
  if (s.status === 'SCHEDULED' && next.includes('DRAFT')) out.push('unschedule')
  if (s.status === 'CANCELLED' && next.includes('DRAFT')) out.push('restore')
  if (next.includes('CANCELLED')) out.push('cancel')
  return out
}
