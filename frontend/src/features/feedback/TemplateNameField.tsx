// The name of a reusable question set, as the "save as" dialog and the set's own page ask for it.
import { useI18n } from '../../i18n'
import { Field } from '../../ui/Field'

export function TemplateNameField({
  id,
  value,
  onChange,
}: {
  id: string
  value: string
  onChange: (name: string) => void
}) {
  const { t } = useI18n()
  return (
    <Field id={id} label={t('feedback.templates.name')} required>
      {(c) => (
        <input
          {...c}
          value={value}
          maxLength={300}
          autoFocus
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  )
}
