import { barWidth, type PollResults } from './types'

/** A horizontal bar chart of the totals (phones + room counts). */
export function PollBars({ results, big = false }: { results: PollResults; big?: boolean }) {
  return (
    <ul className={big ? 'poll-bars poll-bars-big' : 'poll-bars'} data-testid="poll-bars">
      {results.options.map((o) => (
        <li key={o.position}>
          <span className="poll-bar-label">{o.label}</span>
          <span className="poll-bar-track">
            <span className="poll-bar" style={{ width: `${barWidth(o.total, results)}%` }} />
          </span>
          <span className="poll-bar-total" data-testid={`poll-total-${o.position}`}>
            {o.total}
          </span>
        </li>
      ))}
    </ul>
  )
}
