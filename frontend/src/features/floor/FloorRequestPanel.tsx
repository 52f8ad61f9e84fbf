// Point console panel: "ask for the floor" for a delegate of this point or the point as a whole,
// and the state of this point's requests (waiting with place in queue, speaking, declined…).
// The request goes through the console's offline queue, so it is sent once the link is back.
import { useState } from 'react'
import { api } from '../../api'
import { useI18n } from '../../i18n'
import type { LivePanelProps } from '../../live'
import { useLoad } from '../../lib/hooks'
import { useNow } from '../live/LiveParts'
import { MAX_TOPIC } from './api'
import { placeInQueue, requestsOfPoint } from './floorState'
import { Waited, who } from './parts'
import './floor.css'

export function FloorRequestPanel({ sessionId, pointId, live }: LivePanelProps) {
  const { t } = useI18n()
  const now = useNow(15_000)
  const [delegateId, setDelegateId] = useState('')
  const [topic, setTopic] = useState('')
  const delegates = useLoad(
    () =>
      pointId
        ? api.delegates.list(sessionId, { pointId, page: 0, size: 500 }).then((p) => p.items)
        : Promise.resolve([]),
    `${sessionId}/${pointId}`,
  )
  if (!pointId) return null
  const mine = requestsOfPoint(live.state, pointId)
  const isLive = live.state?.session.status === 'LIVE'
  const closed = live.state?.floor?.queueClosed === true

  return (
    <section
      className="panel floor-panel"
      aria-labelledby="floor-request-h"
      data-testid="floor-request"
    >
      <h2 id="floor-request-h">{t('floor.request.title')}</h2>
      <div aria-live="polite" data-testid="floor-mine">
        {mine.speaking && (
          <div className="banner banner-success floor-granted" data-testid="floor-granted">
            <strong>{t('floor.request.granted')}</strong> {who(mine.speaking)} –{' '}
            {mine.speaking.topic}
            <button
              type="button"
              className="btn"
              onClick={() => live.send({ type: 'floor.finish', requestId: mine.speaking!.id })}
            >
              {t('floor.request.done')}
            </button>
          </div>
        )}
        {mine.waiting.map((r) => (
          <div key={r.id} className="banner banner-info" data-testid="floor-waiting">
            {t('floor.request.waiting', { place: placeInQueue(live.state?.floor, r.id) })}{' '}
            <strong>{who(r)}</strong> – {r.topic} <Waited since={r.requestedAt} now={now} t={t} />
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => live.send({ type: 'floor.withdraw', requestId: r.id })}
            >
              {t('floor.request.withdraw')}
            </button>
          </div>
        ))}
        {mine.closed.slice(0, 3).map((r) => (
          <p key={r.id} className="hint" data-testid="floor-closed">
            {t(`floor.status.${r.status}`)}: {who(r)} – {r.topic}
            {r.declineReason ? ` (${t('floor.reason', { reason: r.declineReason })})` : ''}
          </p>
        ))}
      </div>
      <div aria-live="polite">
        {isLive && closed && (
          <p className="banner banner-warning" data-testid="floor-request-closed">
            {t('floor.queue.closedNotice')}
          </p>
        )}
      </div>
      {isLive ? (
        <form
          className="floor-form"
          onSubmit={(e) => {
            e.preventDefault()
            const text = topic.trim()
            if (!text || closed) return
            live.send({
              type: 'floor.request',
              pointId,
              delegateId: delegateId ? Number(delegateId) : null,
              topic: text,
            })
            setTopic('')
          }}
        >
          <label>
            {t('floor.request.who')}
            <select value={delegateId} onChange={(e) => setDelegateId(e.target.value)}>
              <option value="">{t('floor.request.wholePoint')}</option>
              {(delegates.data ?? []).map((d) => (
                <option key={d.id} value={d.id}>
                  {d.fullName}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('floor.request.topic')}
            <input
              value={topic}
              maxLength={MAX_TOPIC}
              required
              onChange={(e) => setTopic(e.target.value)}
            />
          </label>
          <button type="submit" className="btn btn-primary" disabled={closed}>
            {t('floor.request.submit')}
          </button>
        </form>
      ) : (
        <p className="hint">{t('floor.request.notLive')}</p>
      )}
    </section>
  )
}
