import { useState } from 'react'
import type { FormEvent } from 'react'
import { api } from '../../api'
import { fieldErrors } from '../../api/client'
import { UNIT_LEVELS, type UnitLevel, type UnitView } from '../../api/types'
import { useI18n } from '../../i18n'
import { blankToNull } from '../../lib/text'
import { Dialog } from '../../ui/Dialog'
import { problemOf, unclaimedErrors } from '../../ui/errors'
import { Field } from '../../ui/Field'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { UnitPicker } from './UnitPicker'

interface Props {
  unit: UnitView | null
  parent: UnitView | null
  onClose: () => void
  onSaved: () => void
}

const CHILD_LEVEL: Partial<Record<UnitLevel, UnitLevel>> = {
  PROVINCE: 'DISTRICT',
  DISTRICT: 'COMMUNE',
}

export function UnitDialog({ unit, parent, onClose, onSaved }: Props) {
  const { t } = useI18n()
  const [name, setName] = useState(unit?.name ?? '')
  const [code, setCode] = useState(unit?.code ?? '')
  const [level, setLevel] = useState<UnitLevel>(
    unit?.level ?? (parent ? (CHILD_LEVEL[parent.level] ?? 'AGENCY') : 'PROVINCE'),
  )
  const [parentId, setParentId] = useState<number | null>(
    unit ? unit.parentId : (parent?.id ?? null),
  )
  const [error, setError] = useState<unknown>(null)
  const [local, setLocal] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const errors = { ...fieldErrors(problemOf(error)), ...local }

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (!name.trim()) {
      setLocal({ name: t('error.required', { field: t('units.field.name').toLowerCase() }) })
      return
    }
    setLocal({})
    setBusy(true)
    setError(null)
    const body = {
      name: name.trim(),
      code: blankToNull(code),
      level,
      parentId,
      version: unit?.version,
    }
    try {
      if (unit) await api.units.update(unit.id, body)
      else await api.units.create(body)
      onSaved()
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={unit ? t('units.edit') : parent ? t('units.addChild') : t('units.add')}
      onClose={onClose}
    >
      <form className="form" onSubmit={submit} noValidate>
        <ProblemBanner
          error={error}
          extra={unclaimedErrors(error, ['name', 'code', 'level', 'parentId'])}
        />
        <Field id="unit-name" label={t('units.field.name')} required error={errors.name}>
          {(c) => <input {...c} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <div className="form-row">
          <Field id="unit-code" label={t('units.field.code')} error={errors.code}>
            {(c) => <input {...c} value={code} onChange={(e) => setCode(e.target.value)} />}
          </Field>
          <Field id="unit-level" label={t('units.field.level')} required error={errors.level}>
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
        </div>
        <Field id="unit-parent" label={t('units.field.parent')} error={errors.parentId}>
          {(c) => (
            <UnitPicker
              control={c}
              value={parentId}
              currentLabel={parent?.path}
              excludeId={unit?.id}
              onChange={(id) => setParentId(id)}
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
