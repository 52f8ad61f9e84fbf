// On the session page: the session report (PDF and Excel) once the session has ended, for
// organizers and observers.
import type { SessionView } from '../../api/types'
import { useAuth } from '../../app/auth'
import { useI18n } from '../../i18n'

export function ReportLinks({ session }: { session: SessionView }) {
  const { t } = useI18n()
  const { has } = useAuth()
  if (session.status !== 'ENDED' || !(has('organizer') || has('observer'))) return null
  const base = `/api/sessions/${session.id}/report`
  return (
    <nav className="report-links" aria-label={t('report.title')} data-testid="report-links">
      <span>{t('report.title')}:</span>{' '}
      <a className="btn" href={`${base}/pdf`} download>
        {t('report.pdf')}
      </a>{' '}
      <a className="btn" href={`${base}/xlsx`} download>
        {t('report.xlsx')}
      </a>
    </nav>
  )
}
