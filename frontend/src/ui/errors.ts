import { ApiError } from '../api/client'
import type { FieldError, Problem } from '../api/types'
import type { Translate } from '../i18n'

/** The sentence to show for any failure: the server's own detail when it sent one. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) return problemText(error.problem, t)
  if (error instanceof Error && error.message) return error.message
  return t('error.http', { status: '?' })
}

export function problemText(problem: Problem, t: Translate): string {
  if (problem.detail) return problem.detail
  if (problem.code === 'network') return t('error.network')
  return problem.title ?? t('error.http', { status: problem.status })
}

export function problemOf(error: unknown): Problem | null {
  return error instanceof ApiError ? error.problem : null
}

/** Field errors that no input on the form claims, so the banner lists them instead of losing them. */
export function unclaimedErrors(error: unknown, fields: readonly string[]): FieldError[] {
  const problem = problemOf(error)
  if (!problem) return []
  return problem.errors.filter((e) => !e.field || !fields.includes(e.field))
}
