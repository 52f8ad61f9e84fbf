import { useEffect, useState } from 'react'
import type { ComponentType } from 'react'
import { useI18n } from '../../i18n'
import type { MessageKey } from '../../i18n'
import { formatTime } from '../../lib/time'
import {
  formatDuration,
  itemTimer,
  type AgendaLiveItem,
  type CommandMessage,
  type Live,
  type LivePanelProps,
  type PointLiveStatus,
} from '../../live'
import './live.css'

/**
 * A panel other features add to a live screen: one line in that screen's PANELS array.
 * It gets `{ sessionId, pointId?, live }` (live = the screen's useLive result, shared: do not open
 * another socket) and renders its own <section> with a heading.
 */
export type LivePanel = ComponentType<LivePanelProps>

export function Panels({ panels, ...props }: LivePanelProps & { panels: readonly LivePanel[] }) {
  if (panels.length === 0) return null
  return (
    <div className="live-panels">
      {panels.map((Panel, i) => (
        <Panel key={Panel.displayName ?? Panel.name ?? i} {...props} />
      ))}
    </div>
  )
}

/** The current time, re-rendering every `ms` (timers, "time now"). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms)
    return () => clearInterval(timer)
  }, [ms])
  return now
}

export function ConnectionBadge({ live }: { live: Live }) {
  const { t } = useI18n()
  return (
    <span
      className={`live-conn live-conn-${live.connection}`}
      role="status"
      aria-live="polite"
      data-connection={live.connection}
    >
      <span className="live-dot" aria-hidden="true" />
      {t(`live.connection.${live.connection}`)}
    </span>
  )
}

export function PointStatusBadge({ status }: { status: PointLiveStatus }) {
  const { t } = useI18n()
  return (
    <span className={`pstatus pstatus-${status.toLowerCase()}`} data-status={status}>
      {t(`live.pointStatus.${status}`)}
    </span>
  )
}

export function commandLabel(
  command: CommandMessage,
  t: (k: MessageKey, p?: Record<string, string | number>) => string,
) {
  const key = `live.command.${command.type}` as MessageKey
  return t(key, 'present' in command ? { present: command.present } : undefined)
}

/** What the user did that has not been confirmed yet, and what the server refused. */
export function CommandStatus({ live }: { live: Live }) {
  const { t, lang } = useI18n()
  return (
    <>
      {live.final && (
        <p className="banner banner-error" role="alert">
          {t(`live.final.${live.final}`)}
        </p>
      )}
      {live.rejections.map((r) => (
        <div
          key={`${r.commandId}-${r.code}`}
          className="banner banner-error live-rejection"
          role="alert"
        >
          <span>{t('live.rejected', { message: r.message })}</span>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => live.dismissRejection(r.commandId)}
          >
            {t('live.dismiss')}
          </button>
        </div>
      ))}
      {live.queued.length > 0 && (
        <section
          className="banner banner-warning live-queue"
          aria-labelledby="live-queue-title"
          data-testid="live-queue"
        >
          <h2 id="live-queue-title">{t('live.queued.title', { count: live.queued.length })}</h2>
          <ol>
            {live.queued.map((p) => (
              <li key={p.commandId}>
                <time dateTime={p.createdAt}>{formatTime(p.createdAt, lang)}</time>{' '}
                {commandLabel(p.command, t)}{' '}
                <span className="hint">
                  {live.connection === 'online'
                    ? t('live.queued.sending')
                    : t('live.queued.waiting')}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  )
}

/** Planned vs actual of the running item; the overrun in red once the planned time is up. */
export function ItemTimerView({ item, large }: { item: AgendaLiveItem; large?: boolean }) {
  const { t, lang } = useI18n()
  const now = useNow()
  const timer = itemTimer(item, now)
  if (!timer) return null
  return (
    <div
      className={`live-timer${timer.overrun ? ' live-timer-over' : ''}${large ? ' live-timer-large' : ''}`}
    >
      <span className="live-timer-clock" aria-label={t('live.timer.elapsed')}>
        {formatDuration(timer.elapsedMs)}
      </span>
      <span className="live-timer-detail">
        <span>{t('live.timer.planned', { minutes: item.durationMinutes })}</span>
        {' · '}
        <strong data-testid="timer-remaining">
          {timer.overrun
            ? t('live.timer.over', { time: formatDuration(timer.overMs) })
            : t('live.timer.left', { time: formatDuration(timer.overMs) })}
        </strong>
        {item.actualStart && (
          <>
            {' · '}
            <span>{t('live.timer.startedAt', { time: formatTime(item.actualStart, lang) })}</span>
          </>
        )}
      </span>
    </div>
  )
}

/** The running item with its timer, and what comes next. */
export function NowAndNext({
  current,
  next,
  large,
}: {
  current: AgendaLiveItem | undefined
  next: AgendaLiveItem | undefined
  large?: boolean
}) {
  const { t, lang } = useI18n()
  return (
    <div className="live-now-next">
      <section className="card live-now" aria-labelledby="live-now-h" data-testid="live-current">
        <h2 id="live-now-h" className="live-label">
          {t('live.current')}
        </h2>
        {current ? (
          <>
            <p className="live-item-title">{current.title}</p>
            {current.presenter && (
              <p className="live-presenter">{t('live.presenter', { name: current.presenter })}</p>
            )}
            <ItemTimerView item={current} large={large} />
          </>
        ) : (
          <p className="live-empty">{t('live.noCurrent')}</p>
        )}
      </section>
      <section className="card live-next" aria-labelledby="live-next-h" data-testid="live-next">
        <h2 id="live-next-h" className="live-label">
          {t('live.next')}
        </h2>
        {next ? (
          <>
            <p className="live-item-title live-item-next">{next.title}</p>
            <p className="hint">
              {next.plannedStart &&
                t('live.timer.plannedAt', { time: formatTime(next.plannedStart, lang) })}
              {next.plannedStart && ' · '}
              {t('live.timer.planned', { minutes: next.durationMinutes })}
            </p>
          </>
        ) : (
          <p className="live-empty">{t('live.noNext')}</p>
        )}
      </section>
    </div>
  )
}

/** The whole programme as it runs, read-only (consoles). */
export function AgendaRunList({ agenda }: { agenda: readonly AgendaLiveItem[] }) {
  const { t, lang } = useI18n()
  return (
    <ol className="live-agenda">
      {agenda.map((item) => (
        <li key={item.id} className={`live-agenda-item agenda-${item.status.toLowerCase()}`}>
          <span className="live-agenda-time">
            {formatTime(item.actualStart ?? item.plannedStart, lang)}
          </span>
          <span className="live-agenda-title">{item.title}</span>
          <span className={`astatus astatus-${item.status.toLowerCase()}`}>
            {t(`agendaStatus.${item.status}`)}
          </span>
        </li>
      ))}
    </ol>
  )
}
