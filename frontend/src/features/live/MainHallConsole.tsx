// Main-hall console, /sessions/:id/live: the organizer drives the session (start/end, agenda,
// roll call) and sees every point; an observer sees the same, read-only.
// Other features add a panel with ONE line in PANELS below: a component taking
// { sessionId, live } (LivePanelProps; live = this screen's useLive result, no second socket).
import { PollControlPanel } from '../poll/PollControlPanel'
import { FloorQueuePanel } from '../floor/FloorQueuePanel'
import { QuestionModerationPanel } from '../floor/QuestionModerationPanel'
import { useEffect, useMemo, useState } from 'react'
import { Link, Navigate, useParams } from 'react-router'
import { UNIT_LEVELS, type UnitLevel } from '../../api/types'
import { useAuth } from '../../app/auth'
import { useI18n } from '../../i18n'
import { formatTime } from '../../lib/time'
import {
  POINT_LIVE_STATUSES,
  currentItem,
  upcomingItems,
  useLive,
  type AgendaLiveItem,
  type Live,
  type PointLiveStatus,
} from '../../live'
import { StatusBadge } from '../../ui/Badge'
import { ConfirmDialog } from '../../ui/Dialog'
import {
  CommandStatus,
  ConnectionBadge,
  NowAndNext,
  Panels,
  PointStatusBadge,
  type LivePanel,
} from './LiveParts'
import { AttendanceCountsPanel } from '../attendance/AttendanceCountsPanel'

const PANELS: readonly LivePanel[] = [
  AttendanceCountsPanel, // attendance
  FloorQueuePanel, // floor
  QuestionModerationPanel, // floor
  // Other features: one line each, e.g. AttendancePanel,
  PollControlPanel,
]

export function MainHallConsole() {
  const { id } = useParams()
  const sessionId = Number(id)
  if (!Number.isInteger(sessionId)) return <Navigate to="/sessions" replace />
  return <Console key={sessionId} sessionId={sessionId} />
}

function Console({ sessionId }: { sessionId: number }) {
  const { t } = useI18n()
  const { canEdit } = useAuth()
  const live = useLive(sessionId)
  const state = live.state
  const [confirm, setConfirm] = useState<'start' | 'end' | null>(null)

  useEffect(() => {
    document.title = `${t('live.hall.title')} · ${state?.session.title ?? ''} · ${t('app.name')}`
  }, [t, state?.session.title])

  return (
    <div className="page live-page">
      <Link className="back" to={`/sessions/${sessionId}`}>
        {t('session.back')}
      </Link>
      <div className="session-head">
        <div>
          <h1>
            {t('live.hall.title')}
            {state && <span className="live-sub">{state.session.title}</span>}
          </h1>
          <p className="session-sub">
            {state && <StatusBadge status={state.session.status} />}
            <ConnectionBadge live={live} />
            <Link to={`/sessions/${sessionId}/screen`} target="_blank">
              {t('live.hall.bigScreen')}
            </Link>
          </p>
        </div>
        {canEdit && state && (
          <div className="session-actions" role="group" aria-label={t('session.actions')}>
            {state.session.status === 'SCHEDULED' && (
              <button type="button" className="btn btn-primary" onClick={() => setConfirm('start')}>
                {t('live.hall.start')}
              </button>
            )}
            {state.session.status === 'LIVE' && (
              <button
                type="button"
                className="btn btn-danger-outline"
                onClick={() => setConfirm('end')}
              >
                {t('live.hall.end')}
              </button>
            )}
          </div>
        )}
      </div>
      {!canEdit && <p className="hint">{t('live.hall.readOnly')}</p>}
      <CommandStatus live={live} />
      {!state ? (
        !live.final && <p role="status">{t('live.loading')}</p>
      ) : (
        <>
          <NowAndNext current={currentItem(state)} next={upcomingItems(state)[0]} />
          <div className="live-columns">
            <AgendaControl live={live} canEdit={canEdit} />
            <RollCall live={live} canEdit={canEdit} />
          </div>
          <PointsGrid live={live} />
          <Panels panels={PANELS} sessionId={sessionId} live={live} />
        </>
      )}
      {confirm && state && (
        <ConfirmDialog
          title={confirm === 'start' ? t('live.hall.start') : t('live.hall.end')}
          body={t(confirm === 'start' ? 'live.hall.startConfirm' : 'live.hall.endConfirm', {
            title: state.session.title,
          })}
          confirmLabel={confirm === 'start' ? t('live.hall.start') : t('live.hall.end')}
          danger={confirm === 'end'}
          onConfirm={async () => {
            live.send({ type: confirm === 'start' ? 'session.start' : 'session.end' })
          }}
          onClose={() => setConfirm(null)}
        />
      )}
    </div>
  )
}

function AgendaControl({ live, canEdit }: { live: Live; canEdit: boolean }) {
  const { t, lang } = useI18n()
  const [minutes, setMinutes] = useState('5')
  const state = live.state!
  const running = state.session.status === 'LIVE'
  const control = canEdit && running
  const active = currentItem(state)
  const pending = upcomingItems(state)

  function move(item: AgendaLiveItem, delta: number) {
    const ids = pending.map((i) => i.id)
    const from = ids.indexOf(item.id)
    const to = from + delta
    if (from < 0 || to < 0 || to >= ids.length) return
    ids.splice(from, 1)
    ids.splice(to, 0, item.id)
    live.send({ type: 'agenda.reorder', itemIds: ids })
  }

  const extend = Number(minutes)
  return (
    <section className="card live-agenda-control" aria-labelledby="agenda-h">
      <h2 id="agenda-h">{t('live.agenda')}</h2>
      {control && active && (
        <div className="live-toolbar" role="group" aria-label={active.title}>
          <button
            type="button"
            className="btn"
            onClick={() => live.send({ type: 'agenda.finish_item', itemId: active.id })}
          >
            {t('live.agenda.finish')}
          </button>
          {[5, 10].map((m) => (
            <button
              key={m}
              type="button"
              className="btn"
              onClick={() =>
                live.send({ type: 'agenda.extend_item', itemId: active.id, minutes: m })
              }
            >
              {t('live.agenda.extend', { minutes: m })}
            </button>
          ))}
          <label className="live-inline">
            <span>{t('live.agenda.extendMinutes')}</span>
            <input
              type="number"
              min={1}
              max={180}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              className="input-narrow"
            />
          </label>
          <button
            type="button"
            className="btn"
            disabled={!Number.isInteger(extend) || extend < 1 || extend > 180}
            onClick={() =>
              live.send({ type: 'agenda.extend_item', itemId: active.id, minutes: extend })
            }
          >
            {t('live.agenda.extendCustom')}
          </button>
        </div>
      )}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('live.agenda.position')}</th>
              <th scope="col">{t('live.agenda.item')}</th>
              <th scope="col">{t('live.agenda.time')}</th>
              <th scope="col">{t('live.agenda.status')}</th>
              {control && <th scope="col">{t('live.agenda.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {state.agenda.map((item, index) => {
              const p = pending.findIndex((i) => i.id === item.id)
              return (
                <tr
                  key={item.id}
                  className={`agenda-${item.status.toLowerCase()}`}
                  data-item={item.id}
                >
                  <td className="num">{index + 1}</td>
                  <td>
                    {item.title}
                    {item.presenter && <div className="hint">{item.presenter}</div>}
                  </td>
                  <td>
                    {formatTime(item.plannedStart, lang)} · {item.durationMinutes}′
                    {item.actualStart && (
                      <div className="hint">
                        {formatTime(item.actualStart, lang)}
                        {item.actualEnd && ` – ${formatTime(item.actualEnd, lang)}`}
                      </div>
                    )}
                  </td>
                  <td>
                    <span className={`astatus astatus-${item.status.toLowerCase()}`}>
                      {t(`agendaStatus.${item.status}`)}
                    </span>
                  </td>
                  {control && (
                    <td className="actions">
                      {item.status === 'PENDING' && (
                        <>
                          <button
                            type="button"
                            className="btn btn-small btn-primary"
                            aria-label={`${t('live.agenda.start')}: ${item.title}`}
                            onClick={() =>
                              live.send({ type: 'agenda.start_item', itemId: item.id })
                            }
                          >
                            {t('live.agenda.start')}
                          </button>
                          <button
                            type="button"
                            className="btn btn-small"
                            aria-label={`${t('live.agenda.skip')}: ${item.title}`}
                            onClick={() => live.send({ type: 'agenda.skip_item', itemId: item.id })}
                          >
                            {t('live.agenda.skip')}
                          </button>
                          <button
                            type="button"
                            className="btn btn-small"
                            disabled={p <= 0}
                            aria-label={t('live.agenda.upLabel', { title: item.title })}
                            onClick={() => move(item, -1)}
                          >
                            ↑
                          </button>
                          <button
                            type="button"
                            className="btn btn-small"
                            disabled={p < 0 || p >= pending.length - 1}
                            aria-label={t('live.agenda.downLabel', { title: item.title })}
                            onClick={() => move(item, 1)}
                          >
                            ↓
                          </button>
                        </>
                      )}
                    </td>
                  )}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function RollCall({ live, canEdit }: { live: Live; canEdit: boolean }) {
  const { t, lang } = useI18n()
  const state = live.state!
  const rollCall = state.rollCall
  const open = state.session.status === 'SCHEDULED' || state.session.status === 'LIVE'
  const byId = new Map(state.points.map((p) => [p.id, p]))
  const total = rollCall ? rollCall.answered.length + rollCall.pending.length : 0
  return (
    <section className="card live-rollcall" aria-labelledby="rollcall-h" data-testid="rollcall">
      <h2 id="rollcall-h">{t('live.rollcall')}</h2>
      {canEdit && open && (
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => live.send({ type: 'rollcall.start' })}
        >
          {rollCall ? t('live.rollcall.restart') : t('live.rollcall.start')}
        </button>
      )}
      {!rollCall ? (
        <p className="hint">{t('live.rollcall.none')}</p>
      ) : (
        <>
          <p className="hint">
            {t('live.rollcall.startedAt', { time: formatTime(rollCall.startedAt, lang) })}
          </p>
          <p className="live-progress" aria-live="polite" data-testid="rollcall-progress">
            {t('live.rollcall.progress', { answered: rollCall.answered.length, total })}
          </p>
          <progress
            max={Math.max(total, 1)}
            value={rollCall.answered.length}
            aria-label={t('live.rollcall')}
          />
          {rollCall.pending.length === 0 ? (
            <p className="banner banner-success">{t('live.rollcall.allAnswered')}</p>
          ) : (
            <>
              <h3>{t('live.rollcall.pending')}</h3>
              <ul className="live-pending" data-testid="rollcall-pending">
                {rollCall.pending.map((id) => (
                  <li key={id}>{byId.get(id)?.name ?? `#${id}`}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  )
}

function PointsGrid({ live }: { live: Live }) {
  const { t, lang } = useI18n()
  const [level, setLevel] = useState<UnitLevel | ''>('')
  const [status, setStatus] = useState<PointLiveStatus | ''>('')
  const points = live.state!.points
  const shown = useMemo(
    () =>
      points.filter((p) => (!level || p.unitLevel === level) && (!status || p.status === status)),
    [points, level, status],
  )
  return (
    <section className="card" aria-labelledby="points-h">
      <h2 id="points-h">{t('live.points')}</h2>
      <div className="live-filters">
        <label className="live-inline">
          <span>{t('live.points.filterLevel')}</span>
          <select value={level} onChange={(e) => setLevel(e.target.value as UnitLevel | '')}>
            <option value="">{t('live.points.all')}</option>
            {UNIT_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="live-inline">
          <span>{t('live.points.filterStatus')}</span>
          <select
            value={status}
            onChange={(e) => setStatus(e.target.value as PointLiveStatus | '')}
          >
            <option value="">{t('live.points.all')}</option>
            {POINT_LIVE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`live.pointStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="hint" aria-live="polite">
          {t('live.points.shown', { shown: shown.length, total: points.length })}
        </span>
      </div>
      <div className="table-wrap">
        <table className="table" data-testid="points-grid">
          <thead>
            <tr>
              <th scope="col">{t('live.points.name')}</th>
              <th scope="col">{t('live.points.status')}</th>
              <th scope="col" className="num">
                {t('live.points.count')}
              </th>
              <th scope="col">{t('live.points.heartbeat')}</th>
              <th scope="col">{t('live.points.since')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.id} data-point={p.id}>
                <th scope="row">
                  {p.name}
                  {p.mainHall && (
                    <span className="badge badge-main">{t('live.points.mainHall')}</span>
                  )}
                  {p.unitLevel && (
                    <span className="badge badge-level">{t(`level.${p.unitLevel}`)}</span>
                  )}
                </th>
                <td>
                  <PointStatusBadge status={p.status} />
                  {p.trouble && (
                    <div className="hint live-trouble">
                      {t(`live.trouble.${p.trouble}`)}
                      {p.troubleNote && `: ${p.troubleNote}`}
                    </div>
                  )}
                </td>
                <td className="num" data-testid="point-count">
                  {p.presentCount ?? '–'} / {p.expectedCount}
                </td>
                <td>
                  {p.lastHeartbeatAt ? (
                    <time dateTime={p.lastHeartbeatAt}>{formatTime(p.lastHeartbeatAt, lang)}</time>
                  ) : (
                    '–'
                  )}
                </td>
                <td>
                  {p.statusSince ? (
                    <time dateTime={p.statusSince}>{formatTime(p.statusSince, lang)}</time>
                  ) : (
                    '–'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && <p className="hint">{t('live.points.empty')}</p>}
      </div>
    </section>
  )
}
