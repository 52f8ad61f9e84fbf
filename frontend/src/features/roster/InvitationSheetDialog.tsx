import { useState } from 'react'
import { api } from '../../api'
import { saveFile } from '../../api/client'
import { useI18n } from '../../i18n'
import { Dialog } from '../../ui/Dialog'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { useStatus } from '../../ui/Status'

interface Props {
  sessionId: number
  pointId: number
  pointName: string
  canRenew: boolean
  onClose: () => void
  onDone: () => void
}

/**
 * Printing issues invitations, so it says so before it happens: links are issued to delegates
 * without one, and "renew" voids every earlier link and card of the point (audited either way).
 */
export function InvitationSheetDialog({
  sessionId,
  pointId,
  pointName,
  canRenew,
  onClose,
  onDone,
}: Props) {
  const { t } = useI18n()
  const { announce } = useStatus()
  const [renew, setRenew] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function download() {
    setBusy(true)
    setError(null)
    try {
      saveFile(await api.delegates.invitationSheet(sessionId, pointId, renew))
      announce(t('registration.sheet.done'))
      onDone()
      onClose()
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('registration.sheet.title', { point: pointName })} onClose={onClose}>
      <div className="dialog-text">
        <p>{t('registration.sheet.body')}</p>
      </div>
      {canRenew && (
        <div className="checkbox">
          <input
            id="sheet-renew"
            type="checkbox"
            checked={renew}
            onChange={(e) => setRenew(e.target.checked)}
          />
          <label htmlFor="sheet-renew">{t('registration.sheet.renew')}</label>
        </div>
      )}
      {renew && (
        <p className="banner banner-warning" role="alert">
          {t('registration.sheet.renewWarning')}
        </p>
      )}
      <ProblemBanner error={error} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className={`btn ${renew ? 'btn-danger' : 'btn-primary'}`}
          onClick={download}
          disabled={busy}
        >
          {t('registration.sheet.download')}
        </button>
      </div>
    </Dialog>
  )
}
