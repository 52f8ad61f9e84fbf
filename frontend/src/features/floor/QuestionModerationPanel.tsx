// Main-hall console panel: the written questions; the organizer approves (shown on the big
// screen), marks answered, hides, or merges one into another. Observers read. The list reloads
// whenever a question.* event arrives.
import { useState } from 'react'
import { useAuth } from '../../app/auth'
import { useI18n } from '../../i18n'
import type { LivePanelProps, QuestionStatus } from '../../live'
import { formatTime } from '../../lib/time'
import { useLoad } from '../../lib/hooks'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { floorApi, type ModerationAction } from './api'
import './floor.css'

const FILTERS: readonly (QuestionStatus | 'ALL')[] = [
  'PENDING',
  'APPROVED',
  'ANSWERED',
  'HIDDEN',
  'ALL',
]

export function QuestionModerationPanel({ sessionId, live }: LivePanelProps) {
  const { t, lang } = useI18n()
  const { canEdit } = useAuth()
  const [filter, setFilter] = useState<QuestionStatus | 'ALL'>('PENDING')
  const [error, setError] = useState<unknown>(null)
  const [merging, setMerging] = useState<number | null>(null)
  // any question.* event changes one of these; then the list is read again
  const signal = `${live.state?.questionsPending ?? ''}/${(live.state?.questions ?? []).map((q) => `${q.id}:${q.status}`).join(',')}`
  const all = useLoad(() => floorApi.questions(sessionId), `${sessionId}/${signal}`)
  const questions = (all.data ?? []).filter((q) => filter === 'ALL' || q.status === filter)
  const pending = (all.data ?? []).filter((q) => q.status === 'PENDING').length
  const targets = (all.data ?? []).filter(
    (q) => q.status === 'APPROVED' || q.status === 'ANSWERED' || q.status === 'PENDING',
  )

  async function act(id: number, action: ModerationAction, intoId?: number) {
    setError(null)
    try {
      await floorApi.moderate(sessionId, id, action, intoId)
      setMerging(null)
      all.reload()
    } catch (e) {
      setError(e)
    }
  }

  return (
    <section
      className="panel floor-panel"
      aria-labelledby="questions-h"
      data-testid="question-moderation"
    >
      <h2 id="questions-h">
        {t('floor.questions.title')}{' '}
        <span className="badge">{t('floor.questions.pending', { count: pending })}</span>
      </h2>
      <div role="group" aria-label={t('floor.questions.filter')} className="floor-filters">
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            className={`btn ${filter === f ? 'btn-primary' : 'btn-ghost'}`}
            aria-pressed={filter === f}
            onClick={() => setFilter(f)}
          >
            {t(`floor.questions.filter.${f}`)}
          </button>
        ))}
      </div>
      <ProblemBanner error={error ?? all.error} />
      {questions.length === 0 ? (
        <p className="hint">{t('floor.questions.none')}</p>
      ) : (
        <ul className="floor-questions">
          {questions.map((q) => (
            <li key={q.id} data-testid="question-item">
              <p className="floor-question-text">{q.text}</p>
              <p className="hint">
                {q.authorName}
                {q.pointName ? ` – ${q.pointName}` : ''} ·{' '}
                <time dateTime={q.askedAt}>{formatTime(q.askedAt, lang)}</time> ·{' '}
                {t(`floor.questionStatus.${q.status}`)}
              </p>
              {canEdit && q.status !== 'MERGED' && (
                <div
                  className="floor-actions"
                  role="group"
                  aria-label={t('floor.questions.actions')}
                >
                  {q.status !== 'APPROVED' && q.status !== 'ANSWERED' && (
                    <button
                      type="button"
                      className="btn btn-primary"
                      onClick={() => act(q.id, 'APPROVE')}
                    >
                      {t('floor.questions.approve')}
                    </button>
                  )}
                  {q.status !== 'ANSWERED' && (
                    <button type="button" className="btn" onClick={() => act(q.id, 'ANSWER')}>
                      {t('floor.questions.answer')}
                    </button>
                  )}
                  {q.status !== 'HIDDEN' && (
                    <button
                      type="button"
                      className="btn btn-ghost"
                      onClick={() => act(q.id, 'HIDE')}
                    >
                      {t('floor.questions.hide')}
                    </button>
                  )}
                  {merging === q.id ? (
                    <label>
                      {t('floor.questions.mergeInto')}
                      <select
                        defaultValue=""
                        onChange={(e) =>
                          e.target.value && act(q.id, 'MERGE', Number(e.target.value))
                        }
                      >
                        <option value="">{t('floor.questions.mergePick')}</option>
                        {targets
                          .filter((x) => x.id !== q.id)
                          .map((x) => (
                            <option key={x.id} value={x.id}>
                              {x.text.slice(0, 80)}
                            </option>
                          ))}
                      </select>
                    </label>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-ghost"
                      onClick={() => setMerging(q.id)}
                    >
                      {t('floor.questions.merge')}
                    </button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
