import { useEffect, useState } from 'react'
import { useI18n } from '../../i18n'
import { formatTime } from '../../lib/time'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { attendanceApi, type AttendanceEntry } from './api'

/**
 * The delegate checks themself in with one tap on the page their invitation opened. Opening the
 * link alone does not: a link opened at home the day before must not count as present.
 */
export function SelfCheckIn() {
  const { t, lang } = useI18n()
  const [mine, setMine] = useState<AttendanceEntry | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    attendanceApi.mine().then(setMine, () => undefined)
  }, [])

  if (!mine) return null
  if (mine.status === 'PRESENT') {
    return (
      <p className="banner banner-success" role="status">
        {t('attendance.self.done', { time: formatTime(mine.recordedAt, lang) })}
      </p>
    )
  }
  if (mine.status === 'ABSENT')
    return <p className="banner banner-info">{t('attendance.self.absent')}</p>
  return (
    <>
      <ProblemBanner error={error} />
      <button
        type="button"
        className="btn btn-primary btn-large"
        disabled={busy}
        onClick={async () => {
          setBusy(true)
          setError(null)
          try {
            setMine(await attendanceApi.selfCheckIn())
          } catch (e) {
            setError(e)
          } finally {
            setBusy(false)
          }
        }}
      >
        {t('attendance.self.button')}
      </button>
    </>
  )
}
