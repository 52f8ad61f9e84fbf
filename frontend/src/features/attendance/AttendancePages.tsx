import { Link, useParams } from 'react-router'
import { useI18n } from '../../i18n'
import { AttendanceCountsPanel, AttendanceReportLinks } from './AttendanceCountsPanel'
import { CheckInPanel } from './CheckInPanel'

/** /sessions/:id/points/:pointId/check-in — the check-in panel until the point console hosts it. */
export function CheckInPage() {
  const { id, pointId } = useParams()
  const { t } = useI18n()
  const sessionId = Number(id)
  return (
    <div className="page">
      <p>
        <Link to={`/sessions/${sessionId}`}>{t('attendance.back')}</Link>
      </p>
      <CheckInPanel sessionId={sessionId} pointId={Number(pointId)} />
    </div>
  )
}

/** /sessions/:id/attendance — live counts (as the main hall sees them) and the report. */
export function AttendancePage() {
  const { id } = useParams()
  const { t } = useI18n()
  const sessionId = Number(id)
  return (
    <div className="page">
      <p>
        <Link to={`/sessions/${sessionId}`}>{t('attendance.back')}</Link>
      </p>
      <AttendanceReportLinks sessionId={sessionId} />
      <AttendanceCountsPanel sessionId={sessionId} />
    </div>
  )
}
