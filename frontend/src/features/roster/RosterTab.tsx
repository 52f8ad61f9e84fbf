import { useState } from 'react'
import { api } from '../../api'
import type { DelegateView, SessionView } from '../../api/types'
import { useAuth } from '../../app/auth'
import { useI18n } from '../../i18n'
import { useDebounced, useLoad } from '../../lib/hooks'
import { DataTable } from '../../ui/DataTable'
import { ConfirmDialog } from '../../ui/Dialog'
import { EditDeleteButtons } from '../../ui/EditDeleteButtons'
import { ImportPreview } from '../../ui/ImportPreview'
import { Pager } from '../../ui/Pager'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { useStatus } from '../../ui/Status'
import { DelegateDialog } from './DelegateDialog'
import { InvitationDialog } from './InvitationDialog'
import { InvitationSheetDialog } from './InvitationSheetDialog'

const PAGE_SIZE = 50

interface Props {
  session: SessionView
  readOnly: boolean
}

export function RosterTab({ session, readOnly }: Props) {
  const { t } = useI18n()
  const { canEdit } = useAuth()
  const { announce } = useStatus()
  const sid = session.id
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 300)
  const [pointId, setPointId] = useState<number | ''>('')
  const [page, setPage] = useState(0)
  const [importing, setImporting] = useState(false)
  const [editing, setEditing] = useState<DelegateView | 'new' | null>(null)
  const [deleting, setDeleting] = useState<DelegateView | null>(null)
  const [inviting, setInviting] = useState<DelegateView | null>(null)
  const [printing, setPrinting] = useState(false)
  const { has } = useAuth()
  const [version, setVersion] = useState(0)

  const points = useLoad(() => api.points.list(sid), String(sid))
  const delegates = useLoad(
    () => api.delegates.list(sid, { q, pointId, page, size: PAGE_SIZE }),
    `${sid}|${q}|${pointId}|${page}|${version}`,
  )
  const duplicates = useLoad(() => api.delegates.duplicates(sid), `${sid}|${version}`)
  const refresh = () => setVersion((v) => v + 1)
  const data = delegates.data
  const dupGroups = duplicates.data ?? []

  return (
    <div className="stack">
      <div className="section-head">
        <h2>{t('roster.title')}</h2>
        <span className="muted">{data && t('roster.count', { total: data.total })}</span>
        {!readOnly && (
          <div className="section-actions">
            <button
              type="button"
              className="btn"
              aria-expanded={importing}
              aria-controls="roster-import"
              onClick={() => setImporting((v) => !v)}
            >
              {t('roster.import')}
            </button>
            <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
              + {t('roster.add')}
            </button>
          </div>
        )}
      </div>

      {/* registration: printable invitation cards of the point chosen in the filter */}
      {(canEdit || has('operator')) && (
        <div className="toolbar">
          <button
            type="button"
            className="btn"
            disabled={pointId === ''}
            aria-describedby={pointId === '' ? 'roster-sheet-hint' : undefined}
            onClick={() => setPrinting(true)}
          >
            {t('registration.sheet')}
          </button>
          {pointId === '' && (
            <span id="roster-sheet-hint" className="hint">
              {t('registration.sheet.needPoint')}
            </span>
          )}
        </div>
      )}

      {importing && !readOnly && (
        <div id="roster-import" className="panel">
          <h3>{t('roster.import')}</h3>
          <ImportPreview
            preview={(file) => api.delegates.previewImport(sid, file)}
            commit={(file) => api.delegates.import(sid, file)}
            doneText={(r) => t('roster.importDone', { imported: r.imported })}
            onImported={() => {
              setPage(0)
              refresh()
            }}
          />
        </div>
      )}

      {dupGroups.length > 0 && (
        <div className="banner banner-warning">
          <p>{t('roster.duplicates', { count: dupGroups.length })}</p>
          <details>
            <summary>{t('roster.duplicates.show')}</summary>
            <ul>
              {dupGroups.map((g) => (
                <li key={g.key}>
                  {g.delegates
                    .map((d) => [d.fullName, d.unitName].filter(Boolean).join(' – '))
                    .join('; ')}
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}

      <div className="toolbar" role="search">
        <div className="field field-grow">
          <label htmlFor="roster-search">{t('roster.search')}</label>
          <input
            id="roster-search"
            type="search"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value)
              setPage(0)
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="roster-point">{t('roster.filterPoint')}</label>
          <select
            id="roster-point"
            value={pointId}
            onChange={(e) => {
              setPointId(e.target.value ? Number(e.target.value) : '')
              setPage(0)
            }}
          >
            <option value="">{t('common.all')}</option>
            {(points.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </div>

      <ProblemBanner error={delegates.error} onRetry={delegates.reload} />
      <DataTable
        label={t('roster.title')}
        rows={data?.items}
        rowKey={(d) => d.id}
        busy={delegates.loading}
        empty={q || pointId ? t('roster.noMatch') : t('roster.empty')}
        columns={[
          {
            label: t('roster.col.name'),
            render: (d) => <span className="row-title">{d.fullName}</span>,
          },
          { label: t('roster.col.position'), render: (d) => d.position ?? '' },
          { label: t('roster.col.unit'), render: (d) => d.unitName ?? '' },
          { label: t('roster.col.category'), render: (d) => d.category ?? '' },
          { label: t('roster.col.point'), render: (d) => d.pointName ?? t('common.none') },
          canEdit && {
            label: t('roster.col.invitation'),
            render: (d) => (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => setInviting(d)}
                aria-label={`${d.invitationActive ? t('roster.invite.copy') : t('roster.invite')}: ${d.fullName}`}
              >
                {d.invitationActive ? t('roster.invite.copy') : t('roster.invite')}
              </button>
            ),
          },
          !readOnly && {
            label: t('common.actions'),
            className: 'actions',
            render: (d) => (
              <EditDeleteButtons
                name={d.fullName}
                onEdit={() => setEditing(d)}
                onDelete={() => setDeleting(d)}
              />
            ),
          },
        ]}
      />
      {data && <Pager page={page} size={PAGE_SIZE} total={data.total} onPage={setPage} />}

      {editing && (
        <DelegateDialog
          sessionId={sid}
          delegate={editing === 'new' ? null : editing}
          points={points.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            announce(t('common.saved'))
            refresh()
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('roster.deleteConfirm.title')}
          body={<p>{t('roster.deleteConfirm.body', { name: deleting.fullName })}</p>}
          confirmLabel={t('common.delete')}
          danger
          onConfirm={async () => {
            await api.delegates.remove(sid, deleting.id)
            announce(t('common.deleted'))
            refresh()
          }}
          onClose={() => setDeleting(null)}
        />
      )}
      {printing && pointId !== '' && (
        <InvitationSheetDialog
          sessionId={sid}
          pointId={pointId}
          pointName={(points.data ?? []).find((p) => p.id === pointId)?.name ?? ''}
          canRenew={canEdit}
          onClose={() => setPrinting(false)}
          onDone={refresh}
        />
      )}
      {inviting && (
        <InvitationDialog
          sessionId={sid}
          delegate={inviting}
          canRevoke={canEdit}
          onClose={() => setInviting(null)}
          onChanged={refresh}
        />
      )}
    </div>
  )
}
