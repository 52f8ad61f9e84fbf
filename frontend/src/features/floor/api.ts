// REST calls of the floor feature (changes to the floor itself are live commands: live.send).
import { request } from '../../api/client'
import type { QuestionStatus, QuestionView } from '../../live/messages'

export type ModerationAction = 'APPROVE' | 'ANSWER' | 'HIDE' | 'MERGE'

export const floorApi = {
  questions: (sid: number, status?: QuestionStatus) =>
    request<QuestionView[]>('GET', `/api/sessions/${sid}/questions`, { query: { status } }),
  ask: (sid: number, text: string) =>
    request<QuestionView>('POST', `/api/sessions/${sid}/questions`, { body: { text } }),
  moderate: (sid: number, qid: number, action: ModerationAction, intoId?: number) =>
    request<QuestionView>('POST', `/api/sessions/${sid}/questions/${qid}/moderation`, {
      body: { action, intoId },
    }),
}

/** Longest question the server takes (diemcau.questions.max-length). */
export const MAX_QUESTION = 500
/** Longest topic of a request to speak. */
export const MAX_TOPIC = 300
