import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { api } from '../../api'
import { ApiError, fieldErrors } from '../../api/client'
import type {
  PointView,
  RegistrationSettings,
  RegistrationStatus,
  RegistrationView,
  SessionView,
} from '../../api/types'
import { useAuth } from '../../app/auth'
import { useI18n } from '../../i18n'
import { useLoad } from '../../lib/hooks'
import { blankToNull } from '../../lib/text'
import { formatDateTime, instantToLocalInput, localInputToOffset } from '../../lib/time'
import { DataTable } from '../../ui/DataTable'
import { ConfirmDialog, Dialog } from '../../ui/Dialog'
import { errorText, problemOf, unclaimedErrors } from '../../ui/errors'
import { Field } from '../../ui/Field'
import { Pager } from '../../ui/Pager'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { useStatus } from '../../ui/Status'
import {
  EMPTY_VALUES,
  missing,
  REGISTRATION_FIELDS,
  RegistrationFields,
  toRequest,
} from './RegistrationFields'

const PAGE_SIZE = 50
const STATUSES: RegistrationStatus[] = ['PENDING', 'APPROVED', 'REJECTED']

interface Props {
  session: SessionView
}

/**
 * The session's registration: settings and links (organizer), and the approval queue, where
 * operators see and decide for their own points and the organizer for all of them.
 */
export function RegistrationTab({ session }: Props) {
  const { t } = useI18n()
  const { has } = useAuth()
  const sid = session.id
  const organizer = has('organizer')
  const decides = organizer || has('operator')
  const editable = session.status === 'DRAFT' || session.status === 'SCHEDULED'
  const [version, setVersion] = useState(0)
  const refresh = () => setVersion((v) => v + 1)
  const settings = useLoad(() => api.registration.settings(sid), `${sid}|${version}`)
  const points = useLoad(() => api.points.list(sid), String(sid))

  return (
    <div className="stack">
      <div className="section-head">
        <h2>{t('registration.title')}</h2>
        {settings.data && (
          <span className={settings.data.open ? 'ok-text' : 'muted'} role="status">
            {settings.data.open
              ? t('registration.state.open')
              : t(`registration.closed.${settings.data.closedReason ?? 'not-open'}`)}
          </span>
        )}
      </div>
      <ProblemBanner error={settings.error} onRetry={settings.reload} />
      {settings.data && (
        <SettingsPanel
          sessionId={sid}
          settings={settings.data}
          readOnly={!organizer || !editable}
          onSaved={(s) => settings.setData(s)}
        />
      )}
      <LinksPanel sessionId={sid} points={points.data ?? []} canEdit={organizer && editable} />
      <Queue
        sessionId={sid}
        points={points.data ?? []}
        canDecide={decides && editable}
        version={version}
        onChanged={refresh}
      />
    </div>
  )
}

function SettingsPanel({
  sessionId,
  settings,
  readOnly,
  onSaved,
}: {
  sessionId: number
  settings: RegistrationSettings
  readOnly: boolean
  onSaved: (s: RegistrationSettings) => void
}) {
  const { t, lang } = useI18n()
  const { announce } = useStatus()
  const [accepting, setAccepting] = useState(settings.accepting)
  const [deadline, setDeadline] = useState(instantToLocalInput(settings.deadline))
  const [caps, setCaps] = useState<Record<number, string>>(() =>
    Object.fromEntries(settings.points.map((p) => [p.pointId, p.capacity?.toString() ?? ''])),
  )
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function save(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const saved = await api.registration.update(sessionId, {
        accepting,
        deadline: localInputToOffset(deadline),
        capacities: settings.points.map((p) => ({
          pointId: p.pointId,
          capacity: caps[p.pointId]?.trim() ? Number(caps[p.pointId]) : null,
        })),
        version: settings.version,
      })
      onSaved(saved)
      announce(t('common.saved'))
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="panel form" onSubmit={save} aria-labelledby="reg-settings" noValidate>
      <h3 id="reg-settings">{t('registration.settings')}</h3>
      <ProblemBanner error={error} />
      <div className="form-row">
        <div className="checkbox">
          <input
            id="reg-accepting"
            type="checkbox"
            checked={accepting}
            disabled={readOnly}
            onChange={(e) => setAccepting(e.target.checked)}
          />
          <label htmlFor="reg-accepting">{t('registration.accepting')}</label>
        </div>
        <Field id="reg-deadline" label={t('registration.deadline')}>
          {(c) => (
            <input
              {...c}
              type="datetime-local"
              value={deadline}
              readOnly={readOnly}
              onChange={(e) => setDeadline(e.target.value)}
            />
          )}
        </Field>
      </div>
      {readOnly && settings.deadline && (
        <p className="hint">
          {t('registration.deadlineValue', { when: formatDateTime(settings.deadline, lang) })}
        </p>
      )}
      <DataTable
        label={t('registration.col.capacity')}
        rows={settings.points}
        rowKey={(p) => p.pointId}
        columns={[
          {
            label: t('registration.col.point'),
            render: (p) => <span className="row-title">{p.pointName}</span>,
          },
          {
            label: t('registration.col.capacity'),
            render: (p) =>
              readOnly ? (
                (p.capacity ?? '∞')
              ) : (
                <input
                  type="number"
                  min={0}
                  max={100000}
                  inputMode="numeric"
                  className="input-narrow"
                  aria-label={t('registration.capacityFor', { point: p.pointName })}
                  value={caps[p.pointId] ?? ''}
                  onChange={(e) => setCaps((c) => ({ ...c, [p.pointId]: e.target.value }))}
                />
              ),
          },
          { label: t('registration.col.pending'), render: (p) => p.pending },
          { label: t('registration.col.approved'), render: (p) => p.approved },
        ]}
      />
      {!readOnly && (
        <>
          <p className="hint">{t('registration.capacity.hint')}</p>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? t('common.saving') : t('registration.save')}
            </button>
          </div>
        </>
      )}
    </form>
  )
}

function LinksPanel({
  sessionId,
  points,
  canEdit,
}: {
  sessionId: number
  points: PointView[]
  canEdit: boolean
}) {
  const { t } = useI18n()
  const { announce } = useStatus()
  const [version, setVersion] = useState(0)
  const links = useLoad(() => api.registration.links(sessionId), `${sessionId}|${version}`)
  const [pointId, setPointId] = useState('')
  const [unitName, setUnitName] = useState('')
  const [label, setLabel] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [revoking, setRevoking] = useState<number | null>(null)

  async function create(e: FormEvent) {
    e.preventDefault()
    setError(null)
    try {
      await api.registration.createLink(sessionId, {
        pointId: pointId ? Number(pointId) : null,
        unitName: blankToNull(unitName),
        label: blankToNull(label),
      })
      setUnitName('')
      setLabel('')
      setVersion((v) => v + 1)
      announce(t('registration.link.created'))
    } catch (err) {
      setError(err)
    }
  }

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url)
      announce(t('common.copied'))
    } catch {
      // no clipboard permission: the input is there to select by hand
    }
  }

  const list = links.data ?? []
  return (
    <section className="panel stack" aria-labelledby="reg-links">
      <h3 id="reg-links">{t('registration.links')}</h3>
      <p className="hint">{t('registration.links.hint')}</p>
      <ProblemBanner error={links.error} onRetry={links.reload} />
      {links.data && list.length === 0 && <p className="empty">{t('registration.links.empty')}</p>}
      {list.length > 0 && (
        <ul className="cell-list">
          {list.map((l) => {
            const what = [l.label, l.pointName, l.unitName].filter(Boolean).join(' – ')
            const name = what || t('registration.link.whole')
            return (
              <li key={l.id} className="stack">
                <div>
                  <span className="row-title">{name}</span>
                  {l.revoked && <span className="muted"> · {t('registration.link.revoked')}</span>}
                </div>
                {!l.revoked && (
                  <div className="input-with-button">
                    <input
                      readOnly
                      className="mono"
                      aria-label={t('registration.link.url', { what: name })}
                      value={l.url}
                      onFocus={(e) => e.target.select()}
                    />
                    <button type="button" className="btn" onClick={() => copy(l.url)}>
                      {t('common.copy')}
                    </button>
                    {canEdit && (
                      <button
                        type="button"
                        className="btn btn-danger-outline"
                        onClick={() => setRevoking(l.id)}
                      >
                        {t('registration.link.revoke')}
                      </button>
                    )}
                  </div>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {canEdit && (
        <form className="form" onSubmit={create} noValidate>
          <ProblemBanner error={error} />
          <div className="form-row">
            <Field id="reg-link-point" label={t('registration.link.point')}>
              {(c) => (
                <select {...c} value={pointId} onChange={(e) => setPointId(e.target.value)}>
                  <option value="">{t('registration.link.anyPoint')}</option>
                  {points.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="reg-link-unit" label={t('registration.link.unit')}>
              {(c) => (
                <input {...c} value={unitName} onChange={(e) => setUnitName(e.target.value)} />
              )}
            </Field>
            <Field id="reg-link-label" label={t('registration.link.label')}>
              {(c) => <input {...c} value={label} onChange={(e) => setLabel(e.target.value)} />}
            </Field>
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              + {t('registration.link.new')}
            </button>
          </div>
        </form>
      )}
      {revoking !== null && (
        <ConfirmDialog
          title={t('registration.link.revokeConfirm.title')}
          body={<p>{t('registration.link.revokeConfirm.body')}</p>}
          confirmLabel={t('registration.link.revoke')}
          danger
          onConfirm={async () => {
            await api.registration.revokeLink(sessionId, revoking)
            setVersion((v) => v + 1)
          }}
          onClose={() => setRevoking(null)}
        />
      )}
    </section>
  )
}

function Queue({
  sessionId,
  points,
  canDecide,
  version,
  onChanged,
}: {
  sessionId: number
  points: PointView[]
  canDecide: boolean
  version: number
  onChanged: () => void
}) {
  const { t, lang } = useI18n()
  const { announce } = useStatus()
  const [status, setStatus] = useState<RegistrationStatus | ''>('PENDING')
  const [pointId, setPointId] = useState<number | ''>('')
  const [page, setPage] = useState(0)
  const list = useLoad(
    () => api.registration.list(sessionId, { status, pointId, page, size: PAGE_SIZE }),
    `${sessionId}|${status}|${pointId}|${page}|${version}`,
  )
  const [error, setError] = useState<unknown>(null)
  const [duplicate, setDuplicate] = useState<{ r: RegistrationView; error: ApiError } | null>(null)
  const [rejecting, setRejecting] = useState<RegistrationView | null>(null)
  const [nominating, setNominating] = useState(false)

  async function approve(r: RegistrationView, allowDuplicate: boolean) {
    setError(null)
    setDuplicate(null)
    try {
      await api.registration.approve(sessionId, r.id, allowDuplicate)
      announce(t('registration.approved'))
      onChanged()
    } catch (err) {
      if (err instanceof ApiError && err.code === 'delegate.duplicate')
        setDuplicate({ r, error: err })
      else setError(err)
    }
  }

  const data = list.data
  return (
    <section className="stack" aria-labelledby="reg-queue">
      <div className="section-head">
        <h3 id="reg-queue">{t('registration.queue')}</h3>
        {data && <span className="muted">{data.total}</span>}
        {canDecide && (
          <div className="section-actions">
            <button type="button" className="btn" onClick={() => setNominating(true)}>
              + {t('registration.nominate')}
            </button>
          </div>
        )}
      </div>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="reg-filter-status">{t('registration.filter.status')}</label>
          <select
            id="reg-filter-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as RegistrationStatus | '')
              setPage(0)
            }}
          >
            <option value="">{t('common.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`registration.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="reg-filter-point">{t('registration.col.point')}</label>
          <select
            id="reg-filter-point"
            value={pointId}
            onChange={(e) => {
              setPointId(e.target.value ? Number(e.target.value) : '')
              setPage(0)
            }}
          >
            <option value="">{t('common.all')}</option>
            {points.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ProblemBanner error={list.error} onRetry={list.reload} />
      <ProblemBanner error={error} />
      {duplicate && (
        <div className="banner banner-warning" role="alert">
          <p>
            <strong>{t('registration.duplicate.title')}. </strong>
            {errorText(duplicate.error, t)}
          </p>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => approve(duplicate.r, true)}
          >
            {t('registration.duplicate.confirm')}
          </button>
        </div>
      )}
      <DataTable
        label={t('registration.queue')}
        rows={data?.items}
        rowKey={(r) => r.id}
        busy={list.loading}
        empty={t('registration.queue.empty')}
        columns={[
          {
            label: t('registration.col.name'),
            render: (r) => (
              <>
                <span className="row-title">{r.fullName}</span>
                <span className="row-sub">
                  {t(`registration.source.${r.source}`)}
                  {r.phone && ` · ${r.phone}`}
                  {r.email && ` · ${r.email}`}
                </span>
                {r.duplicateOnRoster && (
                  <span className="warning-text"> {t('registration.dup.roster')}</span>
                )}
                {r.duplicateRegistration && (
                  <span className="warning-text"> {t('registration.dup.registration')}</span>
                )}
              </>
            ),
          },
          {
            label: t('registration.col.unit'),
            render: (r) => [r.position, r.unitName].filter(Boolean).join(' – '),
          },
          { label: t('registration.col.point'), render: (r) => r.pointName ?? t('common.none') },
          { label: t('registration.col.when'), render: (r) => formatDateTime(r.createdAt, lang) },
          {
            label: t('registration.col.status'),
            render: (r) => (
              <>
                {t(`registration.status.${r.status}`)}
                {r.reason && <span className="row-sub">{r.reason}</span>}
              </>
            ),
          },
          canDecide && {
            label: t('common.actions'),
            className: 'actions',
            render: (r) =>
              r.status === 'PENDING' && (
                <>
                  <button
                    type="button"
                    className="btn btn-small btn-primary"
                    onClick={() => approve(r, false)}
                    aria-label={`${t('registration.approve')}: ${r.fullName}`}
                  >
                    {t('registration.approve')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-danger-outline"
                    onClick={() => setRejecting(r)}
                    aria-label={`${t('registration.reject')}: ${r.fullName}`}
                  >
                    {t('registration.reject')}
                  </button>
                </>
              ),
          },
        ]}
      />
      {data && <Pager page={page} size={PAGE_SIZE} total={data.total} onPage={setPage} />}
      {rejecting && (
        <RejectDialog
          sessionId={sessionId}
          registration={rejecting}
          onClose={() => setRejecting(null)}
          onDone={() => {
            setRejecting(null)
            announce(t('registration.rejected'))
            onChanged()
          }}
        />
      )}
      {nominating && (
        <NominateDialog
          sessionId={sessionId}
          points={points}
          onClose={() => setNominating(false)}
          onDone={() => {
            setNominating(false)
            announce(t('registration.nominated'))
            onChanged()
          }}
        />
      )}
    </section>
  )
}

function RejectDialog({
  sessionId,
  registration,
  onClose,
  onDone,
}: {
  sessionId: number
  registration: RegistrationView
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useI18n()
  const id = useId()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [local, setLocal] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (!reason.trim()) {
      setLocal(t('error.required', { field: t('registration.me.reason').toLowerCase() }))
      return
    }
    setBusy(true)
    try {
      await api.registration.reject(sessionId, registration.id, reason.trim())
      onDone()
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={t('registration.reject.title', { name: registration.fullName })}
      onClose={onClose}
    >
      <form className="form" onSubmit={submit} noValidate>
        <ProblemBanner error={error} />
        <Field
          id={id}
          label={t('registration.reject.reason')}
          error={local ?? fieldErrors(problemOf(error)).reason}
          required
        >
          {(c) => (
            <textarea {...c} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          )}
        </Field>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-danger" disabled={busy}>
            {t('registration.reject')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

function NominateDialog({
  sessionId,
  points,
  onClose,
  onDone,
}: {
  sessionId: number
  points: PointView[]
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useI18n()
  const { me, has } = useAuth()
  const [values, setValues] = useState(EMPTY_VALUES)
  const [local, setLocal] = useState<Record<string, string>>({})
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  // an operator nominates for the points they run
  const choices = points
    .filter((p) => has('organizer') || (me?.username != null && p.operators.includes(me.username)))
    .map((p) => ({ id: p.id, name: p.name, full: false }))
  const only = choices.length === 1 ? String(choices[0]!.id) : null
  // with a single point to choose, it is chosen
  const shown = only && !values.pointId ? { ...values, pointId: only } : values
  const errors = { ...fieldErrors(problemOf(error)), ...local }

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found = missing(shown, true, t)
    setLocal(found)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      await api.registration.nominate(sessionId, toRequest(shown))
      onDone()
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('registration.nominate')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <ProblemBanner error={error} extra={unclaimedErrors(error, [...REGISTRATION_FIELDS])} />
        <RegistrationFields
          idPrefix="nominate"
          values={shown}
          onChange={setValues}
          errors={errors}
          points={choices}
          fixedUnit={null}
        />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('registration.nominate')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
