// The point console: the room's show-of-hands count per option, for people without phones.
import { useState } from 'react'
import { useI18n } from '../../i18n'
import type { LivePanelProps } from '../../live'
import { livePolls } from './types'
import './poll.css'

export function PollRoomResultPanel({ pointId, live }: LivePanelProps) {
  const { t } = useI18n()
  const [counts, setCounts] = useState<Record<number, string[]>>({})
  const [sent, setSent] = useState<Record<number, boolean>>({})
  if (pointId == null) return null
  const polls = livePolls(live.state?.polls).filter(
    (p) => (p.status === 'OPEN' || p.status === 'CLOSED') && p.kind !== 'TEXT',
  )
  if (polls.length === 0) return null
  return (
    <section aria-labelledby="poll-room-h" data-testid="poll-room">
      <h2 id="poll-room-h">{t('poll.room.title')}</h2>
      {polls.map((p) => {
        const values = counts[p.id] ?? p.options.map(() => '')
        return (
          <form
            key={p.id}
            className="poll-card"
            onSubmit={(e) => {
              e.preventDefault()
              live.send({
                type: 'poll.room_result',
                pollId: p.id,
                pointId,
                counts: values.map((v) => Number(v || 0)),
              })
              setSent((s) => ({ ...s, [p.id]: true }))
            }}
          >
            <h3>{p.question}</h3>
            {p.options.map((label, i) => (
              <label key={i} className="field">
                {label}
                <input
                  type="number"
                  min={0}
                  max={100000}
                  inputMode="numeric"
                  value={values[i]}
                  onChange={(e) => {
                    const next = [...values]
                    next[i] = e.target.value
                    setCounts((c) => ({ ...c, [p.id]: next }))
                  }}
                />
              </label>
            ))}
            <button type="submit">{t('poll.room.send')}</button>
            {sent[p.id] && <span role="status"> {t('poll.room.sent')}</span>}
          </form>
        )
      })}
    </section>
  )
}
