import type { FieldError, Problem } from './types'

export type Lang = 'vi' | 'en'

/** A failed API call, carrying the server's problem JSON (or one made up for network failures). */
export class ApiError extends Error {
  readonly problem: Problem

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`)
    this.name = 'ApiError'
    this.problem = problem
  }

  get status(): number {
    return this.problem.status
  }

  get code(): string | undefined {
    return this.problem.code
  }
}

let language: Lang = 'vi'
let sessionExpired: () => void = () => {}

/** The server answers errors in this language; the i18n provider keeps it in step with the UI. */
export function setApiLanguage(lang: Lang): void {
  language = lang
}

/** Called when the server says the sign-in is gone (401, or 499 from an expired OIDC session). */
export function onSessionExpired(handler: () => void): void {
  sessionExpired = handler
}

export type QueryValue = string | number | boolean | null | undefined

export function buildQuery(params: Record<string, QueryValue> = {}): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue
    search.append(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' && value !== null && typeof (value as FieldError).message === 'string'
  )
}

/**
 * Reads an error response into a Problem. Proxies and servlet containers sometimes answer with
 * HTML or nothing at all; those still become a Problem with the status, so callers need one path.
 */
export function parseProblem(status: number, contentType: string | null, body: string): Problem {
  if (contentType && /json/i.test(contentType) && body.trim()) {
    try {
      const raw = JSON.parse(body) as Record<string, unknown>
      if (raw && typeof raw === 'object') {
        return {
          type: typeof raw.type === 'string' ? raw.type : undefined,
          title: typeof raw.title === 'string' ? raw.title : undefined,
          status: typeof raw.status === 'number' ? raw.status : status,
          detail: typeof raw.detail === 'string' ? raw.detail : undefined,
          instance: typeof raw.instance === 'string' ? raw.instance : undefined,
          code: typeof raw.code === 'string' ? raw.code : undefined,
          errors: Array.isArray(raw.errors) ? raw.errors.filter(isFieldError) : [],
        }
      }
    } catch {
      // not JSON after all: fall through to the generic problem
    }
  }
  return { status, code: 'http', errors: [] }
}

/** Per-field messages keyed by field name, for showing them next to the inputs. */
export function fieldErrors(problem: Problem | null | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of problem?.errors ?? []) {
    if (!e.field) continue
    out[e.field] = out[e.field] ? `${out[e.field]} ${e.message}` : e.message
  }
  return out
}

export interface RequestOptions {
  query?: Record<string, QueryValue>
  body?: unknown
  form?: FormData
  signal?: AbortSignal
}

export async function request<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    'X-Requested-With': 'JavaScript',
    'Accept-Language': language,
    Accept: 'application/json, application/problem+json',
  }
  let body: BodyInit | undefined
  if (options.form) {
    body = options.form
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  let response: Response
  try {
    response = await fetch(path + buildQuery(options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError({ status: 0, code: 'network', errors: [] })
  }
  const text = await response.text()
  if (!response.ok) {
    const problem = parseProblem(response.status, response.headers.get('Content-Type'), text)
    if (response.status === 401 || response.status === 499) sessionExpired()
    throw new ApiError(problem)
  }
  return (text ? JSON.parse(text) : undefined) as T
}

/** A file the server makes (PDF): fetched with the same headers and errors as JSON, saved by the browser. */
export async function download(
  method: string,
  path: string,
  query: Record<string, QueryValue> = {},
): Promise<{ blob: Blob; filename: string }> {
  let response: Response
  try {
    response = await fetch(path + buildQuery(query), {
      method,
      headers: { 'X-Requested-With': 'JavaScript', 'Accept-Language': language },
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiError({ status: 0, code: 'network', errors: [] })
  }
  if (!response.ok) {
    const problem = parseProblem(
      response.status,
      response.headers.get('Content-Type'),
      await response.text(),
    )
    if (response.status === 401 || response.status === 499) sessionExpired()
    throw new ApiError(problem)
  }
  const filename = dispositionFileName(response.headers.get('Content-Disposition')) ?? 'download'
  return { blob: await response.blob(), filename }
}

/**
 * The file name of a Content-Disposition: the exact (Vietnamese) one of filename*=UTF-8''…
 * (RFC 8187) when there, else the plain ASCII fallback.
 */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null
  const exact = /filename\*=UTF-8''([^;\s]+)/i.exec(header)?.[1]
  if (exact) {
    try {
      return decodeURIComponent(exact)
    } catch {
      // a malformed escape: the fallback below is still a usable name
    }
  }
  return /filename="([^"]*)"/i.exec(header)?.[1] || null
}

/** Hands a downloaded file to the browser's save dialog. */
export function saveFile(file: { blob: Blob; filename: string }): void {
  const url = URL.createObjectURL(file.blob)
  const a = document.createElement('a')
  a.href = url
  a.download = file.filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
