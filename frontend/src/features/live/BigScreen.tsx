// Big screen, /sessions/:id/screen: for the hall's projector. Huge type, the running item and its
// timer, what comes next, every point as a coloured tile, totals; no controls (organizer or observer).
// Other features add a panel with ONE line in PANELS below: a component taking
// { sessionId, live } (LivePanelProps); keep it readable from the back of a room.
import { PollResultsBigPanel } from '../poll/PollResultsBigPanel'
import { FloorBigPanel } from '../floor/FloorBigPanel'
import { useEffect } from 'react'
import { Navigate, useParams } from 'react-router'
import { loginHref, useAuth } from '../../app/auth'
import { useI18n } from '../../i18n'
import { formatTime } from '../../lib/time'
import { POINT_LIVE_STATUSES, currentItem, pointTotals, upcomingItems, useLive } from '../../live'
import { StatusBadge } from '../../ui/Badge'
import { ConnectionBadge, NowAndNext, Panels, useNow, type LivePanel } from './LiveParts'
import { AttendanceCountsPanel } from '../attendance/AttendanceCountsPanel'

const PANELS: readonly LivePanel[] = [
  AttendanceCountsPanel, // attendance
  FloorBigPanel, // floor
  // Other features: one line each, e.g. PollResultsPanel,
  PollResultsBigPanel,
]

/** Full screen, outside the staff shell: only the sign-in gate. */
export function BigScreen() {
  const { id } = useParams()
  const { me, isStaff } = useAuth()
  const { t } = useI18n()
  const sessionId = Number(id)
  if (!Number.isInteger(sessionId)) return <Navigate to="/sessions" replace />
  if (!me) return <p className="bigscreen-wait">{t('app.loading')}</p>
  if (!me.authenticated || !isStaff) {
    window.location.assign(loginHref(`/sessions/${sessionId}/screen`))
    return null
  }
  return <Screen key={sessionId} sessionId={sessionId} />
}

function Screen({ sessionId }: { sessionId: number }) {
  const { t, lang } = useI18n()
  const live = useLive(sessionId)
  const state = live.state
  const now = useNow(1000)

  useEffect(() => {
    document.title = `${t('live.screen.title')} · ${state?.session.title ?? ''}`
  }, [t, state?.session.title])

  const totals = pointTotals(state?.points ?? [])
  return (
    <div className="bigscreen">
      <header className="bigscreen-head">
        <h1>{state?.session.title ?? t('app.name')}</h1>
        <div className="bigscreen-meta">
          {state && <StatusBadge status={state.session.status} />}
          <ConnectionBadge live={live} />
          <time
            className="bigscreen-clock"
            aria-label={t('live.screen.clock')}
            dateTime={new Date(now).toISOString()}
          >
            {formatTime(new Date(now).toISOString(), lang)}
          </time>
        </div>
      </header>
      <main id="main">
        {live.final && (
          <p className="banner banner-error" role="alert">
            {t(`live.final.${live.final}`)}
          </p>
        )}
        {!state ? (
          !live.final && <p role="status">{t('live.loading')}</p>
        ) : (
          <>
            <NowAndNext current={currentItem(state)} next={upcomingItems(state)[0]} large />
            <section className="bigscreen-totals" aria-label={t('live.totals.points')}>
              <div className="bigscreen-total">
                <span className="bigscreen-number" data-testid="total-present">
                  {totals.present}
                </span>
                <span>{t('live.totals.present')}</span>
              </div>
              {POINT_LIVE_STATUSES.map((s) => (
                <div key={s} className={`bigscreen-total tile-${s.toLowerCase()}`}>
                  <span className="bigscreen-number" data-testid={`total-${s}`}>
                    {totals.byStatus[s] ?? 0}
                  </span>
                  <span>{t(`live.pointStatus.${s}`)}</span>
                </div>
              ))}
            </section>
            <section aria-labelledby="bs-points">
              <h2 id="bs-points" className="visually-hidden">
                {t('live.points')}
              </h2>
              <ul className="bigscreen-grid" data-testid="screen-points">
                {state.points.map((p) => (
                  <li
                    key={p.id}
                    className={`bigscreen-tile tile-${p.status.toLowerCase()}`}
                    data-status={p.status}
                  >
                    <span className="bigscreen-tile-name">{p.name}</span>
                    <span className="bigscreen-tile-status">
                      {t(`live.pointStatus.${p.status}`)}
                      {p.presentCount != null && ` · ${p.presentCount}`}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
            <Panels panels={PANELS} sessionId={sessionId} live={live} />
          </>
        )}
      </main>
    </div>
  )
}
