import { useState } from 'react'
import { api } from '../../api'
import type { PointView, SessionView } from '../../api/types'
import { useI18n } from '../../i18n'
import { useLoad } from '../../lib/hooks'
import { DataTable } from '../../ui/DataTable'
import { ConfirmDialog } from '../../ui/Dialog'
import { EditDeleteButtons } from '../../ui/EditDeleteButtons'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { useStatus } from '../../ui/Status'
import { BulkDialog } from './BulkDialog'
import { PointDialog } from './PointDialog'

interface Props {
  session: SessionView
  readOnly: boolean
}

export function PointsTab({ session, readOnly }: Props) {
  const { t } = useI18n()
  const { announce } = useStatus()
  const points = useLoad(() => api.points.list(session.id), String(session.id))
  const [editing, setEditing] = useState<PointView | 'new' | null>(null)
  const [deleting, setDeleting] = useState<PointView | null>(null)
  const [bulk, setBulk] = useState(false)
  const list = points.data ?? []

  return (
    <div className="stack">
      <div className="section-head">
        <h2>{t('points.title')}</h2>
        <span className="muted">{points.data && t('points.count', { count: list.length })}</span>
        {!readOnly && (
          <div className="section-actions">
            <button type="button" className="btn" onClick={() => setBulk(true)}>
              {t('points.bulk')}
            </button>
            <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
              + {t('points.add')}
            </button>
          </div>
        )}
      </div>
      <ProblemBanner error={points.error} onRetry={points.reload} />
      <DataTable
        label={t('points.title')}
        rows={points.data}
        rowKey={(p) => p.id}
        rowClassName={(p) => (p.mainHall ? 'row-main' : undefined)}
        empty={t('points.empty')}
        columns={[
          {
            label: t('points.col.name'),
            render: (p) => (
              <>
                <span className="row-title">{p.name}</span>
                {p.mainHall && (
                  <span className="badge badge-main">{t('points.mainHallBadge')}</span>
                )}
              </>
            ),
          },
          {
            label: t('points.col.unit'),
            render: (p) => p.unitPath ?? p.unitName ?? t('common.none'),
          },
          {
            label: t('points.col.expected'),
            num: true,
            render: (p) => p.expectedCount ?? t('common.none'),
          },
          { label: t('points.col.delegates'), num: true, render: (p) => p.delegateCount },
          {
            label: t('points.col.operators'),
            render: (p) => (p.operators.length ? p.operators.join(', ') : t('common.none')),
          },
          !readOnly && {
            label: t('common.actions'),
            className: 'actions',
            render: (p) => (
              <EditDeleteButtons
                name={p.name}
                onEdit={() => setEditing(p)}
                onDelete={() => setDeleting(p)}
              />
            ),
          },
        ]}
      />

      {editing && (
        <PointDialog
          sessionId={session.id}
          point={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            announce(t('common.saved'))
            points.reload()
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('points.deleteConfirm.title')}
          body={
            <p>
              {deleting.delegateCount > 0
                ? t('points.deleteForce.body', {
                    name: deleting.name,
                    count: deleting.delegateCount,
                  })
                : t('points.deleteConfirm.body', { name: deleting.name })}
            </p>
          }
          confirmLabel={t('common.delete')}
          danger
          onConfirm={async () => {
            await api.points.remove(session.id, deleting.id, deleting.delegateCount > 0)
            announce(t('common.deleted'))
            points.reload()
          }}
          onClose={() => setDeleting(null)}
        />
      )}
      {bulk && (
        <BulkDialog
          sessionId={session.id}
          points={list}
          onClose={() => setBulk(false)}
          onDone={(result) => {
            setBulk(false)
            announce(
              t('points.bulk.done', { created: result.created.length, skipped: result.skipped }),
            )
            points.reload()
          }}
        />
      )}
    </div>
  )
}
