import { useState } from 'react'
import { api } from '../../api'
import type { UnitLevel, UnitView } from '../../api/types'
import { useI18n } from '../../i18n'
import { useDebounced, useLoad } from '../../lib/hooks'
import { errorText } from '../../ui/errors'
import type { ControlProps } from '../../ui/Field'

const MAX_OPTIONS = 200

interface Props {
  control: ControlProps
  value: number | null
  onChange: (unitId: number | null, unit: UnitView | null) => void
  /** Shown for the current value before the list has it (e.g. a snapshot name). */
  currentLabel?: string | null
  level?: UnitLevel
  excludeId?: number
}

/**
 * Picks a unit out of a tree that may hold thousands: a filter box (diacritics optional, searched
 * by the server) narrows a plain select, which stays keyboard- and screen-reader-friendly.
 */
export function UnitPicker({ control, value, onChange, currentLabel, level, excludeId }: Props) {
  const { t } = useI18n()
  const [filter, setFilter] = useState('')
  const q = useDebounced(filter.trim(), 300)
  const units = useLoad(() => api.units.list({ q, level: level ?? '' }), `${q}|${level ?? ''}`)
  const list = (units.data ?? []).filter((u) => u.id !== excludeId && !u.retired)
  const shown = list.slice(0, MAX_OPTIONS)
  const hasValue = value !== null && shown.some((u) => u.id === value)

  return (
    <div className="unit-picker">
      <input
        type="search"
        className="unit-picker-filter"
        aria-label={t('units.picker.search')}
        placeholder={t('units.picker.search')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <select
        {...control}
        value={value ?? ''}
        onChange={(e) => {
          const id = e.target.value ? Number(e.target.value) : null
          onChange(id, list.find((u) => u.id === id) ?? null)
        }}
      >
        <option value="">{t('units.picker.none')}</option>
        {value !== null && !hasValue && (
          <option value={value}>{currentLabel ?? `#${value}`}</option>
        )}
        {shown.map((u) => (
          <option key={u.id} value={u.id}>
            {u.path}
          </option>
        ))}
      </select>
      <span className="hint" aria-live="polite">
        {units.error
          ? errorText(units.error, t)
          : units.data
            ? t('units.picker.matches', { count: list.length })
            : t('app.loading')}
      </span>
    </div>
  )
}
