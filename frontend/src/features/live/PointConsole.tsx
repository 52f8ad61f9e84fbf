// Point console, /sessions/:id/points/:pointId/console: the operator of one point answers the
// roll call, reports trouble, sees the point's state and the agenda; works offline (queued actions).
// Other features add a panel with ONE line in PANELS below: a component taking
// { sessionId, pointId, live } (LivePanelProps; live = this screen's useLive result).
import { PollRoomResultPanel } from '../poll/PollRoomResultPanel'
import { FloorRequestPanel } from '../floor/FloorRequestPanel'
import { useEffect, useState } from 'react'
import { Link, Navigate, useParams } from 'react-router'
import { useI18n } from '../../i18n'
import { formatTime } from '../../lib/time'
import {
  POINT_TROUBLES,
  currentItem,
  upcomingItems,
  useLive,
  type Live,
  type PointLiveView,
  type PointTrouble,
} from '../../live'
import { StatusBadge } from '../../ui/Badge'
import {
  AgendaRunList,
  CommandStatus,
  ConnectionBadge,
  NowAndNext,
  Panels,
  PointStatusBadge,
  type LivePanel,
} from './LiveParts'
import { DocumentsPanel } from '../documents/DocumentsPanel'
import { CheckInPanel } from '../attendance/CheckInPanel'

const PANELS: readonly LivePanel[] = [
  CheckInPanel, // attendance
  FloorRequestPanel, // floor
  // Other features: one line each, e.g. CheckInPanel,
  DocumentsPanel,
  PollRoomResultPanel,
]

export function PointConsole() {
  const { id, pointId } = useParams()
  const sessionId = Number(id)
  const point = Number(pointId)
  if (!Number.isInteger(sessionId) || !Number.isInteger(point))
    return <Navigate to="/sessions" replace />
  return <Console key={`${sessionId}/${point}`} sessionId={sessionId} pointId={point} />
}

function Console({ sessionId, pointId }: { sessionId: number; pointId: number }) {
  const { t, lang } = useI18n()
  const live = useLive(sessionId, { pointId })
  const state = live.state
  const point = state?.points.find((p) => p.id === pointId)

  useEffect(() => {
    document.title = `${point?.name ?? t('live.console.title')} · ${t('app.name')}`
  }, [t, point?.name])

  return (
    <div className="page live-page">
      <Link className="back" to={`/sessions/${sessionId}`}>
        {t('session.back')}
      </Link>
      <div className="session-head">
        <div>
          <h1>
            {point?.name ?? t('live.console.title')}
            {state && <span className="live-sub">{state.session.title}</span>}
          </h1>
          <p className="session-sub">
            {state && <StatusBadge status={state.session.status} />}
            <ConnectionBadge live={live} />
          </p>
        </div>
      </div>
      <CommandStatus live={live} />
      {!state ? (
        !live.final && <p role="status">{t('live.loading')}</p>
      ) : !point ? (
        <p className="banner banner-error" role="alert">
          {t('live.console.unknownPoint')}
        </p>
      ) : (
        <>
          <section className="card live-point-state" aria-labelledby="pstate-h">
            <h2 id="pstate-h">{t('live.console.status')}</h2>
            <p className="live-point-status" aria-live="polite" data-testid="own-status">
              <PointStatusBadge status={point.status} />{' '}
              {point.statusSince && (
                <span className="hint">
                  {t('live.console.since', { time: formatTime(point.statusSince, lang) })}
                </span>
              )}
            </p>
            <p data-testid="own-count">
              {point.presentCount != null
                ? t('live.console.counts', {
                    present: point.presentCount,
                    expected: point.expectedCount,
                  })
                : t('live.console.noCount', { expected: point.expectedCount })}
            </p>
            {point.lastHeartbeatAt && (
              <p className="hint">
                {t('live.console.heartbeat', { time: formatTime(point.lastHeartbeatAt, lang) })}
              </p>
            )}
          </section>
          <div className="live-columns">
            <Readiness live={live} point={point} />
            <Trouble live={live} point={point} />
          </div>
          <NowAndNext current={currentItem(state)} next={upcomingItems(state)[0]} />
          <section className="card" aria-labelledby="pagenda-h">
            <h2 id="pagenda-h">{t('live.agenda')}</h2>
            <AgendaRunList agenda={state.agenda} />
          </section>
          <Panels panels={PANELS} sessionId={sessionId} pointId={pointId} live={live} />
        </>
      )}
    </div>
  )
}

function Readiness({ live, point }: { live: Live; point: PointLiveView }) {
  const { t } = useI18n()
  const rollCall = live.state!.rollCall
  const asked = rollCall?.pending.includes(point.id) ?? false
  const [present, setPresent] = useState(String(point.presentCount ?? point.expectedCount ?? ''))
  const [invalid, setInvalid] = useState(false)
  return (
    <section className="card" aria-labelledby="ready-h">
      <h2 id="ready-h">{t('live.console.readiness')}</h2>
      {asked && (
        <p className="banner banner-info" role="status">
          {t('live.console.rollcallAsked')}
        </p>
      )}
      {point.presentCount != null && point.status === 'READY' && (
        <p className="banner banner-success">
          {t('live.console.answered', { present: point.presentCount })}
        </p>
      )}
      <form
        className="live-inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          const n = Number(present)
          if (present.trim() === '' || !Number.isInteger(n) || n < 0 || n > 100000) {
            setInvalid(true)
            return
          }
          setInvalid(false)
          live.send({ type: 'point.ready', pointId: point.id, present: n })
        }}
      >
        <label className="live-inline">
          <span>{t('live.console.present')}</span>
          <input
            className="input-narrow"
            type="number"
            inputMode="numeric"
            min={0}
            max={100000}
            value={present}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? 'present-error' : undefined}
            onChange={(e) => setPresent(e.target.value)}
          />
        </label>
        <button type="submit" className="btn btn-primary btn-large">
          {t('live.console.ready')}
        </button>
        {invalid && (
          <p id="present-error" className="field-error" role="alert">
            {t('live.console.presentInvalid')}
          </p>
        )}
      </form>
    </section>
  )
}

function Trouble({ live, point }: { live: Live; point: PointLiveView }) {
  const { t } = useI18n()
  const [kind, setKind] = useState<PointTrouble>('NO_SOUND')
  const [note, setNote] = useState('')
  return (
    <section className="card" aria-labelledby="trouble-h">
      <h2 id="trouble-h">{t('live.console.trouble')}</h2>
      {point.trouble && (
        <div className="banner banner-warning" role="status">
          <p>
            {t('live.console.current', { kind: t(`live.trouble.${point.trouble}`) })}
            {point.troubleNote && ` – ${point.troubleNote}`}
          </p>
          <button
            type="button"
            className="btn"
            onClick={() => live.send({ type: 'point.clear_trouble', pointId: point.id })}
          >
            {t('live.console.clear')}
          </button>
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault()
          live.send({
            type: 'point.report_trouble',
            pointId: point.id,
            kind,
            note: note.trim() || null,
          })
          setNote('')
        }}
      >
        <fieldset className="live-radios">
          <legend>{t('live.console.troubleKind')}</legend>
          {POINT_TROUBLES.map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="trouble"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />{' '}
              {t(`live.trouble.${k}`)}
            </label>
          ))}
        </fieldset>
        <label className="live-block">
          <span>{t('live.console.troubleNote')}</span>
          <input maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-danger-outline">
          {t('live.console.report')}
        </button>
      </form>
    </section>
  )
}
