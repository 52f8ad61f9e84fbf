// Pure helpers of the feedback screens: the editable question list and the summary's bars.
import type { Question, QuestionKind } from './api'

/** A question while it is edited: options always a list (used for CHOICE only). */
export interface Draft {
  kind: QuestionKind
  text: string
  options: string[]
}

export const KINDS: readonly QuestionKind[] = ['RATING', 'CHOICE', 'TEXT']

export function blank(kind: QuestionKind): Draft {
  return { kind, text: '', options: kind === 'CHOICE' ? ['', ''] : [] }
}

export function toDrafts(questions: readonly Question[] | null | undefined): Draft[] {
  return (questions ?? []).map((q) => ({
    kind: q.kind,
    text: q.text,
    options: q.kind === 'CHOICE' ? [...(q.options ?? [])] : [],
  }))
}

/** What the API takes: trimmed, options only for CHOICE, positions in order. */
export function toQuestions(drafts: readonly Draft[]): Question[] {
  return drafts.map((d, position) => ({
    position,
    kind: d.kind,
    text: d.text.trim(),
    options: d.kind === 'CHOICE' ? d.options.map((o) => o.trim()) : null,
  }))
}

/** The list with item `i` moved up (-1) or down (+1); unchanged at the ends. */
export function move<T>(list: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return [...list]
  const out = list.filter((_, k) => k !== i)
  out.splice(j, 0, list[i] as T)
  return out
}

/** Share of `count` in `total`, in whole percent (0 when nobody answered). */
export function percent(count: number, total: number): number {
  return total > 0 ? Math.round((count * 100) / total) : 0
}

/** Labels of a summary question's bars: 1–5 for ratings, the options for choices. */
export function barLabels(kind: QuestionKind, options: readonly string[]): string[] {
  return kind === 'RATING' ? ['1', '2', '3', '4', '5'] : [...options]
}
