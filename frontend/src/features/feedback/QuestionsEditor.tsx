// The question list of a feedback form or template: ratings 1–5, single choices with their
// options, free text. Ratings and choices must be answered; free text may stay empty.
import { useRef } from 'react'
import { useI18n } from '../../i18n'
import type { QuestionKind } from './api'
import { blank, KINDS, move, type Draft } from './questions'

interface Props {
  idPrefix: string
  questions: Draft[]
  onChange: (questions: Draft[]) => void
  readOnly?: boolean
}

export function QuestionsEditor({ idPrefix, questions, onChange, readOnly }: Props) {
  const { t } = useI18n()
  const list = useRef<HTMLOListElement>(null)

  const update = (i: number, patch: Partial<Draft>) =>
    onChange(questions.map((q, k) => (k === i ? { ...q, ...patch } : q)))

  function add(kind: QuestionKind) {
    onChange([...questions, blank(kind)])
    // Focus the new question's text so keyboard users can type at once.
    setTimeout(() => {
      const inputs = list.current?.querySelectorAll<HTMLInputElement>('input.feedback-q-text')
      inputs?.[inputs.length - 1]?.focus()
    })
  }

  return (
    <div className="feedback-questions">
      {questions.length === 0 && <p className="empty">{t('feedback.q.none')}</p>}
      <ol ref={list} className="feedback-q-list">
        {questions.map((q, i) => {
          const n = i + 1
          const id = `${idPrefix}-q${i}`
          return (
            <li key={i} className="feedback-q" data-testid="feedback-question">
              <fieldset disabled={readOnly}>
                <legend>
                  {t('feedback.q.legend', { n })} · {t(`feedback.kind.${q.kind}`)}
                </legend>
                <div className="feedback-q-row">
                  <div className="field">
                    <label htmlFor={`${id}-kind`}>{t('feedback.q.kind')}</label>
                    <select
                      id={`${id}-kind`}
                      value={q.kind}
                      onChange={(e) => {
                        const kind = e.target.value as QuestionKind
                        update(i, {
                          kind,
                          options: kind === 'CHOICE' && q.options.length < 2 ? ['', ''] : q.options,
                        })
                      }}
                    >
                      {KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`feedback.kind.${k}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field feedback-q-textfield">
                    <label htmlFor={`${id}-text`}>{t('feedback.q.text', { n })}</label>
                    <input
                      id={`${id}-text`}
                      className="feedback-q-text"
                      value={q.text}
                      maxLength={500}
                      required
                      onChange={(e) => update(i, { text: e.target.value })}
                    />
                  </div>
                </div>
                <p className="hint">
                  {q.kind === 'TEXT' ? t('feedback.q.optional') : t('feedback.q.required')}
                </p>
                {q.kind === 'CHOICE' && (
                  <div
                    className="feedback-options"
                    role="group"
                    aria-label={t('feedback.q.options', { n })}
                  >
                    {q.options.map((o, k) => (
                      <div key={k} className="feedback-option">
                        <label htmlFor={`${id}-o${k}`}>
                          {t('feedback.q.option', { k: k + 1 })}
                        </label>
                        <input
                          id={`${id}-o${k}`}
                          value={o}
                          maxLength={200}
                          required
                          onChange={(e) =>
                            update(i, {
                              options: q.options.map((x, j) => (j === k ? e.target.value : x)),
                            })
                          }
                        />
                        <button
                          type="button"
                          className="btn btn-small btn-ghost"
                          disabled={q.options.length <= 2}
                          aria-label={t('feedback.q.removeOption', { k: k + 1, n })}
                          onClick={() =>
                            update(i, { options: q.options.filter((_, j) => j !== k) })
                          }
                        >
                          ×
                        </button>
                      </div>
                    ))}
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={q.options.length >= 20}
                      onClick={() => update(i, { options: [...q.options, ''] })}
                    >
                      {t('feedback.q.addOption')}
                    </button>
                  </div>
                )}
                <div className="actions" role="group" aria-label={t('feedback.q.actions', { n })}>
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={i === 0}
                    aria-label={t('feedback.q.up', { n })}
                    onClick={() => onChange(move(questions, i, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={i === questions.length - 1}
                    aria-label={t('feedback.q.down', { n })}
                    onClick={() => onChange(move(questions, i, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-danger-outline"
                    aria-label={t('feedback.q.remove', { n })}
                    onClick={() => onChange(questions.filter((_, k) => k !== i))}
                  >
                    {t('feedback.q.removeShort')}
                  </button>
                </div>
              </fieldset>
            </li>
          )
        })}
      </ol>
      {!readOnly && (
        <div className="actions" role="group" aria-label={t('feedback.q.add')}>
          {KINDS.map((k) => (
            <button key={k} type="button" className="btn btn-small" onClick={() => add(k)}>
              {t(`feedback.q.add.${k}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
