import { useState } from 'react'
import type { FormEvent } from 'react'
import { api } from '../../api'
import { fieldErrors } from '../../api/client'
import type { AgendaItemView } from '../../api/types'
import { useI18n } from '../../i18n'
import { blankToNull } from '../../lib/text'
import { instantToLocalInput, localInputToOffset } from '../../lib/time'
import { Dialog } from '../../ui/Dialog'
import { problemOf, unclaimedErrors } from '../../ui/errors'
import { Field } from '../../ui/Field'
import { ProblemBanner } from '../../ui/ProblemBanner'

const FIELDS = ['title', 'presenter', 'plannedStart', 'durationMinutes', 'notes']

interface Props {
  sessionId: number
  item: AgendaItemView | null
  onClose: () => void
  onSaved: () => void
}

export function AgendaDialog({ sessionId, item, onClose, onSaved }: Props) {
  const { t } = useI18n()
  const [title, setTitle] = useState(item?.title ?? '')
  const [presenter, setPresenter] = useState(item?.presenter ?? '')
  // A computed start is the server's guess, not something the organizer fixed: keep it empty.
  const [start, setStart] = useState(
    item && !item.startIsComputed ? instantToLocalInput(item.plannedStart) : '',
  )
  const [duration, setDuration] = useState(String(item?.durationMinutes ?? 30))
  const [notes, setNotes] = useState(item?.notes ?? '')
  const [error, setError] = useState<unknown>(null)
  const [local, setLocal] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const errors = { ...fieldErrors(problemOf(error)), ...local }

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found: Record<string, string> = {}
    if (!title.trim())
      found.title = t('error.required', { field: t('agenda.field.title').toLowerCase() })
    const minutes = Number(duration)
    if (!/^\d+$/.test(duration.trim()) || minutes < 1 || minutes > 600) {
      found.durationMinutes = t('error.duration')
    }
    setLocal(found)
    if (Object.keys(found).length) return
    setBusy(true)
    setError(null)
    const body = {
      title: title.trim(),
      presenter: blankToNull(presenter),
      plannedStart: localInputToOffset(start),
      durationMinutes: minutes,
      notes: blankToNull(notes),
      version: item?.version,
    }
    try {
      if (item) await api.agenda.update(sessionId, item.id, body)
      else await api.agenda.create(sessionId, body)
      onSaved()
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  return (
    <Dialog title={item ? t('agenda.edit') : t('agenda.add')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <ProblemBanner error={error} extra={unclaimedErrors(error, FIELDS)} />
        <Field id="agenda-title" label={t('agenda.field.title')} required error={errors.title}>
          {(c) => <input {...c} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field id="agenda-presenter" label={t('agenda.field.presenter')} error={errors.presenter}>
          {(c) => <input {...c} value={presenter} onChange={(e) => setPresenter(e.target.value)} />}
        </Field>
        <div className="form-row">
          <Field
            id="agenda-start"
            label={t('agenda.field.plannedStart')}
            hint={t('agenda.field.plannedStartHint')}
            error={errors.plannedStart}
          >
            {(c) => (
              <input
                {...c}
                type="datetime-local"
                value={start}
                onChange={(e) => setStart(e.target.value)}
              />
            )}
          </Field>
          <Field
            id="agenda-duration"
            label={t('agenda.field.duration')}
            required
            error={errors.durationMinutes}
          >
            {(c) => (
              <input
                {...c}
                type="number"
                inputMode="numeric"
                min={1}
                max={600}
                value={duration}
                onChange={(e) => setDuration(e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field id="agenda-notes" label={t('agenda.field.notes')} error={errors.notes}>
          {(c) => (
            <textarea {...c} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
          )}
        </Field>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
