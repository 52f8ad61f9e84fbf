// The feedback summary for the organizer: per question the average and the distribution as bars
// (ratings 1–5, choices per option), every free-text answer, and the XLSX/PDF exports.
import { useI18n } from '../../i18n'
import { ProblemBanner } from '../../ui/ProblemBanner'
import type { Loaded } from '../../lib/hooks'
import { summaryUrl, type Summary, type SummaryQuestion } from './api'
import { barLabels, percent } from './questions'

export function FeedbackSummaryView({
  sessionId,
  summary,
  onRefresh,
}: {
  sessionId: number
  summary: Loaded<Summary>
  onRefresh: () => void
}) {
  const { t, lang } = useI18n()
  const s = summary.data
  return (
    <section className="feedback-summary" aria-labelledby="feedback-summary-h">
      <div className="section-head">
        <h2 id="feedback-summary-h">{t('feedback.summary.title')}</h2>
        <div className="actions">
          <button type="button" className="btn btn-small" onClick={onRefresh}>
            {t('feedback.summary.refresh')}
          </button>
          <a className="btn btn-small" href={summaryUrl(sessionId, 'xlsx')} download>
            {t('feedback.summary.xlsx')}
          </a>
          <a className="btn btn-small" href={summaryUrl(sessionId, 'pdf')} download>
            {t('feedback.summary.pdf')}
          </a>
        </div>
      </div>
      <ProblemBanner error={summary.error} onRetry={summary.reload} />
      {/* Polite: a refreshed summary is read out without stealing focus. */}
      <div aria-live="polite" aria-busy={summary.loading}>
        {s && (
          <>
            <p data-testid="feedback-summary-responses">
              {t('feedback.summary.responses', { count: s.responses })}
            </p>
            <ol className="feedback-summary-list">
              {s.questions.map((q) => (
                <li key={q.position} data-testid="feedback-summary-question">
                  <h3>
                    {q.position + 1}. {q.text}
                  </h3>
                  <p className="hint">
                    {t(`feedback.kind.${q.kind}`)} ·{' '}
                    {t('feedback.summary.answered', { count: q.answered })}
                    {q.average !== null && (
                      <>
                        {' · '}
                        <strong data-testid="feedback-average">
                          {t('feedback.summary.average', {
                            value: q.average.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
                              maximumFractionDigits: 2,
                            }),
                          })}
                        </strong>
                      </>
                    )}
                  </p>
                  {q.kind === 'TEXT' ? <Texts q={q} /> : <Bars q={q} />}
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </section>
  )
}

function Bars({ q }: { q: SummaryQuestion }) {
  const { t } = useI18n()
  const labels = barLabels(q.kind, q.options)
  return (
    <ul
      className="feedback-bars"
      aria-label={t('feedback.summary.distribution', { n: q.position + 1 })}
    >
      {q.distribution.map((count, i) => {
        const p = percent(count, q.answered)
        return (
          <li key={i} data-testid="feedback-bar">
            <span className="feedback-bar-label">{labels[i]}</span>
            <span className="feedback-bar-track" aria-hidden="true">
              <span className="feedback-bar" style={{ width: `${p}%` }} />
            </span>
            <span className="feedback-bar-count">
              {t('feedback.summary.count', { count, percent: p })}
            </span>
          </li>
        )
      })}
    </ul>
  )
}

function Texts({ q }: { q: SummaryQuestion }) {
  const { t } = useI18n()
  if (q.texts.length === 0) return <p className="empty">{t('feedback.summary.noTexts')}</p>
  return (
    <ul className="feedback-texts" aria-label={t('feedback.summary.texts', { n: q.position + 1 })}>
      {q.texts.map((text, i) => (
        <li key={i} data-testid="feedback-text">
          {text}
        </li>
      ))}
    </ul>
  )
}
