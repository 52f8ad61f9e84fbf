// The participant's phone: answer the open polls in a few taps; see results once allowed.
import { useEffect, useState } from 'react'
import { request } from '../../api'
import { useI18n } from '../../i18n'
import type { LivePanelProps } from '../../live'
import { PollBars } from './PollBars'
import { livePolls, type PollView } from './types'
import './poll.css'

export function PollVotePanel({ sessionId, live }: LivePanelProps) {
  const { t } = useI18n()
  const [mine, setMine] = useState<Record<number, number[] | string>>({})
  const [picked, setPicked] = useState<Record<number, number[]>>({})
  const [texts, setTexts] = useState<Record<number, string>>({})
  useEffect(() => {
    request<PollView[]>('GET', `/api/sessions/${sessionId}/polls`)
      .then((polls) => {
        const known: Record<number, number[] | string> = {}
        for (const p of polls) {
          if (p.myText) known[p.id] = p.myText
          else if (p.myChoices && p.myChoices.length > 0) known[p.id] = p.myChoices
        }
        setMine((m) => ({ ...known, ...m }))
      })
      .catch(() => {})
  }, [sessionId])
  const polls = livePolls(live.state?.polls).filter((p) => p.status !== 'DRAFT')
  if (polls.length === 0) return null

  function vote(p: PollView, choices: number[], text?: string) {
    live.send({ type: 'poll.vote', pollId: p.id, choices, text: text ?? null })
    setMine((m) => ({ ...m, [p.id]: text ?? choices }))
  }

  return (
    <section aria-labelledby="poll-vote-h" data-testid="poll-vote">
      <h2 id="poll-vote-h">{t('poll.vote.title')}</h2>
      {polls.map((p) => {
        const answered = mine[p.id] !== undefined
        const canAnswer = p.status === 'OPEN' && (!answered || p.changeable)
        const sel = picked[p.id] ?? []
        return (
          <article key={p.id} className="poll-card" data-testid={`poll-${p.id}`}>
            <h3>{p.question}</h3>
            {answered && (
              <p role="status" data-testid="poll-answered">
                {t('poll.vote.answered')}
              </p>
            )}
            {canAnswer && p.kind === 'TEXT' && (
              <form
                onSubmit={(e) => {
                  e.preventDefault()
                  if ((texts[p.id] ?? '').trim()) vote(p, [], texts[p.id])
                }}
              >
                <input
                  aria-label={p.question}
                  maxLength={500}
                  value={texts[p.id] ?? ''}
                  onChange={(e) => setTexts((x) => ({ ...x, [p.id]: e.target.value }))}
                />
                <button type="submit">{t('poll.vote.send')}</button>
              </form>
            )}
            {canAnswer && p.kind !== 'TEXT' && (
              <div className="poll-choices">
                {p.options.map((label, i) =>
                  p.kind === 'MULTIPLE' ? (
                    <label key={i}>
                      <input
                        type="checkbox"
                        checked={sel.includes(i)}
                        onChange={(e) =>
                          setPicked((x) => ({
                            ...x,
                            [p.id]: e.target.checked ? [...sel, i] : sel.filter((c) => c !== i),
                          }))
                        }
                      />{' '}
                      {label}
                    </label>
                  ) : (
                    <button key={i} type="button" onClick={() => vote(p, [i])}>
                      {label}
                    </button>
                  ),
                )}
                {p.kind === 'MULTIPLE' && (
                  <button
                    type="button"
                    disabled={sel.length === 0 || sel.length > (p.maxChoices ?? p.options.length)}
                    onClick={() => vote(p, sel)}
                  >
                    {t('poll.vote.send')} (
                    {t('poll.vote.max', { max: p.maxChoices ?? p.options.length })})
                  </button>
                )}
              </div>
            )}
            {p.status !== 'OPEN' && !p.results && <p>{t(`poll.status.${p.status}`)}</p>}
            {p.results && <PollBars results={p.results} />}
          </article>
        )
      })}
    </section>
  )
}
