import type { FieldError } from '../api/types'
import { useI18n } from '../i18n'
import { errorText } from './errors'

interface Props {
  error: unknown
  /** Field errors not shown beside an input; listed under the detail. */
  extra?: FieldError[]
  onRetry?: () => void
}

export function ProblemBanner({ error, extra = [], onRetry }: Props) {
  const { t } = useI18n()
  if (!error) return null
  return (
    <div className="banner banner-error" role="alert">
      <p>{errorText(error, t)}</p>
      {extra.length > 0 && (
        <ul>
          {extra.map((e, i) => (
            <li key={i}>
              {e.field ? <strong>{e.field}: </strong> : null}
              {e.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  )
}
