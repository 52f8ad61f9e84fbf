// Main-hall console panel: the floor queue with waiting times; the organizer grants (one speaker
// at a time), reorders, declines with a reason, ends the current turn, and closes the queue to new
// requests (asking first) or reopens it. Observers read.
import { useState } from 'react'
import { useAuth } from '../../app/auth'
import { useI18n } from '../../i18n'
import type { LivePanelProps } from '../../live'
import { ConfirmDialog } from '../../ui/Dialog'
import { useNow } from '../live/LiveParts'
import { moved } from './floorState'
import { MAX_TOPIC } from './api'
import { Waited, who } from './parts'
import './floor.css'

export function FloorQueuePanel({ live }: LivePanelProps) {
  const { t } = useI18n()
  const { canEdit } = useAuth()
  const now = useNow(15_000)
  const [declining, setDeclining] = useState<number | null>(null)
  const [reason, setReason] = useState('')
  const [confirmClose, setConfirmClose] = useState(false)
  const floor = live.state?.floor ?? { speaking: null, queue: [] }
  const control = canEdit && live.state?.session.status === 'LIVE'
  const speaking = floor.speaking

  return (
    <section
      className="panel floor-panel"
      aria-labelledby="floor-queue-h"
      data-testid="floor-queue"
    >
      <div className="floor-head">
        <h2 id="floor-queue-h">{t('floor.queue.title')}</h2>
        {canEdit &&
          (floor.queueClosed ? (
            <button
              type="button"
              className="btn"
              data-testid="floor-queue-open"
              onClick={() => live.send({ type: 'floor.open_queue' })}
            >
              {t('floor.queue.open')}
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-danger-outline"
              data-testid="floor-queue-close"
              onClick={() => setConfirmClose(true)}
            >
              {t('floor.queue.close')}
            </button>
          ))}
      </div>
      <div aria-live="polite">
        {floor.queueClosed && (
          <p className="banner banner-info" data-testid="floor-queue-closed">
            {t('floor.queue.closed')}
          </p>
        )}
      </div>
      <div className="floor-speaking" aria-live="polite" data-testid="floor-speaking">
        {speaking ? (
          <>
            <span className="floor-label">{t('floor.speaking')}</span>{' '}
            <strong>{who(speaking)}</strong>
            <span className="floor-topic">{speaking.topic}</span>
            {control && (
              <button
                type="button"
                className="btn"
                onClick={() => live.send({ type: 'floor.finish', requestId: speaking.id })}
              >
                {t('floor.finish')}
              </button>
            )}
          </>
        ) : (
          <span className="hint">{t('floor.nobody')}</span>
        )}
      </div>
      {floor.queue.length === 0 ? (
        <p className="hint">{t('floor.queue.empty')}</p>
      ) : (
        <ol
          className="floor-queue"
          aria-label={t('floor.queue.list', { count: floor.queue.length })}
        >
          {floor.queue.map((r, i) => (
            <li key={r.id} data-testid="floor-queue-item">
              <div>
                <strong>{who(r)}</strong> <Waited since={r.requestedAt} now={now} t={t} />
                <div className="floor-topic">{r.topic}</div>
              </div>
              {control && declining !== r.id && (
                <div
                  className="floor-actions"
                  role="group"
                  aria-label={t('floor.actions', { name: who(r) })}
                >
                  <button
                    type="button"
                    className="btn btn-primary"
                    onClick={() => live.send({ type: 'floor.grant', requestId: r.id })}
                  >
                    {t('floor.grant')}
                  </button>
                  <button
                    type="button"
                    className="btn"
                    disabled={i === 0}
                    aria-label={t('floor.up', { name: who(r) })}
                    onClick={() =>
                      live.send({ type: 'floor.reorder', requestIds: moved(floor.queue, r.id, -1) })
                    }
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn"
                    disabled={i === floor.queue.length - 1}
                    aria-label={t('floor.down', { name: who(r) })}
                    onClick={() =>
                      live.send({ type: 'floor.reorder', requestIds: moved(floor.queue, r.id, 1) })
                    }
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="btn btn-ghost"
                    onClick={() => {
                      setDeclining(r.id)
                      setReason('')
                    }}
                  >
                    {t('floor.decline')}
                  </button>
                </div>
              )}
              {control && declining === r.id && (
                <form
                  className="floor-decline"
                  onSubmit={(e) => {
                    e.preventDefault()
                    if (!reason.trim()) return
                    live.send({ type: 'floor.decline', requestId: r.id, reason: reason.trim() })
                    setDeclining(null)
                  }}
                >
                  <label>
                    {t('floor.declineReason')}
                    <input
                      value={reason}
                      maxLength={MAX_TOPIC}
                      required
                      autoFocus
                      onChange={(e) => setReason(e.target.value)}
                    />
                  </label>
                  <button type="submit" className="btn btn-danger">
                    {t('floor.declineConfirm')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-ghost"
                    onClick={() => setDeclining(null)}
                  >
                    {t('common.cancel')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ol>
      )}
      {confirmClose && (
        <ConfirmDialog
          title={t('floor.queue.closeConfirm.title')}
          body={<p>{t('floor.queue.closeConfirm.body')}</p>}
          confirmLabel={t('floor.queue.close')}
          danger
          onConfirm={async () => live.send({ type: 'floor.close_queue' })}
          onClose={() => setConfirmClose(false)}
        />
      )}
    </section>
  )
}
