import { useEffect, useState } from 'react'
import { useI18n } from '../../i18n'
import { attendanceApi, type AttendanceCounts } from './api'

interface Props {
  sessionId: number
  /**
   * The live screen's connection (useLive()): its state keeps the counts (snapshot.attendance,
   * then attendance.counts_changed). Without one the panel loads the counts and follows the
   * session's live socket itself.
   */
  live?: { state: { attendance?: AttendanceCounts } | null } | null
}

/** Present / expected in total, by level and per point; points far below their count stand out. */
export function AttendanceCountsPanel({ sessionId, live }: Props) {
  const given = live ? (live.state?.attendance ?? null) : undefined
  const { t } = useI18n()
  const [own, setOwn] = useState<AttendanceCounts | null>(null)
  const counts = given ?? own

  useEffect(() => {
    if (given !== undefined) return
    let closed = false
    let socket: WebSocket | null = null
    let retry = 0
    const connect = () => {
      if (closed) return
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws'
      socket = new WebSocket(`${scheme}://${window.location.host}/live/sessions/${sessionId}`)
      socket.onmessage = (m) => {
        const msg = JSON.parse(String(m.data)) as {
          type: string
          attendance?: AttendanceCounts
          counts?: AttendanceCounts
        }
        if (msg.type === 'live.snapshot' && msg.attendance) setOwn(msg.attendance)
        if (msg.type === 'attendance.counts_changed' && msg.counts) setOwn(msg.counts)
      }
      socket.onclose = () => {
        if (!closed) retry = window.setTimeout(connect, 3000)
      }
    }
    attendanceApi.counts(sessionId).then(
      (c) => !closed && setOwn((old) => old ?? c),
      () => undefined,
    )
    connect()
    return () => {
      closed = true
      window.clearTimeout(retry)
      socket?.close()
    }
  }, [sessionId, given])

  if (!counts) return <p role="status">{t('app.loading')}</p>
  const pct = (present: number, expected: number) =>
    expected > 0 ? Math.round((present * 100) / expected) : 0
  return (
    <section className="card attendance-counts" aria-labelledby="counts-title">
      <h2 id="counts-title">{t('attendance.counts')}</h2>
      <p className="counts-total" data-testid="attendance-total">
        {t('attendance.totalLine', {
          present: counts.total.present,
          expected: counts.total.expected,
          pct: pct(counts.total.present, counts.total.expected),
        })}
      </p>
      {counts.levels.length > 0 && (
        <ul className="counts-levels">
          {counts.levels.map((l) => (
            <li key={l.level}>
              {t(`level.${l.level}` as never)}: {l.tally.present}/{l.tally.expected}
            </li>
          ))}
        </ul>
      )}
      <table className="table">
        <thead>
          <tr>
            <th>{t('attendance.point')}</th>
            <th className="num">{t('attendance.present')}</th>
            <th className="num">{t('attendance.expected')}</th>
            <th className="num">{t('attendance.absentCol')}</th>
            <th className="num">{t('attendance.roomCount')}</th>
          </tr>
        </thead>
        <tbody>
          {counts.points.map((p) => (
            <tr
              key={p.pointId}
              className={p.low ? 'row-low' : undefined}
              data-testid={`counts-point-${p.pointId}`}
            >
              <th scope="row">
                {p.name}
                {p.low && <span className="badge badge-warn">{t('attendance.low')}</span>}
              </th>
              <td className="num">{p.tally.present}</td>
              <td className="num">{p.tally.expected}</td>
              <td className="num">{p.tally.absent}</td>
              <td className="num">{p.roomCount ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** Download links of the official attendance report. */
export function AttendanceReportLinks({ sessionId }: { sessionId: number }) {
  const { t } = useI18n()
  return (
    <p className="report-links">
      <span>{t('attendance.report')}: </span>
      {(['xlsx', 'pdf', 'csv'] as const).map((ext) => (
        <a
          key={ext}
          className="btn btn-ghost"
          href={attendanceApi.reportUrl(sessionId, ext)}
          download
        >
          {ext.toUpperCase()}
        </a>
      ))}
    </p>
  )
}
