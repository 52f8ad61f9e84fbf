import { useEffect, useRef, useState } from 'react'
import { api } from '../../api'
import type { AgendaItemView, SessionView } from '../../api/types'
import { useI18n } from '../../i18n'
import { useLoad } from '../../lib/hooks'
import { formatTime } from '../../lib/time'
import { ConfirmDialog } from '../../ui/Dialog'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { useStatus } from '../../ui/Status'
import { AgendaDialog } from './AgendaDialog'
import { moveId } from './order'

interface Props {
  session: SessionView
  readOnly: boolean
}

export function AgendaTab({ session, readOnly }: Props) {
  const { t, lang } = useI18n()
  const { announce } = useStatus()
  const sid = session.id
  const items = useLoad(() => api.agenda.list(sid), String(sid))
  const [editing, setEditing] = useState<AgendaItemView | 'new' | null>(null)
  const [deleting, setDeleting] = useState<AgendaItemView | null>(null)
  const [moveError, setMoveError] = useState<unknown>(null)
  const moving = useRef(false)
  const [refocus, setRefocus] = useState<{ id: number; dir: 'up' | 'down' } | null>(null)
  const list = items.data ?? []

  // Keep the keyboard where it was after a move: on the same item's button, or its twin when
  // the item reached an edge and that button is now disabled.
  useEffect(() => {
    if (!refocus) return
    const same = document.getElementById(
      `agenda-${refocus.dir}-${refocus.id}`,
    ) as HTMLButtonElement | null
    const twin = document.getElementById(
      `agenda-${refocus.dir === 'up' ? 'down' : 'up'}-${refocus.id}`,
    )
    ;(same && !same.disabled ? same : twin)?.focus()
  }, [refocus])

  async function move(item: AgendaItemView, delta: -1 | 1) {
    const order = moveId(
      list.map((i) => i.id),
      item.id,
      delta,
    )
    // Buttons stay enabled during the request (disabling them would drop the focus); a second
    // click while one is in flight is ignored instead.
    if (moving.current) return
    moving.current = true
    setMoveError(null)
    try {
      const updated = await api.agenda.reorder(sid, order)
      items.setData(updated)
      const position = updated.findIndex((i) => i.id === item.id) + 1
      announce(t('agenda.moved', { title: item.title, position }), 'info')
      setRefocus({ id: item.id, dir: delta < 0 ? 'up' : 'down' })
    } catch (e) {
      setMoveError(e)
    } finally {
      moving.current = false
    }
  }

  return (
    <div className="stack">
      <div className="section-head">
        <h2>{t('agenda.title')}</h2>
        {!readOnly && (
          <div className="section-actions">
            <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
              + {t('agenda.add')}
            </button>
          </div>
        )}
      </div>
      <ProblemBanner error={items.error ?? moveError} onRetry={items.reload} />
      {items.data && list.length === 0 && <p className="empty">{t('agenda.empty')}</p>}
      <ol className="agenda">
        {list.map((item, index) => (
          <li key={item.id} className={`agenda-item agenda-${item.status.toLowerCase()}`}>
            <div className="agenda-time">
              <time dateTime={item.plannedStart ?? undefined}>
                {formatTime(item.plannedStart, lang)}
              </time>
              <span aria-hidden="true">–</span>
              <time dateTime={item.plannedEnd ?? undefined}>
                {formatTime(item.plannedEnd, lang)}
              </time>
              {item.startIsComputed && <span className="computed">{t('agenda.computed')}</span>}
            </div>
            <div className="agenda-body">
              <span className="agenda-title">{item.title}</span>
              <span className="agenda-meta">
                {[item.presenter, t('agenda.minutes', { count: item.durationMinutes })]
                  .filter(Boolean)
                  .join(' · ')}
                {item.status !== 'PENDING' && ` · ${t(`agendaStatus.${item.status}`)}`}
              </span>
              {item.notes && <span className="agenda-notes">{item.notes}</span>}
              {(item.overlapsNext || item.endsAfterSession) && (
                <span className="agenda-warning">
                  {[
                    item.overlapsNext && t('agenda.overlapsNext'),
                    item.endsAfterSession && t('agenda.endsAfterSession'),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              )}
            </div>
            {!readOnly && (
              <div className="agenda-actions">
                <button
                  id={`agenda-up-${item.id}`}
                  type="button"
                  className="btn btn-small btn-icon-text"
                  disabled={index === 0}
                  onClick={() => move(item, -1)}
                  aria-label={t('agenda.moveUpItem', { title: item.title })}
                  title={t('common.moveUp')}
                >
                  ↑
                </button>
                <button
                  id={`agenda-down-${item.id}`}
                  type="button"
                  className="btn btn-small btn-icon-text"
                  disabled={index === list.length - 1}
                  onClick={() => move(item, 1)}
                  aria-label={t('agenda.moveDownItem', { title: item.title })}
                  title={t('common.moveDown')}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => setEditing(item)}
                  aria-label={`${t('common.edit')}: ${item.title}`}
                >
                  {t('common.edit')}
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-danger-outline"
                  onClick={() => setDeleting(item)}
                  aria-label={`${t('common.delete')}: ${item.title}`}
                >
                  {t('common.delete')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>

      {editing && (
        <AgendaDialog
          sessionId={sid}
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            announce(t('common.saved'))
            items.reload()
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('agenda.deleteConfirm.title')}
          body={<p>{t('agenda.deleteConfirm.body', { title: deleting.title })}</p>}
          confirmLabel={t('common.delete')}
          danger
          onConfirm={async () => {
            await api.agenda.remove(sid, deleting.id)
            announce(t('common.deleted'))
            items.reload()
          }}
          onClose={() => setDeleting(null)}
        />
      )}
    </div>
  )
}
