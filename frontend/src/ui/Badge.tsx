import type { SessionStatus } from '../api/types'
import { useI18n } from '../i18n'

export function StatusBadge({ status }: { status: SessionStatus }) {
  const { t } = useI18n()
  return <span className={`badge badge-${status.toLowerCase()}`}>{t(`status.${status}`)}</span>
}
