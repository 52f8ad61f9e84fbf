// The participant's phone: the session's feedback form once it is open, answered once.
import { useEffect, useState } from 'react'
import { ApiError, request } from '../../api'
import { useI18n } from '../../i18n'
import type { LivePanelProps } from '../../live'
import './feedback.css'

interface Question {
  position: number
  kind: 'RATING' | 'CHOICE' | 'TEXT'
  text: string
  options: string[]
}

interface FeedbackForm {
  id: number
  title: string
  status: 'DRAFT' | 'OPEN' | 'CLOSED'
  questions: Question[]
  answered: boolean
}

type Answer = { rating?: number; choice?: number; text?: string }

export function FeedbackPanel({ sessionId, live }: LivePanelProps) {
  const { t } = useI18n()
  const [form, setForm] = useState<FeedbackForm | null>(null)
  const [answers, setAnswers] = useState<Record<number, Answer>>({})
  const [error, setError] = useState<string | null>(null)
  const status = live.state?.session.status
  const formStatus = live.state?.feedbackStatus
  useEffect(() => {
    // read again whenever the session's status changes (the form opens when the session ends) and
    // when the main hall opens or closes the form (feedback.opened / feedback.closed)
    if (!status) return
    request<FeedbackForm>('GET', `/api/sessions/${sessionId}/feedback`)
      .then(setForm)
      .catch(() => setForm(null))
  }, [sessionId, status, formStatus])
  if (!form || form.status !== 'OPEN') return null

  const set = (position: number, a: Answer) => setAnswers((x) => ({ ...x, [position]: a }))

  async function submit(e: React.FormEvent) {
    e.preventDefault()
    setError(null)
    try {
      const next = await request<FeedbackForm>(
        'POST',
        `/api/sessions/${sessionId}/feedback/responses`,
        {
          body: {
            answers: Object.entries(answers).map(([position, a]) => ({
              position: Number(position),
              ...a,
            })),
          },
        },
      )
      setForm(next)
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err))
    }
  }

  return (
    <section className="panel feedback-answer" aria-labelledby="feedback-h" data-testid="feedback">
      <h2 id="feedback-h">{form.title}</h2>
      {form.answered ? (
        <p role="status">{t('feedback.thanks')}</p>
      ) : (
        <form onSubmit={submit}>
          {form.questions.map((q) => (
            <fieldset key={q.position} className="feedback-answer-q">
              <legend>
                {q.position + 1}. {q.text}
              </legend>
              {q.kind === 'RATING' && (
                <div className="feedback-rating">
                  {[1, 2, 3, 4, 5].map((r) => (
                    <label key={r}>
                      <input
                        type="radio"
                        name={`q${q.position}`}
                        checked={answers[q.position]?.rating === r}
                        onChange={() => set(q.position, { rating: r })}
                      />{' '}
                      {r}
                    </label>
                  ))}
                </div>
              )}
              {q.kind === 'CHOICE' && (
                <div className="feedback-choices">
                  {q.options.map((o, i) => (
                    <label key={i}>
                      <input
                        type="radio"
                        name={`q${q.position}`}
                        checked={answers[q.position]?.choice === i}
                        onChange={() => set(q.position, { choice: i })}
                      />{' '}
                      {o}
                    </label>
                  ))}
                </div>
              )}
              {q.kind === 'TEXT' && (
                <textarea
                  rows={3}
                  aria-label={q.text}
                  maxLength={2000}
                  value={answers[q.position]?.text ?? ''}
                  onChange={(e) => set(q.position, { text: e.target.value })}
                />
              )}
            </fieldset>
          ))}
          {error && (
            <p role="alert" className="banner banner-error">
              {error}
            </p>
          )}
          <button type="submit" className="btn btn-primary">
            {t('feedback.send')}
          </button>
        </form>
      )}
    </section>
  )
}
