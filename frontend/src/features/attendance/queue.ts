import type { AttendanceCommand } from './api'

/** A command waiting to be sent, with the id that makes a resend harmless. */
export interface Queued {
  commandId: string
  command: AttendanceCommand
}

/**
 * The point console's offline queue of attendance commands: kept in localStorage so a reload or
 * a dead battery does not lose them; each keeps its commandId, so the server applies it once
 * however many times it is sent.
 */
export class CommandQueue {
  private readonly key: string

  constructor(sessionId: number, pointId: number) {
    this.key = `diemcau.attendance.queue.${sessionId}.${pointId}`
  }

  all(): Queued[] {
    try {
      return JSON.parse(localStorage.getItem(this.key) ?? '[]') as Queued[]
    } catch {
      return []
    }
  }

  push(q: Queued): void {
    localStorage.setItem(this.key, JSON.stringify([...this.all(), q]))
  }

  remove(commandId: string): void {
    localStorage.setItem(
      this.key,
      JSON.stringify(this.all().filter((q) => q.commandId !== commandId)),
    )
  }
}

export function newCommandId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
}
