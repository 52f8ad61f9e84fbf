// The main-hall console: prepare a poll, open / close / publish it, and follow the live totals.
import { useCallback, useEffect, useState } from 'react'
import { ApiError, request } from '../../api'
import { useI18n } from '../../i18n'
import type { LivePanelProps } from '../../live'
import { PollBars } from './PollBars'
import { livePolls, type PollKind, type PollView } from './types'
import './poll.css'

const KINDS: PollKind[] = ['SINGLE', 'MULTIPLE', 'RATING', 'TEXT']

export function PollControlPanel({ sessionId, live }: LivePanelProps) {
  const { t } = useI18n()
  const [drafts, setDrafts] = useState<PollView[]>([])
  const [question, setQuestion] = useState('')
  const [kind, setKind] = useState<PollKind>('SINGLE')
  const [options, setOptions] = useState('')
  const [anonymous, setAnonymous] = useState(true)
  const [changeable, setChangeable] = useState(false)
  const [hidden, setHidden] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(() => {
    request<PollView[]>('GET', `/api/sessions/${sessionId}/polls`)
      .then((all) => setDrafts(all.filter((p) => p.status === 'DRAFT')))
      .catch(() => {})
  }, [sessionId])
  const running = livePolls(live.state?.polls)
  const runningIds = running.map((p) => p.id).join(',')
  useEffect(load, [load, runningIds])

  async function create(e: React.FormEvent) {
    e.preventDefault()
    setError(null)
    try {
      await request('POST', `/api/sessions/${sessionId}/polls`, {
        body: {
          question,
          kind,
          options: options
            .split('\n')
            .map((o) => o.trim())
            .filter(Boolean),
          maxChoices: null,
          anonymous,
          changeable,
          resultsHidden: hidden,
          agendaItemId: null,
        },
      })
      setQuestion('')
      setOptions('')
      load()
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err))
    }
  }

  return (
    <section aria-labelledby="poll-control-h" data-testid="poll-control">
      <h2 id="poll-control-h">{t('poll.control.title')}</h2>
      <form onSubmit={create} className="poll-card">
        <label className="field">
          {t('poll.control.question')}
          <input value={question} onChange={(e) => setQuestion(e.target.value)} maxLength={500} />
        </label>
        <label className="field">
          {t('poll.control.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as PollKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`poll.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {(kind === 'SINGLE' || kind === 'MULTIPLE') && (
          <label className="field">
            {t('poll.control.options')}
            <textarea rows={4} value={options} onChange={(e) => setOptions(e.target.value)} />
          </label>
        )}
        <label>
          <input
            type="checkbox"
            checked={anonymous}
            onChange={(e) => setAnonymous(e.target.checked)}
          />{' '}
          {t('poll.control.anonymous')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={changeable}
            onChange={(e) => setChangeable(e.target.checked)}
          />{' '}
          {t('poll.control.changeable')}
        </label>
        <label>
          <input type="checkbox" checked={hidden} onChange={(e) => setHidden(e.target.checked)} />{' '}
          {t('poll.control.hidden')}
        </label>
        {error && (
          <p role="alert" className="banner banner-error">
            {error}
          </p>
        )}
        <button type="submit">{t('poll.control.create')}</button>
      </form>
      {drafts.map((p) => (
        <article key={p.id} className="poll-card" data-testid={`poll-draft-${p.id}`}>
          <h3>{p.question}</h3>
          <button type="button" onClick={() => live.send({ type: 'poll.open', pollId: p.id })}>
            {t('poll.control.open')}
          </button>
        </article>
      ))}
      {running.map((p) => (
        <article key={p.id} className="poll-card" data-testid={`poll-running-${p.id}`}>
          <h3>
            {p.question} · {t(`poll.status.${p.status}`)}
          </h3>
          {p.status === 'OPEN' && (
            <button type="button" onClick={() => live.send({ type: 'poll.close', pollId: p.id })}>
              {t('poll.control.close')}
            </button>
          )}
          {p.status === 'CLOSED' && (
            <button type="button" onClick={() => live.send({ type: 'poll.publish', pollId: p.id })}>
              {t('poll.control.publish')}
            </button>
          )}
          {p.results && (
            <>
              <p>
                {t('poll.results.voters', { n: p.results.voters })} ·{' '}
                {t('poll.results.room', { n: p.results.roomVotes })}
              </p>
              {p.kind === 'TEXT' ? (
                <ul>
                  {p.results.texts.map((x, i) => (
                    <li key={i}>{x}</li>
                  ))}
                </ul>
              ) : (
                <PollBars results={p.results} />
              )}
            </>
          )}
        </article>
      ))}
    </section>
  )
}
