import { useEffect, useEffectEvent, useId, useState } from 'react'
import { api } from '../../api'
import type { DelegateView, Invitation } from '../../api/types'
import { useI18n } from '../../i18n'
import { ConfirmDialog, Dialog } from '../../ui/Dialog'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { useStatus } from '../../ui/Status'

interface Props {
  sessionId: number
  delegate: DelegateView
  canRevoke: boolean
  onClose: () => void
  onChanged: () => void
}

/** Shows (issuing if needed) a delegate's invitation link; the server returns the same link until revoked. */
export function InvitationDialog({ sessionId, delegate, canRevoke, onClose, onChanged }: Props) {
  const { t } = useI18n()
  const { announce } = useStatus()
  const inputId = useId()
  const [invitation, setInvitation] = useState<Invitation | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [revoking, setRevoking] = useState(false)

  const issue = useEffectEvent(() => api.delegates.issueInvitation(sessionId, delegate.id))
  const issued = useEffectEvent(() => {
    if (!delegate.invitationActive) onChanged()
  })

  // Issued once per opening; asking again returns the same link until it is revoked.
  useEffect(() => {
    let current = true
    issue().then(
      (inv) => {
        if (!current) return
        setInvitation(inv)
        issued()
      },
      (e: unknown) => current && setError(e),
    )
    return () => {
      current = false
    }
  }, [])

  async function copy() {
    if (!invitation) return
    try {
      await navigator.clipboard.writeText(invitation.url)
    } catch {
      // without clipboard permission, select the text so Ctrl+C works
      const input = document.getElementById(inputId) as HTMLInputElement | null
      input?.select()
      return
    }
    announce(t('common.copied'))
  }

  return (
    <Dialog title={t('roster.invite.dialog', { name: delegate.fullName })} onClose={onClose}>
      <ProblemBanner error={error} />
      {!invitation && !error && <p>{t('app.loading')}</p>}
      {invitation && (
        <div className="stack">
          <p className="hint">{t('roster.invite.hint')}</p>
          <div className="field">
            <label htmlFor={inputId}>{t('roster.invite.link')}</label>
            <div className="input-with-button">
              <input
                id={inputId}
                readOnly
                value={invitation.url}
                onFocus={(e) => e.target.select()}
                className="mono"
              />
              <button type="button" className="btn btn-primary" onClick={copy}>
                {t('common.copy')}
              </button>
            </div>
          </div>
          {/* registration: the same link as a QR code, to show on screen or print */}
          <figure className="qr">
            <img
              src={api.delegates.qrUrl(sessionId, delegate.id, 'svg')}
              alt={t('registration.qr.alt', { name: delegate.fullName })}
              width={200}
              height={200}
            />
            <figcaption>
              <a href={api.delegates.qrUrl(sessionId, delegate.id, 'png')} download>
                {t('registration.qr.png')}
              </a>
              {' · '}
              <a href={api.delegates.qrUrl(sessionId, delegate.id, 'svg')} download>
                {t('registration.qr.svg')}
              </a>
            </figcaption>
          </figure>
        </div>
      )}
      <div className="dialog-actions">
        {canRevoke && invitation && (
          <button
            type="button"
            className="btn btn-danger-outline"
            onClick={() => setRevoking(true)}
          >
            {t('roster.invite.revoke')}
          </button>
        )}
        <button type="button" className="btn" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {revoking && (
        <ConfirmDialog
          title={t('roster.invite.revokeConfirm.title')}
          body={<p>{t('roster.invite.revokeConfirm.body', { name: delegate.fullName })}</p>}
          confirmLabel={t('roster.invite.revoke')}
          danger
          onConfirm={async () => {
            await api.delegates.revokeInvitation(sessionId, delegate.id)
            announce(t('roster.invite.revoked'))
            onChanged()
            onClose()
          }}
          onClose={() => setRevoking(false)}
        />
      )}
    </Dialog>
  )
}
