import { useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { api } from '../../api'
import type { SessionView } from '../../api/types'
import { useI18n } from '../../i18n'
import { useLoad } from '../../lib/hooks'
import { formatDateTime } from '../../lib/time'
import { DataTable } from '../../ui/DataTable'
import { Dialog } from '../../ui/Dialog'
import { Field } from '../../ui/Field'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { useStatus } from '../../ui/Status'
import {
  AUDIENCE_ROLES,
  documentsApi,
  fileUrl,
  receiptsUrl,
  type AudienceRole,
  type Classification,
  type DocumentView,
  type ReleaseMode,
} from './api'
import { DocumentsPanel } from './DocumentsPanel'
import { formatSize, kindOf, sortDocuments } from './format'
import './documents.css'

const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg'
const CLASSIFICATIONS: readonly Classification[] = ['NORMAL', 'RESTRICTED', 'CONFIDENTIAL']

/**
 * The session's materials for the organizer: upload (attached to the session or an agenda item,
 * with its release rule, classification and audience), release or recall, new versions, and who
 * has received each. Other staff see the released ones meant for them.
 */
export function DocumentsTab({ session, canEdit }: { session: SessionView; canEdit: boolean }) {
  if (!canEdit) return <DocumentsPanel sessionId={session.id} />
  return <OrganizerDocuments session={session} />
}

function OrganizerDocuments({ session }: { session: SessionView }) {
  const { t, lang } = useI18n()
  const { announce } = useStatus()
  const sid = session.id
  const docs = useLoad(() => documentsApi.list(sid), String(sid))
  const agenda = useLoad(() => api.agenda.list(sid), String(sid))
  const points = useLoad(() => api.points.list(sid), String(sid))
  const [actionError, setActionError] = useState<unknown>(null)
  const [receiptsOf, setReceiptsOf] = useState<DocumentView | null>(null)
  const itemTitle = new Map((agenda.data ?? []).map((i) => [i.id, i.title]))
  const pointName = new Map((points.data ?? []).map((p) => [p.id, p.name]))
  const list = sortDocuments(docs.data ?? [])

  async function run(action: () => Promise<DocumentView>, done: string) {
    setActionError(null)
    try {
      await action()
      announce(done)
      docs.reload()
    } catch (e) {
      setActionError(e)
    }
  }

  return (
    <div className="stack">
      <UploadForm
        sessionId={sid}
        items={(agenda.data ?? []).map((i) => ({ id: i.id, title: i.title }))}
        points={(points.data ?? []).map((p) => ({ id: p.id, name: p.name }))}
        onUploaded={(d) => {
          announce(t('documents.uploaded', { title: d.title }))
          docs.reload()
        }}
      />
      <div className="section-head">
        <h2>{t('documents.title')}</h2>
      </div>
      <ProblemBanner error={docs.error ?? actionError} onRetry={docs.reload} />
      <DataTable
        label={t('documents.title')}
        className="documents-table"
        rows={docs.data && list}
        rowKey={(d) => d.id}
        empty={t('documents.empty')}
        columns={[
          {
            label: t('documents.col.title'),
            render: (d) => (
              <>
                <span className="row-title">{d.title}</span>
                {d.current && (
                  <span className="sub">
                    {[
                      kindOf(d.current.contentType),
                      d.current.fileName,
                      formatSize(d.current.size, lang),
                      t('documents.versionN', { n: d.current.number }),
                    ].join(' · ')}
                  </span>
                )}
                <span className="sub">{t(`documents.classification.${d.classification}`)}</span>
              </>
            ),
          },
          {
            label: t('documents.col.attached'),
            render: (d) => (
              <>
                {d.agendaItemId
                  ? (itemTitle.get(d.agendaItemId) ?? `#${d.agendaItemId}`)
                  : t('documents.wholeSession')}
                <span className="sub">{t(`documents.release.${d.release}`)}</span>
              </>
            ),
          },
          {
            label: t('documents.col.audience'),
            render: (d) => (
              <>
                {d.roles.map((r) => t(`role.${r}`)).join(', ') || t('documents.organizersOnly')}
                <span className="sub">
                  {d.pointIds.length === 0
                    ? t('documents.allPoints')
                    : d.pointIds.map((p) => pointName.get(p) ?? `#${p}`).join(', ')}
                </span>
              </>
            ),
          },
          {
            label: t('documents.col.state'),
            render: (d) => (
              <>
                {d.released ? (
                  <span className="documents-state-released">
                    {t('documents.state.released', {
                      when: formatDateTime(d.releasedAt, lang),
                    })}
                  </span>
                ) : d.recalledAt ? (
                  <span className="documents-state-recalled">
                    {t('documents.state.recalled', {
                      when: formatDateTime(d.recalledAt, lang),
                    })}
                  </span>
                ) : (
                  <span className="documents-state-held">{t('documents.state.held')}</span>
                )}
              </>
            ),
          },
          {
            label: t('common.actions'),
            render: (d) => (
              <div className="actions">
                <a className="btn btn-small" href={fileUrl(sid, d.id)} download>
                  {t('documents.download')}
                </a>
                {d.released ? (
                  <button
                    type="button"
                    className="btn btn-small btn-danger-outline"
                    onClick={() =>
                      run(
                        () => documentsApi.recall(sid, d.id),
                        t('documents.recalled', { title: d.title }),
                      )
                    }
                    aria-label={`${t('documents.recall')}: ${d.title}`}
                  >
                    {t('documents.recall')}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() =>
                      run(
                        () => documentsApi.release(sid, d.id),
                        t('documents.releasedNow', { title: d.title }),
                      )
                    }
                    aria-label={`${t('documents.releaseNow')}: ${d.title}`}
                  >
                    {t('documents.releaseNow')}
                  </button>
                )}
                <NewVersionButton
                  document={d}
                  onFile={(file) =>
                    run(
                      () => documentsApi.newVersion(sid, d.id, file),
                      t('documents.versionAdded', { title: d.title }),
                    )
                  }
                />
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => setReceiptsOf(d)}
                  aria-label={`${t('documents.receipts')}: ${d.title}`}
                >
                  {t('documents.receipts')}
                </button>
              </div>
            ),
          },
        ]}
      />
      {receiptsOf && (
        <ReceiptsDialog sessionId={sid} document={receiptsOf} onClose={() => setReceiptsOf(null)} />
      )}
    </div>
  )
}

function NewVersionButton({
  document: d,
  onFile,
}: {
  document: DocumentView
  onFile: (file: File) => void
}) {
  const { t } = useI18n()
  const input = useRef<HTMLInputElement>(null)
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => input.current?.click()}
        aria-label={`${t('documents.newVersion')}: ${d.title}`}
      >
        {t('documents.newVersion')}
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file) onFile(file)
        }}
      />
    </>
  )
}

interface UploadProps {
  sessionId: number
  items: { id: number; title: string }[]
  points: { id: number; name: string }[]
  onUploaded: (d: DocumentView) => void
}

function UploadForm({ sessionId, items, points, onUploaded }: UploadProps) {
  const { t } = useI18n()
  const [file, setFile] = useState<File | null>(null)
  const [title, setTitle] = useState('')
  const [itemId, setItemId] = useState<number | null>(null)
  const [release, setRelease] = useState<ReleaseMode>('NOW')
  const [classification, setClassification] = useState<Classification>('NORMAL')
  const [roles, setRoles] = useState<AudienceRole[]>([...AUDIENCE_ROLES])
  const [pointIds, setPointIds] = useState<number[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const fileInput = useRef<HTMLInputElement>(null)

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (!file || busy) return
    setBusy(true)
    setError(null)
    try {
      const created = await documentsApi.upload(sessionId, file, {
        title: title.trim() || undefined,
        agendaItemId: itemId,
        release,
        classification,
        roles,
        pointIds,
      })
      setFile(null)
      setTitle('')
      if (fileInput.current) fileInput.current.value = ''
      onUploaded(created)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="documents-upload-form"
      onSubmit={submit}
      aria-labelledby="documents-upload-title"
    >
      <h2 id="documents-upload-title">{t('documents.upload.title')}</h2>
      <ProblemBanner error={error} />
      <div className="documents-upload">
        <Field
          id="doc-file"
          label={t('documents.field.file')}
          hint={t('documents.field.fileHint')}
          required
        >
          {(c) => (
            <input
              {...c}
              ref={fileInput}
              type="file"
              accept={ACCEPT}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <Field
          id="doc-title"
          label={t('documents.field.title')}
          hint={t('documents.field.titleHint')}
        >
          {(c) => <input {...c} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field id="doc-item" label={t('documents.field.item')}>
          {(c) => (
            <select
              {...c}
              value={itemId ?? ''}
              onChange={(e) => {
                const id = e.target.value ? Number(e.target.value) : null
                setItemId(id)
                setRelease(id ? 'ON_ITEM_START' : 'NOW')
              }}
            >
              <option value="">{t('documents.wholeSession')}</option>
              {items.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="doc-release" label={t('documents.field.release')}>
          {(c) => (
            <select
              {...c}
              value={release}
              onChange={(e) => setRelease(e.target.value as ReleaseMode)}
            >
              <option value="NOW">{t('documents.release.NOW')}</option>
              <option value="ON_ITEM_START" disabled={!itemId}>
                {t('documents.release.ON_ITEM_START')}
              </option>
              <option value="ON_SESSION_END">{t('documents.release.ON_SESSION_END')}</option>
            </select>
          )}
        </Field>
        <Field
          id="doc-classification"
          label={t('documents.field.classification')}
          hint={
            classification === 'CONFIDENTIAL' ? t('documents.field.confidentialHint') : undefined
          }
        >
          {(c) => (
            <select
              {...c}
              value={classification}
              onChange={(e) => setClassification(e.target.value as Classification)}
            >
              {CLASSIFICATIONS.map((k) => (
                <option key={k} value={k}>
                  {t(`documents.classification.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="doc-points"
          label={t('documents.field.points')}
          hint={t('documents.field.pointsHint')}
        >
          {(c) => (
            <select
              {...c}
              multiple
              size={Math.min(5, Math.max(2, points.length))}
              value={pointIds.map(String)}
              onChange={(e) =>
                setPointIds(Array.from(e.target.selectedOptions, (o) => Number(o.value)))
              }
            >
              {points.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="documents-roles wide">
          <legend>{t('documents.field.roles')}</legend>
          {AUDIENCE_ROLES.map((r) => (
            <div className="checkbox" key={r}>
              <input
                id={`doc-role-${r}`}
                type="checkbox"
                checked={roles.includes(r)}
                onChange={(e) =>
                  setRoles((now) => (e.target.checked ? [...now, r] : now.filter((x) => x !== r)))
                }
              />
              <label htmlFor={`doc-role-${r}`}>{t(`role.${r}`)}</label>
            </div>
          ))}
        </fieldset>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!file || busy}>
          {busy ? t('documents.uploading') : t('documents.upload.submit')}
        </button>
      </div>
    </form>
  )
}

function ReceiptsDialog({
  sessionId,
  document: d,
  onClose,
}: {
  sessionId: number
  document: DocumentView
  onClose: () => void
}) {
  const { t, lang } = useI18n()
  const receipts = useLoad(() => documentsApi.receipts(sessionId, d.id), String(d.id))
  const r = receipts.data
  return (
    <Dialog title={t('documents.receiptsOf', { title: d.title })} onClose={onClose} wide>
      <ProblemBanner error={receipts.error} onRetry={receipts.reload} />
      {r && (
        <>
          <p>{t('documents.receiptsSummary', { received: r.received, expected: r.expected })}</p>
          <p className="section-actions">
            <a className="btn btn-small" href={receiptsUrl(sessionId, d.id, 'xlsx')} download>
              {t('documents.exportXlsx')}
            </a>
            <a className="btn btn-small" href={receiptsUrl(sessionId, d.id, 'csv')} download>
              {t('documents.exportCsv')}
            </a>
          </p>
          <div className="table-wrap">
            <table className="table" aria-label={t('documents.receipts')}>
              <thead>
                <tr>
                  <th scope="col">{t('documents.col.point')}</th>
                  <th scope="col">{t('documents.col.name')}</th>
                  <th scope="col">{t('documents.col.unit')}</th>
                  <th scope="col">{t('documents.col.received')}</th>
                </tr>
              </thead>
              <tbody>
                {r.rows.map((row, i) => (
                  <tr key={i}>
                    <td>{row.pointName ?? t('common.none')}</td>
                    <td>
                      {row.name}
                      {row.role !== 'participant' && (
                        <span className="sub"> ({t(`role.${row.role as AudienceRole}`)})</span>
                      )}
                    </td>
                    <td>{row.unit ?? ''}</td>
                    <td>
                      {row.received
                        ? t('documents.receivedAt', { when: formatDateTime(row.firstAt, lang) })
                        : t('documents.notReceived')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Dialog>
  )
}
