// The feedback feature's REST calls and wire types (kept here, not in api/, so parallel branches
// do not collide in the shared files).
import { request } from '../../api/client'

export type QuestionKind = 'RATING' | 'CHOICE' | 'TEXT'
export type FormStatus = 'DRAFT' | 'OPEN' | 'CLOSED'

export interface Question {
  position?: number
  kind: QuestionKind
  text: string
  options: string[] | null
}

export interface TemplateView {
  id: number
  name: string
  questions: Question[]
}

export interface FormView {
  id: number
  sessionId: number
  title: string
  status: FormStatus
  openOnEnd: boolean
  opensAt: string | null
  openedAt: string | null
  closedAt: string | null
  questions: Question[]
  responses: number | null
  answered: boolean
}

export interface FormRequest {
  templateId?: number | null
  title: string
  openOnEnd: boolean
  opensAt: string | null
  questions: Question[]
}

export interface SummaryQuestion {
  position: number
  kind: QuestionKind
  text: string
  options: string[]
  answered: number
  average: number | null
  distribution: number[]
  texts: string[]
}

export interface Summary {
  formId: number
  title: string
  status: FormStatus
  responses: number
  questions: SummaryQuestion[]
}

const base = (sid: number) => `/api/sessions/${sid}/feedback`

export const feedbackApi = {
  templates: () => request<TemplateView[]>('GET', '/api/feedback-templates'),
  createTemplate: (name: string, questions: Question[]) =>
    request<TemplateView>('POST', '/api/feedback-templates', { body: { name, questions } }),
  updateTemplate: (id: number, name: string, questions: Question[]) =>
    request<TemplateView>('PUT', `/api/feedback-templates/${id}`, { body: { name, questions } }),
  deleteTemplate: (id: number) => request<void>('DELETE', `/api/feedback-templates/${id}`),
  form: (sid: number) => request<FormView>('GET', base(sid)),
  setForm: (sid: number, body: FormRequest) => request<FormView>('PUT', base(sid), { body }),
  open: (sid: number) => request<FormView>('POST', `${base(sid)}/open`),
  close: (sid: number) => request<FormView>('POST', `${base(sid)}/close`),
  summary: (sid: number) => request<Summary>('GET', `${base(sid)}/summary`),
}

/** The summary as a file (same-origin link: the browser's download keeps the sign-in cookie). */
export const summaryUrl = (sid: number, format: 'xlsx' | 'pdf') => `${base(sid)}/summary.${format}`
