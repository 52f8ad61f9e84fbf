import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../../api/client'
import { useI18n } from '../../i18n'
import { useDebounced, useLoad } from '../../lib/hooks'
import { formatTime } from '../../lib/time'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { attendanceApi, type AttendanceCommand, type AttendanceEntry } from './api'
import { decodeInvitation } from './qr'
import { CommandQueue, newCommandId } from './queue'

/** What the point console's live connection offers (useLive()); it queues offline itself. */
export interface LiveSender {
  send: (command: AttendanceCommand) => unknown
  connection?: 'connecting' | 'online' | 'offline'
  queued?: readonly unknown[]
}

interface Props {
  sessionId: number
  /** Required; optional only so the panel fits the live screens' panel slot type. */
  pointId?: number
  /** The console's live connection; without one, commands go over REST with their own offline queue. */
  live?: LiveSender | null
}

type Open = { kind: 'absent' | 'substitute'; delegateId: number } | null

/** The point console's check-in panel: search, one tap, undo, absence, substitute, walk-in, room count, QR. */
export function CheckInPanel({ sessionId, pointId: maybePoint, live }: Props) {
  const pointId = maybePoint ?? 0
  const { t, lang } = useI18n()
  const [q, setQ] = useState('')
  const query = useDebounced(q, 250)
  const [error, setError] = useState<unknown>(null)
  const [open, setOpen] = useState<Open>(null)
  const [text1, setText1] = useState('')
  const [text2, setText2] = useState('')
  const [walkIn, setWalkIn] = useState({ fullName: '', position: '', unitName: '' })
  const [room, setRoom] = useState('')
  const [pending, setPending] = useState(
    () => new CommandQueue(sessionId, maybePoint ?? 0).all().length,
  )
  const [online, setOnline] = useState(typeof navigator === 'undefined' || navigator.onLine)
  const [scanning, setScanning] = useState(false)
  const [notice, setNotice] = useState('')
  const queue = useRef(new CommandQueue(sessionId, pointId))

  const loaded = useLoad(
    () => attendanceApi.entries(sessionId, pointId, query),
    `${sessionId}/${pointId}/${query}`,
  )
  const entries = loaded.data?.items ?? []
  const total = loaded.data?.total ?? 0
  const reload = loaded.reload
  const loadError =
    loaded.error instanceof ApiError && loaded.error.status === 0 ? null : loaded.error

  const flush = useCallback(async () => {
    for (const item of queue.current.all()) {
      try {
        await attendanceApi.command(sessionId, item.commandId, item.command)
        queue.current.remove(item.commandId)
      } catch (e) {
        if (e instanceof ApiError && e.status === 0) break // still offline: keep the rest in order
        queue.current.remove(item.commandId) // refused: resending cannot help
        setError(e)
      }
    }
    setPending(queue.current.all().length)
  }, [sessionId])

  useEffect(() => {
    const up = () => {
      setOnline(true)
      void flush().then(() => reload())
    }
    const down = () => setOnline(false)
    window.addEventListener('online', up)
    window.addEventListener('offline', down)
    const timer = window.setInterval(() => {
      if (queue.current.all().length > 0) void flush()
    }, 5000)
    return () => {
      window.removeEventListener('online', up)
      window.removeEventListener('offline', down)
      window.clearInterval(timer)
    }
  }, [flush, reload])

  const send = useCallback(
    async (command: AttendanceCommand) => {
      setError(null)
      if (live) {
        live.send(command)
        window.setTimeout(reload, 300)
        return
      }
      const commandId = newCommandId()
      try {
        await attendanceApi.command(sessionId, commandId, command)
      } catch (e) {
        if (e instanceof ApiError && e.status === 0) {
          queue.current.push({ commandId, command })
          setPending(queue.current.all().length)
          return
        }
        setError(e)
      }
      reload()
    },
    [live, reload, sessionId],
  )

  /** Shows the change at once; the server's answer (or the queue) follows. */
  const optimistic = (delegateId: number, change: Partial<AttendanceEntry>) => {
    if (!loaded.data) return
    loaded.setData({
      ...loaded.data,
      items: loaded.data.items.map((e) => (e.delegateId === delegateId ? { ...e, ...change } : e)),
    })
  }

  const present = entries.filter((e) => e.status === 'PRESENT').length
  const offline = live ? live.connection === 'offline' : !online
  const waiting = live ? (live.queued?.length ?? 0) : pending
  if (!maybePoint) return null

  return (
    <section className="card checkin-panel" aria-labelledby="checkin-title">
      <h2 id="checkin-title">{t('attendance.title')}</h2>
      <p className="checkin-summary" aria-live="polite">
        {t('attendance.summary', { present, total })}
        {offline && <span className="badge badge-warn">{t('attendance.offline')}</span>}
        {waiting > 0 && (
          <span className="badge badge-info">{t('attendance.queued', { n: waiting })}</span>
        )}
      </p>
      <ProblemBanner error={error ?? loadError} />
      {notice && (
        <p className="banner banner-info" role="status">
          {notice}
        </p>
      )}
      <div className="toolbar">
        <label className="field">
          <span>{t('attendance.search')}</span>
          <input
            type="search"
            value={q}
            placeholder={t('attendance.searchHint')}
            onChange={(e) => setQ(e.target.value)}
          />
        </label>
        <button type="button" className="btn" onClick={() => setScanning((s) => !s)}>
          {scanning ? t('attendance.scanStop') : t('attendance.scan')}
        </button>
      </div>
      {scanning && (
        <QrScanner
          onToken={(token) => {
            setScanning(false)
            setNotice(t('attendance.scanned'))
            void send({ type: 'attendance.check_in', pointId, token })
          }}
          onError={(message) => {
            setScanning(false)
            setNotice(message)
          }}
        />
      )}
      <ul className="checkin-list">
        {entries.map((e) => (
          <li key={e.delegateId} className={`checkin-row status-${e.status.toLowerCase()}`}>
            <div className="checkin-who">
              <strong>{e.fullName}</strong>
              <span className="hint">{[e.position, e.unitName].filter(Boolean).join(' – ')}</span>
              <span className="checkin-status">
                {t(`attendance.status.${e.status}`)}
                {e.status === 'PRESENT' && e.recordedAt && ` · ${formatTime(e.recordedAt, lang)}`}
                {e.substituteName &&
                  ` · ${t('attendance.substituteFor', { name: e.substituteName })}`}
                {e.absenceReason && ` · ${e.absenceReason}`}
              </span>
            </div>
            <div className="checkin-actions">
              {e.status === 'NOT_YET' ? (
                <>
                  <button
                    type="button"
                    className="btn btn-primary btn-large"
                    aria-label={t('attendance.checkInLabel', { name: e.fullName })}
                    onClick={() => {
                      optimistic(e.delegateId, { status: 'PRESENT', method: 'OPERATOR' })
                      void send({
                        type: 'attendance.check_in',
                        pointId,
                        delegateId: e.delegateId,
                      })
                    }}
                  >
                    {t('attendance.checkIn')}
                  </button>
                  <button
                    type="button"
                    className="btn"
                    onClick={() => {
                      setOpen({ kind: 'substitute', delegateId: e.delegateId })
                      setText1('')
                      setText2('')
                    }}
                  >
                    {t('attendance.substitute')}
                  </button>
                  <button
                    type="button"
                    className="btn"
                    onClick={() => {
                      setOpen({ kind: 'absent', delegateId: e.delegateId })
                      setText1('')
                    }}
                  >
                    {t('attendance.absent')}
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  className="btn btn-danger-outline"
                  aria-label={t('attendance.undoLabel', { name: e.fullName })}
                  onClick={() => {
                    optimistic(e.delegateId, { status: 'NOT_YET', substituteName: null })
                    void send({ type: 'attendance.undo_check_in', delegateId: e.delegateId })
                  }}
                >
                  {t('attendance.undo')}
                </button>
              )}
            </div>
            {open?.delegateId === e.delegateId && (
              <form
                className="checkin-inline"
                onSubmit={(ev) => {
                  ev.preventDefault()
                  if (open.kind === 'absent') {
                    void send({
                      type: 'attendance.mark_absent',
                      pointId,
                      delegateId: e.delegateId,
                      reason: text1,
                    })
                  } else {
                    void send({
                      type: 'attendance.check_in',
                      pointId,
                      delegateId: e.delegateId,
                      substituteName: text1,
                      substitutePosition: text2 || undefined,
                    })
                  }
                  setOpen(null)
                }}
              >
                <label className="field">
                  <span>
                    {open.kind === 'absent'
                      ? t('attendance.reason')
                      : t('attendance.substituteName')}
                  </span>
                  <input required value={text1} onChange={(ev) => setText1(ev.target.value)} />
                </label>
                {open.kind === 'substitute' && (
                  <label className="field">
                    <span>{t('attendance.substitutePosition')}</span>
                    <input value={text2} onChange={(ev) => setText2(ev.target.value)} />
                  </label>
                )}
                <button type="submit" className="btn btn-primary">
                  {t('common.save')}
                </button>
                <button type="button" className="btn btn-ghost" onClick={() => setOpen(null)}>
                  {t('common.cancel')}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <div className="checkin-forms">
        <form
          className="card-inner"
          onSubmit={(ev) => {
            ev.preventDefault()
            void send({
              type: 'attendance.walk_in',
              pointId,
              fullName: walkIn.fullName,
              position: walkIn.position || undefined,
              unitName: walkIn.unitName || undefined,
            })
            setWalkIn({ fullName: '', position: '', unitName: '' })
          }}
        >
          <h3>{t('attendance.walkIn')}</h3>
          <label className="field">
            <span>{t('attendance.fullName')}</span>
            <input
              required
              value={walkIn.fullName}
              onChange={(e) => setWalkIn({ ...walkIn, fullName: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('attendance.position')}</span>
            <input
              value={walkIn.position}
              onChange={(e) => setWalkIn({ ...walkIn, position: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('attendance.unit')}</span>
            <input
              value={walkIn.unitName}
              onChange={(e) => setWalkIn({ ...walkIn, unitName: e.target.value })}
            />
          </label>
          <button type="submit" className="btn">
            {t('attendance.addWalkIn')}
          </button>
        </form>
        <form
          className="card-inner"
          onSubmit={(ev) => {
            ev.preventDefault()
            void send({ type: 'attendance.report_room_count', pointId, present: Number(room) })
            setNotice(t('attendance.roomCountSent', { n: room }))
          }}
        >
          <h3>{t('attendance.roomCount')}</h3>
          <label className="field">
            <span>{t('attendance.roomCountLabel')}</span>
            <input
              type="number"
              min={0}
              max={100000}
              required
              value={room}
              onChange={(e) => setRoom(e.target.value)}
            />
          </label>
          <button type="submit" className="btn">
            {t('attendance.reportRoomCount')}
          </button>
        </form>
      </div>
    </section>
  )
}

/** The phone camera, read frame by frame until an invitation QR shows up. */
function QrScanner({
  onToken,
  onError,
}: {
  onToken: (token: string) => void
  onError: (message: string) => void
}) {
  const { t } = useI18n()
  const video = useRef<HTMLVideoElement>(null)
  // the parent re-renders while the camera runs; the camera must not restart each time
  const handlers = useRef({ onToken, onError })
  useEffect(() => {
    handlers.current = { onToken, onError }
  })

  useEffect(() => {
    let stream: MediaStream | null = null
    let frame = 0
    let stopped = false
    const canvas = document.createElement('canvas')
    const tick = () => {
      const v = video.current
      if (stopped || !v) return
      if (v.readyState >= 2 && v.videoWidth > 0) {
        canvas.width = v.videoWidth
        canvas.height = v.videoHeight
        const ctx = canvas.getContext('2d', { willReadFrequently: true })
        if (ctx) {
          ctx.drawImage(v, 0, 0)
          const img = ctx.getImageData(0, 0, canvas.width, canvas.height)
          const token = decodeInvitation(img.data, img.width, img.height)
          if (token) {
            handlers.current.onToken(token)
            return
          }
        }
      }
      frame = requestAnimationFrame(tick)
    }
    if (!navigator.mediaDevices?.getUserMedia) {
      handlers.current.onError(t('attendance.noCamera'))
      return
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then((s) => {
        stream = s
        if (stopped || !video.current) return
        video.current.srcObject = s
        void video.current.play()
        frame = requestAnimationFrame(tick)
      })
      .catch(() => handlers.current.onError(t('attendance.noCamera')))
    return () => {
      stopped = true
      cancelAnimationFrame(frame)
      stream?.getTracks().forEach((track) => track.stop())
    }
  }, [t])

  return (
    <div className="qr-scanner">
      <video ref={video} muted playsInline aria-label={t('attendance.camera')} />
    </div>
  )
}
