import type { RegistrationRequest } from '../../api/types'
import { useI18n } from '../../i18n'
import { blankToNull } from '../../lib/text'
import { Field } from '../../ui/Field'

export const REGISTRATION_FIELDS = [
  'fullName',
  'position',
  'unitName',
  'pointId',
  'phone',
  'email',
] as const

export interface RegistrationValues {
  fullName: string
  position: string
  unitName: string
  pointId: string
  phone: string
  email: string
}

export const EMPTY_VALUES: RegistrationValues = {
  fullName: '',
  position: '',
  unitName: '',
  pointId: '',
  phone: '',
  email: '',
}

export function toRequest(v: RegistrationValues): RegistrationRequest {
  return {
    fullName: v.fullName.trim(),
    position: blankToNull(v.position),
    unitName: blankToNull(v.unitName),
    pointId: v.pointId ? Number(v.pointId) : null,
    phone: blankToNull(v.phone),
    email: blankToNull(v.email),
  }
}

/** What the form can tell before sending: the name and (when there is a choice) the point. */
export function missing(
  v: RegistrationValues,
  needPoint: boolean,
  t: ReturnType<typeof useI18n>['t'],
): Record<string, string> {
  const found: Record<string, string> = {}
  if (!v.fullName.trim())
    found.fullName = t('error.required', {
      field: t('registration.field.fullName').toLowerCase(),
    })
  if (needPoint && !v.pointId)
    found.pointId = t('error.required', { field: t('registration.field.point').toLowerCase() })
  return found
}

interface Props {
  idPrefix: string
  values: RegistrationValues
  onChange: (v: RegistrationValues) => void
  errors: Record<string, string>
  /** Points to choose from; none when the link fixes the point. */
  points: { id: number; name: string; full: boolean }[] | null
  /** The link's unit: shown, not typed. */
  fixedUnit: string | null
}

/** The fields of a registration, for the public page and the operator's nomination alike. */
export function RegistrationFields({
  idPrefix,
  values,
  onChange,
  errors,
  points,
  fixedUnit,
}: Props) {
  const { t } = useI18n()
  const set = (field: keyof RegistrationValues, value: string) =>
    onChange({ ...values, [field]: value })
  const text = (
    field: 'fullName' | 'position' | 'unitName' | 'phone' | 'email',
    autoComplete: string,
    type = 'text',
  ) => (
    <Field
      id={`${idPrefix}-${field}`}
      label={t(`registration.field.${field}`)}
      error={errors[field]}
      required={field === 'fullName'}
    >
      {(c) => (
        <input
          {...c}
          type={type}
          autoComplete={autoComplete}
          inputMode={type === 'tel' ? 'tel' : type === 'email' ? 'email' : undefined}
          value={values[field]}
          onChange={(e) => set(field, e.target.value)}
        />
      )}
    </Field>
  )
  return (
    <>
      {text('fullName', 'name')}
      {text('position', 'organization-title')}
      {fixedUnit === null && text('unitName', 'organization')}
      {points && (
        <Field
          id={`${idPrefix}-pointId`}
          label={t('registration.field.point')}
          error={errors.pointId}
          required
        >
          {(c) => (
            <select {...c} value={values.pointId} onChange={(e) => set('pointId', e.target.value)}>
              <option value="">{t('registration.field.choosePoint')}</option>
              {points.map((p) => (
                <option key={p.id} value={p.id} disabled={p.full}>
                  {p.full ? t('registration.full', { name: p.name }) : p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {text('phone', 'tel', 'tel')}
      {text('email', 'email', 'email')}
    </>
  )
}
