// Participant phone panel: send one written question (length limit shown as you type), and see
// your own questions with their state and the approved ones of everyone.
import { useState } from 'react'
import { api } from '../../api'
import { useI18n } from '../../i18n'
import type { LivePanelProps } from '../../live'
import { useLoad } from '../../lib/hooks'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { MAX_QUESTION, floorApi } from './api'
import './floor.css'

export function AskQuestionPanel({ sessionId, live }: LivePanelProps) {
  const { t } = useI18n()
  const [text, setText] = useState('')
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [sent, setSent] = useState(false)
  const me = useLoad(() => api.participant.me(), 'me')
  const signal = (live.state?.questions ?? []).map((q) => `${q.id}:${q.status}`).join(',')
  const list = useLoad(() => floorApi.questions(sessionId), `${sessionId}/${signal}`)
  const delegateId = me.data?.delegateId
  const mine = (list.data ?? []).filter((q) => q.delegateId === delegateId)
  const open = live.state?.session.status === 'LIVE' || live.state?.session.status === 'SCHEDULED'

  async function submit(e: React.FormEvent) {
    e.preventDefault()
    if (!text.trim()) return
    setSending(true)
    setError(null)
    setSent(false)
    try {
      await floorApi.ask(sessionId, text.trim())
      setText('')
      setSent(true)
      list.reload()
    } catch (err) {
      setError(err)
    } finally {
      setSending(false)
    }
  }

  return (
    <section className="panel floor-panel" aria-labelledby="ask-h" data-testid="ask-question">
      <h2 id="ask-h">{t('floor.ask.title')}</h2>
      {/* The floor queue is for the points; written questions stay open while it is closed. */}
      <div aria-live="polite">
        {live.state?.floor?.queueClosed && (
          <p className="banner banner-info" data-testid="ask-floor-closed">
            {t('floor.queue.closedNotice')}
          </p>
        )}
      </div>
      {open && (
        <form onSubmit={submit} className="floor-ask">
          <label htmlFor="ask-text">{t('floor.ask.label')}</label>
          <textarea
            id="ask-text"
            rows={3}
            value={text}
            maxLength={MAX_QUESTION}
            onChange={(e) => setText(e.target.value)}
            aria-describedby="ask-count"
          />
          <span id="ask-count" className="hint">
            {t('floor.ask.count', { used: text.length, max: MAX_QUESTION })}
          </span>
          <button type="submit" className="btn btn-primary" disabled={sending || !text.trim()}>
            {sending ? t('floor.ask.sending') : t('floor.ask.submit')}
          </button>
        </form>
      )}
      <div aria-live="polite">
        {sent && <p className="banner banner-success">{t('floor.ask.sent')}</p>}
        <ProblemBanner error={error} />
      </div>
      {mine.length > 0 && (
        <>
          <h3>{t('floor.ask.mine')}</h3>
          <ul className="floor-questions">
            {mine.map((q) => (
              <li key={q.id} data-testid="my-question">
                {q.text} <span className="badge">{t(`floor.questionStatus.${q.status}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
