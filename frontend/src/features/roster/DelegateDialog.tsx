import { useState } from 'react'
import type { FormEvent } from 'react'
import { api } from '../../api'
import { ApiError, fieldErrors } from '../../api/client'
import type { DelegateRequest, DelegateView, PointView } from '../../api/types'
import { useI18n } from '../../i18n'
import { blankToNull } from '../../lib/text'
import { Dialog } from '../../ui/Dialog'
import { errorText, problemOf, unclaimedErrors } from '../../ui/errors'
import { Field } from '../../ui/Field'
import { ProblemBanner } from '../../ui/ProblemBanner'

const TEXT_FIELDS = [
  'fullName',
  'position',
  'unitName',
  'category',
  'phone',
  'email',
  'note',
] as const
type TextField = (typeof TEXT_FIELDS)[number]

interface Props {
  sessionId: number
  delegate: DelegateView | null
  points: PointView[]
  onClose: () => void
  onSaved: (d: DelegateView) => void
}

export function DelegateDialog({ sessionId, delegate, points, onClose, onSaved }: Props) {
  const { t } = useI18n()
  const [values, setValues] = useState<Record<TextField, string>>(() => {
    const v = {} as Record<TextField, string>
    for (const f of TEXT_FIELDS) v[f] = delegate?.[f] ?? ''
    return v
  })
  const [pointId, setPointId] = useState<number | null>(delegate?.pointId ?? null)
  const [error, setError] = useState<unknown>(null)
  const [local, setLocal] = useState<Record<string, string>>({})
  const [duplicate, setDuplicate] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const errors = { ...fieldErrors(problemOf(error)), ...local }

  function body(): DelegateRequest {
    return {
      fullName: values.fullName.trim(),
      position: blankToNull(values.position),
      unitName: blankToNull(values.unitName),
      category: blankToNull(values.category),
      pointId,
      phone: blankToNull(values.phone),
      email: blankToNull(values.email),
      note: blankToNull(values.note),
      version: delegate?.version,
    }
  }

  async function save(allowDuplicate: boolean) {
    setBusy(true)
    setError(null)
    try {
      onSaved(
        delegate
          ? await api.delegates.update(sessionId, delegate.id, body(), allowDuplicate)
          : await api.delegates.create(sessionId, body(), allowDuplicate),
      )
    } catch (err) {
      // The server refuses a likely duplicate; the organizer decides whether it is one.
      if (err instanceof ApiError && err.code === 'delegate.duplicate' && !delegate)
        setDuplicate(err)
      else setError(err)
      setBusy(false)
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault()
    const found: Record<string, string> = {}
    if (!values.fullName.trim()) {
      found.fullName = t('error.required', { field: t('roster.field.fullName').toLowerCase() })
    }
    setLocal(found)
    if (Object.keys(found).length) return
    void save(false)
  }

  const text = (field: TextField, type = 'text') => (
    <Field
      id={`delegate-${field}`}
      label={t(`roster.field.${field}`)}
      error={errors[field]}
      required={field === 'fullName'}
    >
      {(c) =>
        field === 'note' ? (
          <textarea
            {...c}
            rows={2}
            value={values.note}
            onChange={(e) => setValues((v) => ({ ...v, note: e.target.value }))}
          />
        ) : (
          <input
            {...c}
            type={type}
            value={values[field]}
            onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
          />
        )
      }
    </Field>
  )

  return (
    <Dialog title={delegate ? t('roster.edit') : t('roster.add')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <ProblemBanner error={error} extra={unclaimedErrors(error, [...TEXT_FIELDS, 'pointId'])} />
        {duplicate && (
          <div className="banner banner-warning" role="alert">
            <p>
              <strong>{t('roster.duplicate.title')}. </strong>
              {t('roster.duplicate.body', { detail: errorText(duplicate, t) })}
            </p>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                setDuplicate(null)
                void save(true)
              }}
            >
              {t('roster.duplicate.confirm')}
            </button>
          </div>
        )}
        {text('fullName')}
        <div className="form-row">
          {text('position')}
          {text('unitName')}
        </div>
        <div className="form-row">
          {text('category')}
          <Field id="delegate-point" label={t('roster.field.point')} error={errors.pointId}>
            {(c) => (
              <select
                {...c}
                value={pointId ?? ''}
                onChange={(e) => setPointId(e.target.value ? Number(e.target.value) : null)}
              >
                <option value="">{t('roster.noPoint')}</option>
                {points.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form-row">
          {text('phone', 'tel')}
          {text('email', 'email')}
        </div>
        {text('note')}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
