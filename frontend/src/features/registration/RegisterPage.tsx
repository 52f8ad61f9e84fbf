import { useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { Link, useParams } from 'react-router'
import { api } from '../../api'
import { ApiError, fieldErrors } from '../../api/client'
import type { RegistrationReceipt } from '../../api/types'
import { useI18n } from '../../i18n'
import { useLoad } from '../../lib/hooks'
import { formatDateTime, formatLong, formatTime } from '../../lib/time'
import { problemOf, unclaimedErrors } from '../../ui/errors'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { ParticipantLayout } from '../participant/ParticipantPage'
import {
  EMPTY_VALUES,
  missing,
  REGISTRATION_FIELDS,
  RegistrationFields,
  toRequest,
} from './RegistrationFields'

/** /r/:token — the public registration page behind a unit's or point's link; phone first, no account. */
export function RegisterPage() {
  const { token = '' } = useParams()
  const { t, lang } = useI18n()
  const form = useLoad(() => api.registration.form(token), token)
  const [values, setValues] = useState(EMPTY_VALUES)
  const [local, setLocal] = useState<Record<string, string>>({})
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [receipt, setReceipt] = useState<RegistrationReceipt | null>(null)
  const f = form.data

  useEffect(() => {
    document.title = f ? `${t('registration.title')} · ${f.sessionTitle}` : t('registration.title')
  }, [f, t])

  if (!f) {
    const unknown = form.error instanceof ApiError && form.error.status === 404
    return (
      <ParticipantLayout>
        {unknown ? (
          <p className="banner banner-error" role="alert">
            {t('registration.public.invalidLink')}
          </p>
        ) : form.error ? (
          <ProblemBanner error={form.error} onRetry={form.reload} />
        ) : (
          <p role="status">{t('app.loading')}</p>
        )}
      </ParticipantLayout>
    )
  }

  const needPoint = f.fixedPointId === null
  const errors = { ...fieldErrors(problemOf(error)), ...local }

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found = missing(values, needPoint, t)
    setLocal(found)
    if (Object.keys(found).length) {
      document.getElementById(`reg-${Object.keys(found)[0]}`)?.focus()
      return
    }
    setBusy(true)
    setError(null)
    try {
      setReceipt(await api.registration.register(token, toRequest(values)))
      window.scrollTo(0, 0)
    } catch (err) {
      setError(err)
      // a point that filled up meanwhile: show the fresh capacities
      if (err instanceof ApiError && err.code === 'registration.full') form.reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <ParticipantLayout>
      <div className="participant-hero">
        <p className="welcome">{t('registration.title')}</p>
        <h1 className="participant-title">{f.sessionTitle}</h1>
        {f.label && <p className="participant-sub">{f.label}</p>}
      </div>
      <section className="card participant-card" aria-label={t('registration.title')}>
        <dl className="facts">
          {f.startsAt && (
            <>
              <dt>{t('registration.public.when')}</dt>
              <dd>
                <time dateTime={f.startsAt}>{formatLong(f.startsAt, lang)}</time>
                {f.endsAt && (
                  <>
                    {' '}
                    – <time dateTime={f.endsAt}>{formatTime(f.endsAt, lang)}</time>
                  </>
                )}
              </dd>
            </>
          )}
          {f.location && (
            <>
              <dt>{t('registration.public.where')}</dt>
              <dd>{f.location}</dd>
            </>
          )}
          {f.fixedPointName && (
            <>
              <dt>{t('registration.public.fixedPoint')}</dt>
              <dd className="participant-point">{f.fixedPointName}</dd>
            </>
          )}
          {f.fixedUnitName && (
            <>
              <dt>{t('registration.public.fixedUnit')}</dt>
              <dd>{f.fixedUnitName}</dd>
            </>
          )}
        </dl>
        {f.deadline && (
          <p className="hint">
            {t('registration.deadlineValue', { when: formatDateTime(f.deadline, lang) })}
          </p>
        )}
      </section>

      {receipt ? (
        <section className="card participant-card" aria-labelledby="reg-done">
          <h2 id="reg-done" className="participant-title">
            {t('registration.public.done')}
          </h2>
          <p className="banner banner-success" role="status">
            {t('registration.public.doneBody')}
          </p>
          <div className="field">
            <label htmlFor="reg-status-url">{t('registration.public.statusLink')}</label>
            <input
              id="reg-status-url"
              className="mono"
              readOnly
              value={receipt.statusUrl}
              onFocus={(e) => e.target.select()}
            />
          </div>
          <Link
            className="btn btn-primary btn-large"
            to={`/r/status/${encodeURIComponent(receipt.statusToken)}`}
          >
            {t('registration.public.openStatus')}
          </Link>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              setReceipt(null)
              setValues(EMPTY_VALUES)
              form.reload()
            }}
          >
            {t('registration.public.another')}
          </button>
        </section>
      ) : !f.open ? (
        <p className="banner banner-info" role="status">
          {t(`registration.closed.${f.closedReason ?? 'not-open'}`)}
        </p>
      ) : (
        <form className="form card participant-card" onSubmit={submit} noValidate>
          <p className="hint">{t('registration.public.lead')}</p>
          <ProblemBanner error={error} extra={unclaimedErrors(error, [...REGISTRATION_FIELDS])} />
          <RegistrationFields
            idPrefix="reg"
            values={values}
            onChange={setValues}
            errors={errors}
            points={needPoint ? f.points : null}
            fixedUnit={f.fixedUnitName}
          />
          <button type="submit" className="btn btn-primary btn-large" disabled={busy}>
            {busy ? t('registration.public.sending') : t('registration.public.submit')}
          </button>
        </form>
      )}
    </ParticipantLayout>
  )
}
