// The organizer's reusable question sets [bộ câu hỏi phiếu đánh giá]: list, write, edit, delete.
// Forms already copied from a set keep their questions when it changes.
import { useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { Navigate } from 'react-router'
import { useAuth } from '../../app/auth'
import { useI18n } from '../../i18n'
import { useLoad } from '../../lib/hooks'
import { ConfirmDialog } from '../../ui/Dialog'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { TemplateNameField } from './TemplateNameField'
import { useStatus } from '../../ui/Status'
import { feedbackApi, type TemplateView } from './api'
import { QuestionsEditor } from './QuestionsEditor'
import { toDrafts, toQuestions, type Draft } from './questions'
import './feedback.css'

export function TemplatesPage() {
  const { t } = useI18n()
  const { canEdit } = useAuth()
  const { announce } = useStatus()
  const templates = useLoad(() => feedbackApi.templates(), 'templates')
  // null: none being edited; 'new': a new set; otherwise the set being edited.
  const [editing, setEditing] = useState<TemplateView | 'new' | null>(null)
  const [deleting, setDeleting] = useState<TemplateView | null>(null)

  useEffect(() => {
    document.title = `${t('feedback.templates.title')} · ${t('app.name')}`
  }, [t])
  if (!canEdit) return <Navigate to="/sessions" replace />
  const list = templates.data ?? []

  return (
    <div className="page stack">
      <div className="section-head">
        <h1>{t('feedback.templates.title')}</h1>
        {editing === null && (
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            {t('feedback.templates.new')}
          </button>
        )}
      </div>
      <p className="hint">{t('feedback.templates.lead')}</p>
      {editing !== null && (
        <TemplateEditor
          key={editing === 'new' ? 'new' : editing.id}
          template={editing === 'new' ? null : editing}
          onDone={(saved) => {
            setEditing(null)
            if (saved) {
              announce(t('feedback.templates.saved', { name: saved.name }))
              templates.reload()
            }
          }}
        />
      )}
      <ProblemBanner error={templates.error} onRetry={templates.reload} />
      {templates.data && list.length === 0 && (
        <p className="empty">{t('feedback.templates.empty')}</p>
      )}
      {list.length > 0 && (
        <div className="table-wrap">
          <table
            className="table table-cards feedback-templates"
            aria-label={t('feedback.templates.title')}
          >
            <thead>
              <tr>
                <th scope="col">{t('feedback.templates.name')}</th>
                <th scope="col">{t('feedback.questions')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((tpl) => (
                <tr key={tpl.id} data-testid="feedback-template-row">
                  <td data-label={t('feedback.templates.name')}>
                    <span className="row-title">{tpl.name}</span>
                  </td>
                  <td data-label={t('feedback.questions')}>
                    {t('feedback.templates.count', { count: tpl.questions.length })}
                    <span className="sub">
                      {tpl.questions.map((q) => t(`feedback.kind.${q.kind}`)).join(' · ')}
                    </span>
                  </td>
                  <td data-label={t('common.actions')}>
                    <div className="actions">
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-label={`${t('common.edit')}: ${tpl.name}`}
                        onClick={() => setEditing(tpl)}
                      >
                        {t('common.edit')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-small btn-danger-outline"
                        aria-label={`${t('common.delete')}: ${tpl.name}`}
                        onClick={() => setDeleting(tpl)}
                      >
                        {t('common.delete')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('feedback.templates.deleteTitle')}
          body={<p>{t('feedback.templates.deleteBody', { name: deleting.name })}</p>}
          confirmLabel={t('common.delete')}
          danger
          onConfirm={async () => {
            await feedbackApi.deleteTemplate(deleting.id)
            announce(t('feedback.templates.deleted', { name: deleting.name }))
            if (editing !== null && editing !== 'new' && editing.id === deleting.id)
              setEditing(null)
            templates.reload()
          }}
          onClose={() => setDeleting(null)}
        />
      )}
    </div>
  )
}

function TemplateEditor({
  template,
  onDone,
}: {
  template: TemplateView | null
  onDone: (saved: TemplateView | null) => void
}) {
  const { t } = useI18n()
  const [name, setName] = useState(template?.name ?? '')
  const [questions, setQuestions] = useState<Draft[]>(toDrafts(template?.questions))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      const qs = toQuestions(questions)
      onDone(
        template
          ? await feedbackApi.updateTemplate(template.id, name.trim(), qs)
          : await feedbackApi.createTemplate(name.trim(), qs),
      )
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  return (
    <form className="feedback-editor panel" onSubmit={submit} aria-labelledby="feedback-tpl-h">
      <h2 id="feedback-tpl-h">
        {template
          ? t('feedback.templates.editing', { name: template.name })
          : t('feedback.templates.new')}
      </h2>
      <TemplateNameField id="feedback-tpl-name" value={name} onChange={setName} />
      <QuestionsEditor idPrefix="feedback-tpl" questions={questions} onChange={setQuestions} />
      {template && <p className="hint">{t('feedback.templates.editHint')}</p>}
      <ProblemBanner error={error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="btn" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
