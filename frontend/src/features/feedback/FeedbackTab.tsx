// The session editor's "Phiếu đánh giá" tab: the organizer writes the session's feedback form (from
// a reusable question set or from scratch), says when it opens, opens or closes it by hand, and
// reads the summary. Observers read the form and the summary; operators only the form.
import { useCallback, useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { Link } from 'react-router'
import { ApiError } from '../../api/client'
import type { SessionView } from '../../api/types'
import { useAuth } from '../../app/auth'
import { useI18n } from '../../i18n'
import { useLoad } from '../../lib/hooks'
import { formatDateTime, instantToLocalInput, localInputToOffset } from '../../lib/time'
import { ConfirmDialog, Dialog } from '../../ui/Dialog'
import { Field } from '../../ui/Field'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { TemplateNameField } from './TemplateNameField'
import { useStatus } from '../../ui/Status'
import { feedbackApi, type FormView } from './api'
import { FeedbackSummaryView } from './FeedbackSummaryView'
import { QuestionsEditor } from './QuestionsEditor'
import { toDrafts, toQuestions, type Draft } from './questions'
import './feedback.css'

const REFRESH_MS = 30_000

/** The session's form, or null when it has none yet (404). */
async function formOrNull(sid: number): Promise<FormView | null> {
  try {
    return await feedbackApi.form(sid)
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null
    throw e
  }
}

export function FeedbackTab({ session }: { session: SessionView }) {
  const { t } = useI18n()
  const { canEdit, has } = useAuth()
  const sid = session.id
  const form = useLoad(() => formOrNull(sid), String(sid))
  const f = form.data
  const seesSummary = canEdit || has('observer')

  if (f === undefined) {
    return form.error ? (
      <ProblemBanner error={form.error} onRetry={form.reload} />
    ) : (
      <p>{t('app.loading')}</p>
    )
  }
  return (
    <div className="stack feedback-tab">
      {canEdit && (
        <p className="section-actions">
          <Link to="/feedback-templates">{t('feedback.templates.manage')}</Link>
        </p>
      )}
      {canEdit ? (
        <FormControl session={session} form={f} onChange={(next) => form.setData(next)} />
      ) : f ? (
        <ReadOnlyForm form={f} />
      ) : (
        <p className="empty">{t('feedback.none')}</p>
      )}
      {f && f.status !== 'DRAFT' && seesSummary && (
        <Summary sessionId={sid} form={f} onRefresh={form.reload} />
      )}
    </div>
  )
}

function Summary({
  sessionId,
  form,
  onRefresh,
}: {
  sessionId: number
  form: FormView
  onRefresh: () => void
}) {
  // Keyed on the status: opening and closing re-read it; "refresh" re-reads it with the form.
  const summary = useLoad(() => feedbackApi.summary(sessionId), `${sessionId}:${form.status}`)
  const { reload } = summary
  const refresh = useCallback(() => {
    onRefresh()
    reload()
  }, [onRefresh, reload])
  // While answers come in, the count and the summary follow without a click.
  useEffect(() => {
    if (form.status !== 'OPEN') return
    const timer = setInterval(refresh, REFRESH_MS)
    return () => clearInterval(timer)
  }, [form.status, refresh])
  return <FeedbackSummaryView sessionId={sessionId} summary={summary} onRefresh={refresh} />
}

function ReadOnlyForm({ form }: { form: FormView }) {
  const { t } = useI18n()
  return (
    <section aria-labelledby="feedback-form-h">
      <h2 id="feedback-form-h">{form.title}</h2>
      <FormState form={form} />
      <ol className="feedback-readonly">
        {form.questions.map((q, i) => (
          <li key={i}>
            {q.text} <span className="hint">({t(`feedback.kind.${q.kind}`)})</span>
            {q.kind === 'CHOICE' && <span className="sub">{(q.options ?? []).join(' · ')}</span>}
          </li>
        ))}
      </ol>
    </section>
  )
}

function FormState({ form }: { form: FormView }) {
  const { t, lang } = useI18n()
  return (
    <p className="feedback-state" data-testid="feedback-state">
      <span className={`badge feedback-badge-${form.status.toLowerCase()}`}>
        {t(`feedback.status.${form.status}`)}
      </span>{' '}
      {form.responses !== null && (
        <span data-testid="feedback-responses">
          {t('feedback.responses', { count: form.responses })}
        </span>
      )}
      {form.openedAt && (
        <span className="sub">
          {t('feedback.openedAt', { when: formatDateTime(form.openedAt, lang) })}
        </span>
      )}
      {form.closedAt && (
        <span className="sub">
          {t('feedback.closedAt', { when: formatDateTime(form.closedAt, lang) })}
        </span>
      )}
    </p>
  )
}

function FormControl({
  session,
  form,
  onChange,
}: {
  session: SessionView
  form: FormView | null
  onChange: (form: FormView) => void
}) {
  const { t } = useI18n()
  const { announce } = useStatus()
  const sid = session.id
  const [confirm, setConfirm] = useState<'open' | 'close' | null>(null)
  const [error, setError] = useState<unknown>(null)

  async function act(action: 'open' | 'close') {
    const next = action === 'open' ? await feedbackApi.open(sid) : await feedbackApi.close(sid)
    onChange(next)
    announce(t(action === 'open' ? 'feedback.opened' : 'feedback.closed'))
  }

  return (
    <>
      {form && (
        <section className="feedback-control" aria-labelledby="feedback-control-h">
          <h2 id="feedback-control-h">{form.title}</h2>
          <FormState form={form} />
          <ProblemBanner error={error} />
          <div className="actions">
            {form.status === 'DRAFT' && (
              <button type="button" className="btn btn-primary" onClick={() => setConfirm('open')}>
                {t('feedback.openNow')}
              </button>
            )}
            {form.status === 'OPEN' && (
              <button
                type="button"
                className="btn btn-danger-outline"
                onClick={() => setConfirm('close')}
              >
                {t('feedback.closeNow')}
              </button>
            )}
            {/* A draft is saved as a set from its editor below, with what is being written. */}
            {form.status !== 'DRAFT' && (
              <SaveAsTemplate
                title={form.title}
                questions={toDrafts(form.questions)}
                onError={setError}
              />
            )}
          </div>
          {form.status !== 'DRAFT' && (
            <ol className="feedback-readonly" aria-label={t('feedback.questions')}>
              {form.questions.map((q, i) => (
                <li key={i}>
                  {q.text} <span className="hint">({t(`feedback.kind.${q.kind}`)})</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      {(!form || form.status === 'DRAFT') && (
        <FormEditor sessionId={sid} form={form} onSaved={onChange} />
      )}
      {confirm && form && (
        <ConfirmDialog
          title={t(`feedback.confirm.${confirm}.title`)}
          body={<p>{t(`feedback.confirm.${confirm}.body`, { title: form.title })}</p>}
          confirmLabel={t(confirm === 'open' ? 'feedback.openNow' : 'feedback.closeNow')}
          danger={confirm === 'close'}
          onConfirm={() => act(confirm)}
          onClose={() => setConfirm(null)}
        />
      )}
    </>
  )
}

function FormEditor({
  sessionId,
  form,
  onSaved,
}: {
  sessionId: number
  form: FormView | null
  onSaved: (form: FormView) => void
}) {
  const { t } = useI18n()
  const { announce } = useStatus()
  const templates = useLoad(() => feedbackApi.templates(), 'templates')
  const [templateId, setTemplateId] = useState<number | null>(null)
  const [picked, setPicked] = useState('')
  const [title, setTitle] = useState(form?.title ?? '')
  const [questions, setQuestions] = useState<Draft[]>(toDrafts(form?.questions))
  const [openOnEnd, setOpenOnEnd] = useState(form?.openOnEnd ?? true)
  const [opensAt, setOpensAt] = useState(instantToLocalInput(form?.opensAt))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [replacing, setReplacing] = useState<number | null>(null)

  function applyTemplate(id: number) {
    const tpl = templates.data?.find((x) => x.id === id)
    if (!tpl) return
    setTemplateId(id)
    setTitle(tpl.name)
    setQuestions(toDrafts(tpl.questions))
    announce(t('feedback.templateUsed', { name: tpl.name }))
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      const saved = await feedbackApi.setForm(sessionId, {
        templateId,
        title: title.trim(),
        openOnEnd,
        opensAt: localInputToOffset(opensAt),
        questions: toQuestions(questions),
      })
      announce(t('feedback.saved'))
      onSaved(saved)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="feedback-editor">
      <form onSubmit={submit} aria-labelledby="feedback-editor-h">
        <h2 id="feedback-editor-h">{form ? t('feedback.edit') : t('feedback.create')}</h2>
        <div className="feedback-from-template">
          <Field
            id="feedback-template"
            label={t('feedback.fromTemplate')}
            hint={t('feedback.fromTemplateHint')}
          >
            {(c) => (
              <select {...c} value={picked} onChange={(e) => setPicked(e.target.value)}>
                <option value="">{t('feedback.pickTemplate')}</option>
                {(templates.data ?? []).map((tpl) => (
                  <option key={tpl.id} value={tpl.id}>
                    {tpl.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button
            type="button"
            className="btn"
            disabled={!picked}
            onClick={() =>
              questions.length > 0 ? setReplacing(Number(picked)) : applyTemplate(Number(picked))
            }
          >
            {t('feedback.useTemplate')}
          </button>
        </div>
        <ProblemBanner error={templates.error} onRetry={templates.reload} />
        <Field id="feedback-title" label={t('feedback.title')} required>
          {(c) => (
            <input
              {...c}
              value={title}
              maxLength={300}
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </Field>
        <h3>{t('feedback.questions')}</h3>
        <QuestionsEditor idPrefix="feedback-form" questions={questions} onChange={setQuestions} />
        <fieldset className="feedback-opening">
          <legend>{t('feedback.opening')}</legend>
          <div className="checkbox">
            <input
              id="feedback-open-on-end"
              type="checkbox"
              checked={openOnEnd}
              onChange={(e) => setOpenOnEnd(e.target.checked)}
            />
            <label htmlFor="feedback-open-on-end">{t('feedback.openOnEnd')}</label>
          </div>
          <Field
            id="feedback-opens-at"
            label={t('feedback.opensAt')}
            hint={t('feedback.opensAtHint')}
          >
            {(c) => (
              <input
                {...c}
                type="datetime-local"
                value={opensAt}
                onChange={(e) => setOpensAt(e.target.value)}
              />
            )}
          </Field>
        </fieldset>
        <ProblemBanner error={error} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('common.saving') : t('feedback.save')}
          </button>
        </div>
        {replacing !== null && (
          <ConfirmDialog
            title={t('feedback.replace.title')}
            body={<p>{t('feedback.replace.body')}</p>}
            confirmLabel={t('feedback.useTemplate')}
            onConfirm={async () => applyTemplate(replacing)}
            onClose={() => setReplacing(null)}
          />
        )}
      </form>
      {/* Outside the form: its dialog has a form of its own. */}
      <div className="form-actions">
        <SaveAsTemplate title={title} questions={questions} onError={setError} />
      </div>
    </div>
  )
}

/** Saves the questions as a new reusable question set, asking for its name. */
function SaveAsTemplate({
  title,
  questions,
  onError,
}: {
  title: string
  questions: Draft[]
  onError: (e: unknown) => void
}) {
  const { t } = useI18n()
  const { announce } = useStatus()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function save(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const created = await feedbackApi.createTemplate(name.trim(), toQuestions(questions))
      setOpen(false)
      announce(t('feedback.templates.created', { name: created.name }))
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button
        type="button"
        className="btn"
        disabled={questions.length === 0}
        onClick={() => {
          onError(null)
          setName(title)
          setError(null)
          setOpen(true)
        }}
      >
        {t('feedback.saveAsTemplate')}
      </button>
      {open && (
        <Dialog title={t('feedback.saveAsTemplate')} onClose={() => setOpen(false)}>
          <form onSubmit={save}>
            <TemplateNameField id="feedback-template-name" value={name} onChange={setName} />
            <ProblemBanner error={error} />
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {t('common.save')}
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </>
  )
}
