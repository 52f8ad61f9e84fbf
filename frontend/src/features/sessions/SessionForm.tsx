import { useState } from 'react'
import type { FormEvent } from 'react'
import { fieldErrors } from '../../api/client'
import { SESSION_KINDS, type SessionView } from '../../api/types'
import { useI18n } from '../../i18n'
import { problemOf, unclaimedErrors } from '../../ui/errors'
import { Field } from '../../ui/Field'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { UnitPicker } from '../units/UnitPicker'
import { draftOf, EMPTY_DRAFT, requestOf, validateDraft, type SessionDraft } from './sessionForm'

const FIELDS = [
  'title',
  'kind',
  'description',
  'hostUnitId',
  'location',
  'startsAt',
  'endsAt',
  'videoLink',
] as const

interface Props {
  session: SessionView | null
  readOnly: boolean
  onSubmit: (request: ReturnType<typeof requestOf>) => Promise<unknown>
}

export function SessionForm({ session, readOnly, onSubmit }: Props) {
  const { t } = useI18n()
  const [draft, setDraft] = useState<SessionDraft>(() => (session ? draftOf(session) : EMPTY_DRAFT))
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const errors = { ...fieldErrors(problemOf(error)), ...localErrors }
  const set = <K extends keyof SessionDraft>(key: K, value: SessionDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setLocalErrors(({ [key]: _gone, ...rest }) => rest)
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found = validateDraft(draft, t)
    setLocalErrors(found)
    setError(null)
    if (Object.keys(found).length > 0) {
      document.getElementById(`session-${Object.keys(found)[0]}`)?.focus()
      return
    }
    setBusy(true)
    try {
      await onSubmit(requestOf(draft, session?.version))
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      {Object.keys(localErrors).length > 0 && (
        <p className="banner banner-error" role="alert">
          {t('error.fieldsHint')}
        </p>
      )}
      <ProblemBanner error={error} extra={unclaimedErrors(error, FIELDS)} />
      <fieldset disabled={readOnly || busy} className="form-grid">
        <Field
          id="session-title"
          label={t('session.field.title')}
          required
          error={errors.title}
          className="span-2"
        >
          {(c) => (
            <input
              {...c}
              value={draft.title}
              maxLength={500}
              onChange={(e) => set('title', e.target.value)}
            />
          )}
        </Field>
        <Field id="session-kind" label={t('session.field.kind')} required error={errors.kind}>
          {(c) => (
            <select
              {...c}
              value={draft.kind}
              onChange={(e) => set('kind', e.target.value as SessionDraft['kind'])}
            >
              {SESSION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="session-hostUnitId"
          label={t('session.field.hostUnit')}
          error={errors.hostUnitId}
        >
          {(c) => (
            <UnitPicker
              control={c}
              value={draft.hostUnitId}
              currentLabel={session?.hostUnitName}
              onChange={(id) => set('hostUnitId', id)}
            />
          )}
        </Field>
        <Field
          id="session-startsAt"
          label={t('session.field.startsAt')}
          hint={t('session.timeHint')}
          error={errors.startsAt}
        >
          {(c) => (
            <input
              {...c}
              type="datetime-local"
              value={draft.startsAt}
              onChange={(e) => set('startsAt', e.target.value)}
            />
          )}
        </Field>
        <Field
          id="session-endsAt"
          label={t('session.field.endsAt')}
          hint={t('session.timeHint')}
          error={errors.endsAt}
        >
          {(c) => (
            <input
              {...c}
              type="datetime-local"
              value={draft.endsAt}
              onChange={(e) => set('endsAt', e.target.value)}
            />
          )}
        </Field>
        <Field
          id="session-location"
          label={t('session.field.location')}
          error={errors.location}
          className="span-2"
        >
          {(c) => (
            <input
              {...c}
              value={draft.location}
              maxLength={500}
              onChange={(e) => set('location', e.target.value)}
            />
          )}
        </Field>
        <Field
          id="session-videoLink"
          label={t('session.field.videoLink')}
          error={errors.videoLink}
          className="span-2"
        >
          {(c) => (
            <input
              {...c}
              type="url"
              inputMode="url"
              placeholder="https://"
              value={draft.videoLink}
              onChange={(e) => set('videoLink', e.target.value)}
            />
          )}
        </Field>
        <Field
          id="session-description"
          label={t('session.field.description')}
          error={errors.description}
          className="span-2"
        >
          {(c) => (
            <textarea
              {...c}
              rows={4}
              maxLength={4000}
              value={draft.description}
              onChange={(e) => set('description', e.target.value)}
            />
          )}
        </Field>
      </fieldset>
      {!readOnly && (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      )}
    </form>
  )
}
