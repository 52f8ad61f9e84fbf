import { useState } from 'react'
import type { FormEvent } from 'react'
import { api } from '../../api'
import { fieldErrors } from '../../api/client'
import type { PointView } from '../../api/types'
import { useI18n } from '../../i18n'
import { blankToNull, splitList } from '../../lib/text'
import { Dialog } from '../../ui/Dialog'
import { problemOf, unclaimedErrors } from '../../ui/errors'
import { Field } from '../../ui/Field'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { UnitPicker } from '../units/UnitPicker'

const FIELDS = ['name', 'unitId', 'mainHall', 'expectedCount', 'operators']

interface Props {
  sessionId: number
  point: PointView | null
  onClose: () => void
  onSaved: (point: PointView) => void
}

export function PointDialog({ sessionId, point, onClose, onSaved }: Props) {
  const { t } = useI18n()
  const [name, setName] = useState(point?.name ?? '')
  const [unitId, setUnitId] = useState<number | null>(point?.unitId ?? null)
  const [mainHall, setMainHall] = useState(point?.mainHall ?? false)
  const [expected, setExpected] = useState(point?.expectedCount?.toString() ?? '')
  const [operators, setOperators] = useState(point?.operators.join(', ') ?? '')
  const [error, setError] = useState<unknown>(null)
  const [local, setLocal] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const errors = { ...fieldErrors(problemOf(error)), ...local }

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found: Record<string, string> = {}
    if (!name.trim() && unitId === null) {
      found.name = t('error.required', { field: t('points.field.name').toLowerCase() })
    }
    if (expected.trim() && !/^\d+$/.test(expected.trim()))
      found.expectedCount = t('error.positiveNumber')
    setLocal(found)
    if (Object.keys(found).length) return
    setBusy(true)
    setError(null)
    const body = {
      name: blankToNull(name),
      unitId,
      mainHall,
      expectedCount: expected.trim() ? Number(expected) : null,
      operators: splitList(operators),
      version: point?.version,
    }
    try {
      onSaved(
        point
          ? await api.points.update(sessionId, point.id, body)
          : await api.points.create(sessionId, body),
      )
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  return (
    <Dialog title={point ? t('points.edit') : t('points.add')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <ProblemBanner error={error} extra={unclaimedErrors(error, FIELDS)} />
        <Field id="point-unit" label={t('points.field.unit')} error={errors.unitId}>
          {(c) => (
            <UnitPicker
              control={c}
              value={unitId}
              currentLabel={point?.unitPath ?? point?.unitName}
              onChange={(id) => setUnitId(id)}
            />
          )}
        </Field>
        <Field
          id="point-name"
          label={t('points.field.name')}
          hint={t('points.field.nameHint')}
          error={errors.name}
        >
          {(c) => <input {...c} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <div className="checkbox">
          <input
            id="point-mainHall"
            type="checkbox"
            checked={mainHall}
            onChange={(e) => setMainHall(e.target.checked)}
          />
          <label htmlFor="point-mainHall">{t('points.mainHall')}</label>
        </div>
        {errors.mainHall && <p className="field-error">{errors.mainHall}</p>}
        <Field id="point-expected" label={t('points.field.expected')} error={errors.expectedCount}>
          {(c) => (
            <input
              {...c}
              type="number"
              inputMode="numeric"
              min={0}
              value={expected}
              onChange={(e) => setExpected(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="point-operators"
          label={t('points.field.operators')}
          hint={t('points.field.operatorsHint')}
          error={errors.operators}
        >
          {(c) => (
            <input
              {...c}
              autoComplete="off"
              value={operators}
              onChange={(e) => setOperators(e.target.value)}
            />
          )}
        </Field>
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
