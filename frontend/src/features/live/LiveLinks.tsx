import { Link } from 'react-router'
import { api } from '../../api'
import type { SessionView } from '../../api/types'
import { useAuth } from '../../app/auth'
import { useI18n } from '../../i18n'
import { useLoad } from '../../lib/hooks'

/**
 * Entry points to the live screens from the session editor: the main-hall console and the big
 * screen for organizers and observers, the console of each point the signed-in operator runs.
 */
export function LiveLinks({ session }: { session: SessionView }) {
  const { t } = useI18n()
  const { me, has } = useAuth()
  const open =
    session.status === 'SCHEDULED' || session.status === 'LIVE' || session.status === 'ENDED'
  const operator = has('operator') && !has('organizer')
  const points = useLoad(
    () => (operator && open ? api.points.list(session.id) : Promise.resolve([])),
    `${session.id}/${operator}/${open}`,
  )
  if (!open) return null
  const mine = (points.data ?? []).filter((p) => me?.username && p.operators.includes(me.username))
  return (
    <nav className="live-links" aria-label={t('live.links')}>
      {(has('organizer') || has('observer')) && (
        <>
          <Link className="btn btn-primary" to={`/sessions/${session.id}/live`}>
            {has('organizer') ? t('live.links.hall') : t('live.links.watch')}
          </Link>
          <Link className="btn" to={`/sessions/${session.id}/screen`} target="_blank">
            {t('live.links.screen')}
          </Link>
        </>
      )}
      {mine.map((p) => (
        <Link
          key={p.id}
          className="btn btn-primary"
          to={`/sessions/${session.id}/points/${p.id}/console`}
        >
          {t('live.links.console', { name: p.name })}
        </Link>
      ))}
    </nav>
  )
}
