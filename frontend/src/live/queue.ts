import type { CommandMessage, LiveCommand } from './messages'

/** A command the user made that the server has not answered yet. */
export interface PendingCommand {
  commandId: string
  command: CommandMessage
  /** When the user acted (ISO instant), to show in the queued list. */
  createdAt: string
}

/** The part of localStorage the queue needs (tests pass a Map-backed one). */
export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export function newCommandId(): string {
  const c = globalThis.crypto as Crypto | undefined
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  // Plain-HTTP pages in old browsers lack randomUUID: a v4-shaped id from getRandomValues or Math.random.
  const bytes = new Uint8Array(16)
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes)
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256)
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export function queueKey(sessionId: number, pointId?: number | null): string {
  return pointId == null
    ? `diemcau.live.queue.${sessionId}`
    : `diemcau.live.queue.${sessionId}.${pointId}`
}

function browserStore(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

/**
 * The commands not yet answered, in the order the user made them, kept in localStorage so a reload
 * (or a crashed tab) still delivers them. Each keeps its commandId for good: the server applies a
 * command once however often it is resent.
 */
export class CommandQueue {
  private items: PendingCommand[]
  private readonly key: string
  private readonly store: KeyValueStore | null

  constructor(key: string, store: KeyValueStore | null = browserStore()) {
    this.key = key
    this.store = store
    this.items = this.load()
  }

  private load(): PendingCommand[] {
    try {
      const raw = this.store?.getItem(this.key)
      const parsed: unknown = raw ? JSON.parse(raw) : []
      return Array.isArray(parsed)
        ? parsed.filter(
            (p): p is PendingCommand =>
              typeof p === 'object' && p !== null && typeof p.commandId === 'string' && !!p.command,
          )
        : []
    } catch {
      return []
    }
  }

  private save(): void {
    try {
      if (this.items.length === 0) this.store?.removeItem(this.key)
      else this.store?.setItem(this.key, JSON.stringify(this.items))
    } catch {
      // storage full or blocked: the queue still works for this page
    }
  }

  /** Adds a command with a fresh commandId and returns it as queued. */
  add(command: LiveCommand, now: Date = new Date()): PendingCommand {
    const commandId = newCommandId()
    const pending: PendingCommand = {
      commandId,
      command: { ...command, commandId } as CommandMessage,
      createdAt: now.toISOString(),
    }
    this.items = [...this.items, pending]
    this.save()
    return pending
  }

  /** Removes the answered command; false when it was not queued here. */
  remove(commandId: string): PendingCommand | undefined {
    const found = this.items.find((p) => p.commandId === commandId)
    if (!found) return undefined
    this.items = this.items.filter((p) => p.commandId !== commandId)
    this.save()
    return found
  }

  /** The queued commands, oldest first (a new array whenever the queue changes). */
  list(): readonly PendingCommand[] {
    return this.items
  }
}
