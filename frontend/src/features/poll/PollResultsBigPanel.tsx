// The big screen: the latest poll's results, readable from the back of the hall.
import { useI18n } from '../../i18n'
import type { LivePanelProps } from '../../live'
import { PollBars } from './PollBars'
import { livePolls } from './types'
import './poll.css'

export function PollResultsBigPanel({ live }: LivePanelProps) {
  const { t } = useI18n()
  const poll = livePolls(live.state?.polls).find((p) => p.status !== 'DRAFT' && p.results)
  if (!poll || !poll.results) return null
  return (
    <section aria-labelledby="poll-big-h" data-testid="poll-big">
      <h2 id="poll-big-h">{poll.question}</h2>
      <p>
        {t(`poll.status.${poll.status}`)} · {t('poll.results.voters', { n: poll.results.voters })}
        {poll.results.roomVotes > 0 &&
          ` · ${t('poll.results.room', { n: poll.results.roomVotes })}`}
      </p>
      {poll.kind === 'TEXT' ? (
        <ul>
          {poll.results.texts.slice(-10).map((x, i) => (
            <li key={i}>{x}</li>
          ))}
        </ul>
      ) : (
        <PollBars results={poll.results} big />
      )}
      {poll.results.average != null && (
        <p>{t('poll.results.average', { avg: poll.results.average })}</p>
      )}
    </section>
  )
}
