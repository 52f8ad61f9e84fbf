import { useEffect } from 'react'
import { useParams } from 'react-router'
import { api } from '../../api'
import { ApiError } from '../../api/client'
import { useI18n } from '../../i18n'
import { useLoad } from '../../lib/hooks'
import { formatDateTime, formatLong, formatTime } from '../../lib/time'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { ParticipantLayout } from '../participant/ParticipantPage'

const TONE = { PENDING: 'banner-info', APPROVED: 'banner-success', REJECTED: 'banner-warning' }

/** /r/status/:token — a registrant follows their registration; once approved, their invitation is here. */
export function RegistrationStatusPage() {
  const { token = '' } = useParams()
  const { t, lang } = useI18n()
  const loaded = useLoad(() => api.registration.status(token), token)
  const s = loaded.data

  useEffect(() => {
    document.title = `${t('registration.me.title')} · ${t('app.name')}`
  }, [t])

  if (!s) {
    const unknown = loaded.error instanceof ApiError && loaded.error.status === 404
    return (
      <ParticipantLayout>
        {unknown ? (
          <p className="banner banner-error" role="alert">
            {t('registration.me.invalid')}
          </p>
        ) : loaded.error ? (
          <ProblemBanner error={loaded.error} onRetry={loaded.reload} />
        ) : (
          <p role="status">{t('app.loading')}</p>
        )}
      </ParticipantLayout>
    )
  }

  return (
    <ParticipantLayout>
      <div className="participant-hero">
        <p className="welcome">{t('registration.me.title')}</p>
        <h1 className="participant-name">{s.fullName}</h1>
        {(s.position || s.unitName) && (
          <p className="participant-sub">{[s.position, s.unitName].filter(Boolean).join(' – ')}</p>
        )}
      </div>
      <p className={`banner ${TONE[s.status]}`} role="status">
        <strong>{t(`registration.status.${s.status}`)}.</strong> {t(`registration.me.${s.status}`)}
      </p>
      <section className="card participant-card" aria-labelledby="reg-session">
        <h2 id="reg-session" className="participant-title">
          {s.sessionTitle}
        </h2>
        <dl className="facts">
          {s.startsAt && (
            <>
              <dt>{t('registration.public.when')}</dt>
              <dd>
                <time dateTime={s.startsAt}>{formatLong(s.startsAt, lang)}</time>
                {s.endsAt && (
                  <>
                    {' '}
                    – <time dateTime={s.endsAt}>{formatTime(s.endsAt, lang)}</time>
                  </>
                )}
              </dd>
            </>
          )}
          <dt>{t('participant.point')}</dt>
          <dd className="participant-point">{s.pointName ?? t('common.none')}</dd>
          <dt>{t('registration.me.submitted')}</dt>
          <dd>{formatDateTime(s.createdAt, lang)}</dd>
          {s.decidedAt && (
            <>
              <dt>{t('registration.me.decided')}</dt>
              <dd>{formatDateTime(s.decidedAt, lang)}</dd>
            </>
          )}
          {s.reason && (
            <>
              <dt>{t('registration.me.reason')}</dt>
              <dd style={{ whiteSpace: 'pre-line' }}>{s.reason}</dd>
            </>
          )}
        </dl>
        {s.invitationUrl && (
          <a className="btn btn-primary btn-large" href={new URL(s.invitationUrl).pathname}>
            {t('registration.me.invitation')}
          </a>
        )}
      </section>
    </ParticipantLayout>
  )
}
