import type { ReactNode } from 'react'
import { useI18n } from '../i18n'

export interface ControlProps {
  id: string
  'aria-invalid': boolean | undefined
  'aria-describedby': string | undefined
  required: boolean | undefined
}

interface Props {
  id: string
  label: string
  hint?: string
  error?: string
  required?: boolean
  className?: string
  children: (control: ControlProps) => ReactNode
}

/** A labelled input with its hint and error wired to it for screen readers. */
export function Field({ id, label, hint, error, required, className, children }: Props) {
  const { t } = useI18n()
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ')
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {/* The input's own `required` is what assistive technology announces; the star is for the eye. */}
        {required && (
          <span className="required" aria-hidden="true" title={t('common.required')}>
            {' '}
            *
          </span>
        )}
      </label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described || undefined,
        required: required || undefined,
      })}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
