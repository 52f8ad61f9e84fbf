// Big-screen panel: who speaks now, how many wait, and the approved questions, in large type.
import { useI18n } from '../../i18n'
import type { LivePanelProps } from '../../live'
import { screenQuestions } from './floorState'
import { who } from './parts'
import './floor.css'

export function FloorBigPanel({ live }: LivePanelProps) {
  const { t } = useI18n()
  const floor = live.state?.floor ?? { speaking: null, queue: [] }
  const questions = screenQuestions(live.state?.questions).filter((q) => q.status === 'APPROVED')
  return (
    <section className="floor-big" aria-labelledby="floor-big-h" data-testid="floor-big">
      <h2 id="floor-big-h">{t('floor.big.title')}</h2>
      <div aria-live="polite" className="floor-big-speaker">
        {floor.speaking ? (
          <>
            <div className="floor-big-name">{who(floor.speaking)}</div>
            <div className="floor-big-topic">{floor.speaking.topic}</div>
          </>
        ) : (
          <div className="floor-big-topic">{t('floor.nobody')}</div>
        )}
        {floor.queue.length > 0 && (
          <div className="floor-big-waiting">
            {t('floor.big.waiting', { count: floor.queue.length })}
          </div>
        )}
      </div>
      {questions.length > 0 && (
        <>
          <h3>{t('floor.big.questions')}</h3>
          <ol className="floor-big-questions">
            {questions.slice(0, 5).map((q) => (
              <li key={q.id}>
                <span className="floor-big-q">{q.text}</span>
                <span className="floor-big-author">
                  {q.authorName}
                  {q.pointName ? ` – ${q.pointName}` : ''}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
