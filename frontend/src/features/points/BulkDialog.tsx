import { useMemo, useState } from 'react'
import type { FormEvent } from 'react'
import { api } from '../../api'
import { fieldErrors } from '../../api/client'
import { UNIT_LEVELS, type BulkPointsResult, type PointView, type UnitLevel } from '../../api/types'
import { useI18n } from '../../i18n'
import { useLoad } from '../../lib/hooks'
import { Dialog } from '../../ui/Dialog'
import { problemOf, unclaimedErrors } from '../../ui/errors'
import { Field } from '../../ui/Field'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { UnitPicker } from '../units/UnitPicker'
import { descendantsAtLevel } from '../units/tree'

interface Props {
  sessionId: number
  points: PointView[]
  onClose: () => void
  onDone: (result: BulkPointsResult) => void
}

export function BulkDialog({ sessionId, points, onClose, onDone }: Props) {
  const { t } = useI18n()
  const [parentId, setParentId] = useState<number | null>(null)
  const [level, setLevel] = useState<UnitLevel>('COMMUNE')
  const [expected, setExpected] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const errors = fieldErrors(problemOf(error))
  const allUnits = useLoad(() => api.units.list({}), 'all')

  // The count the server will create: units of that level below the parent, minus those
  // that already have a point here (the server skips them too).
  const preview = useMemo(() => {
    if (parentId === null || !allUnits.data) return null
    const taken = new Set(points.map((p) => p.unitId))
    const found = descendantsAtLevel(allUnits.data, parentId, level)
    return { total: found.length, fresh: found.filter((u) => !taken.has(u.id)).length }
  }, [parentId, level, allUnits.data, points])

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (parentId === null) return
    setBusy(true)
    setError(null)
    try {
      onDone(
        await api.points.bulk(sessionId, {
          parentUnitId: parentId,
          level,
          expectedCount: expected.trim() ? Number(expected) : null,
        }),
      )
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('points.bulk')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <ProblemBanner
          error={error ?? allUnits.error}
          extra={unclaimedErrors(error, ['parentUnitId', 'level', 'expectedCount'])}
        />
        <Field
          id="bulk-parent"
          label={t('points.bulk.parent')}
          required
          error={errors.parentUnitId}
        >
          {(c) => <UnitPicker control={c} value={parentId} onChange={(id) => setParentId(id)} />}
        </Field>
        <Field id="bulk-level" label={t('points.bulk.level')} required error={errors.level}>
          {(c) => (
            <select {...c} value={level} onChange={(e) => setLevel(e.target.value as UnitLevel)}>
              {UNIT_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`level.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="bulk-expected" label={t('points.bulk.expected')} error={errors.expectedCount}>
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
        <p className="preview-count" aria-live="polite">
          {preview &&
            (preview.total === 0
              ? t('points.bulk.previewNone')
              : t('points.bulk.preview', { count: preview.fresh }))}
        </p>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy || parentId === null || preview?.total === 0}
          >
            {t('points.bulk.create')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
