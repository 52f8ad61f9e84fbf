import { useState } from 'react'
import type { FormEvent } from 'react'
import { api } from '../../api'
import { fieldErrors } from '../../api/client'
import type { SessionView } from '../../api/types'
import { useI18n } from '../../i18n'
import { localInputToOffset } from '../../lib/time'
import { Dialog } from '../../ui/Dialog'
import { problemOf, unclaimedErrors } from '../../ui/errors'
import { Field } from '../../ui/Field'
import { ProblemBanner } from '../../ui/ProblemBanner'

interface Props {
  session: SessionView
  onClose: () => void
  onCopied: (copy: SessionView) => void
}

export function CopyDialog({ session, onClose, onCopied }: Props) {
  const { t } = useI18n()
  const [title, setTitle] = useState(t('session.copy.defaultTitle', { title: session.title }))
  const [startsAt, setStartsAt] = useState('')
  const [endsAt, setEndsAt] = useState('')
  const [includeRoster, setIncludeRoster] = useState(true)
  const [error, setError] = useState<unknown>(null)
  const [local, setLocal] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const errors = { ...fieldErrors(problemOf(error)), ...local }

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found: Record<string, string> = {}
    if (!title.trim())
      found.title = t('error.required', { field: t('session.copy.newTitle').toLowerCase() })
    if (startsAt && endsAt && endsAt <= startsAt) found.endsAt = t('error.endBeforeStart')
    setLocal(found)
    if (Object.keys(found).length) return
    setBusy(true)
    setError(null)
    try {
      const copy = await api.sessions.copy(session.id, {
        title: title.trim(),
        startsAt: localInputToOffset(startsAt),
        endsAt: localInputToOffset(endsAt),
        includeRoster,
      })
      onCopied(copy)
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('session.copy.title')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <ProblemBanner
          error={error}
          extra={unclaimedErrors(error, ['title', 'startsAt', 'endsAt'])}
        />
        <Field id="copy-title" label={t('session.copy.newTitle')} required error={errors.title}>
          {(c) => <input {...c} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <div className="form-row">
          <Field
            id="copy-startsAt"
            label={t('session.field.startsAt')}
            hint={t('session.timeHint')}
            error={errors.startsAt}
          >
            {(c) => (
              <input
                {...c}
                type="datetime-local"
                value={startsAt}
                onChange={(e) => setStartsAt(e.target.value)}
              />
            )}
          </Field>
          <Field
            id="copy-endsAt"
            label={t('session.field.endsAt')}
            hint={t('session.timeHint')}
            error={errors.endsAt}
          >
            {(c) => (
              <input
                {...c}
                type="datetime-local"
                value={endsAt}
                onChange={(e) => setEndsAt(e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="checkbox">
          <input
            id="copy-roster"
            type="checkbox"
            checked={includeRoster}
            onChange={(e) => setIncludeRoster(e.target.checked)}
          />
          <label htmlFor="copy-roster">{t('session.copy.includeRoster')}</label>
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('session.copy.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
