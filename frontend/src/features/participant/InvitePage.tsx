import { useEffect, useRef, useState } from 'react'
import { useNavigate, useParams } from 'react-router'
import { api } from '../../api'
import { useI18n } from '../../i18n'
import { ParticipantLayout } from './ParticipantPage'

/**
 * /i/:token: trade the token for the invitation cookie, then move to /p with history replaced,
 * so the token is neither left in the address bar nor reachable with "back".
 */
export function InvitePage() {
  const { token } = useParams()
  const { t } = useI18n()
  const navigate = useNavigate()
  const [failed, setFailed] = useState(false)
  const sent = useRef(false)

  useEffect(() => {
    // StrictMode runs effects twice in development; the token must be posted once.
    if (sent.current || !token) return
    sent.current = true
    api.participant.open(token).then(
      (view) => navigate('/p', { replace: true, state: { view } }),
      () => {
        window.history.replaceState(null, '', '/p')
        setFailed(true)
      },
    )
  }, [token, navigate])

  return (
    <ParticipantLayout>
      {failed ? (
        <p className="banner banner-error" role="alert">
          {t('participant.invalid')}
        </p>
      ) : (
        <p role="status">{t('participant.opening')}</p>
      )}
    </ParticipantLayout>
  )
}
