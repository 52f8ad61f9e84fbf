import { useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import { useLocation } from 'react-router'
import { api } from '../../api'
import { ApiError } from '../../api/client'
import type { ParticipantView } from '../../api/types'
import { LanguageSwitch } from '../../app/LanguageSwitch'
import { useI18n } from '../../i18n'
import { formatLong, formatTime } from '../../lib/time'
import { StatusBadge } from '../../ui/Badge'
import { ParticipantLive } from '../live/ParticipantLive'
import { ProblemBanner } from '../../ui/ProblemBanner'

export function ParticipantLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n()
  return (
    <div className="participant">
      <header className="participant-bar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" className="participant-main">
        {children}
      </main>
    </div>
  )
}

/** A delegate's own page on their phone: which session, when, and where to attend. */
export function ParticipantPage() {
  const { t, lang } = useI18n()
  const location = useLocation()
  const passed = (location.state as { view?: ParticipantView } | null)?.view
  const [view, setView] = useState<ParticipantView | null>(passed ?? null)
  const [error, setError] = useState<unknown>(null)
  const [left, setLeft] = useState(false)

  useEffect(() => {
    if (passed) return
    let current = true
    api.participant.me().then(
      (v) => current && setView(v),
      (e: unknown) => current && setError(e),
    )
    return () => {
      current = false
    }
  }, [passed])

  useEffect(() => {
    document.title = view ? `${view.session.title} · ${t('app.name')}` : t('app.name')
  }, [view, t])

  if (left) {
    return (
      <ParticipantLayout>
        <p role="status">{t('participant.left')}</p>
      </ParticipantLayout>
    )
  }
  if (!view) {
    const anonymous = error instanceof ApiError && (error.status === 401 || error.status === 403)
    return (
      <ParticipantLayout>
        {anonymous ? (
          <p className="banner banner-info">{t('participant.noSession')}</p>
        ) : error ? (
          <ProblemBanner error={error} />
        ) : (
          <p role="status">{t('app.loading')}</p>
        )}
      </ParticipantLayout>
    )
  }

  const s = view.session
  return (
    <ParticipantLayout>
      <div className="participant-hero">
        <p className="welcome">{t('participant.welcome')}</p>
        <h1 className="participant-name">{view.fullName}</h1>
        {(view.position || view.unitName) && (
          <p className="participant-sub">
            {[view.position, view.unitName].filter(Boolean).join(' – ')}
          </p>
        )}
      </div>
      <section className="card participant-card" aria-labelledby="p-session">
        <h2 id="p-session" className="participant-title">
          {s.title}
        </h2>
        <p>
          <StatusBadge status={s.status} />
        </p>
        <dl className="facts">
          {s.startsAt && (
            <>
              <dt>{t('participant.time')}</dt>
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
          <dd className="participant-point">{view.pointName ?? t('common.none')}</dd>
          {s.location && (
            <>
              <dt>{t('participant.location')}</dt>
              <dd>{s.location}</dd>
            </>
          )}
        </dl>
        {s.videoLink && (
          <a
            className="btn btn-primary btn-large"
            href={s.videoLink}
            rel="noopener noreferrer"
            target="_blank"
          >
            {t('participant.video')}
          </a>
        )}
      </section>
      <ParticipantLive sessionId={s.id} />
      <button
        type="button"
        className="btn btn-ghost"
        onClick={async () => {
          await api.participant.logout().catch(() => undefined)
          setLeft(true)
        }}
      >
        {t('participant.leave')}
      </button>
    </ParticipantLayout>
  )
}
