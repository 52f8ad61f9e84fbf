// Test doubles for LiveClient's seams (used by the Vitest tests; no browser, no server).
import type { NetworkLike, SocketLike, Timers } from './LiveClient'
import type { AgendaLiveItem, LiveSnapshot, PointLiveView } from './messages'
import type { KeyValueStore } from './queue'

export class FakeSocket implements SocketLike {
  readyState = 0
  onopen: SocketLike['onopen'] = null
  onmessage: SocketLike['onmessage'] = null
  onclose: SocketLike['onclose'] = null
  onerror: SocketLike['onerror'] = null
  readonly sent: unknown[] = []
  closedWith: number | undefined
  readonly url: string

  constructor(url: string) {
    this.url = url
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open')
    this.sent.push(JSON.parse(data))
  }

  close(code?: number): void {
    this.closedWith = code
    this.readyState = 3
  }

  // ---- driven by the test ----
  open(): void {
    this.readyState = 1
    this.onopen?.({})
  }

  receive(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) })
  }

  drop(code = 1006): void {
    this.readyState = 3
    this.onclose?.({ code })
  }
}

export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>()
  getItem(key: string): string | null {
    return this.data.get(key) ?? null
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value)
  }
  removeItem(key: string): void {
    this.data.delete(key)
  }
}

interface Timer {
  id: number
  at: number
  fn: () => void
  every: number | null
}

/** Manual clock: advance(ms) runs what falls due, in order. */
export class FakeTimers implements Timers {
  now = 0
  private next = 1
  private timers: Timer[] = []

  setTimeout(fn: () => void, ms: number): unknown {
    const t = { id: this.next++, at: this.now + ms, fn, every: null }
    this.timers.push(t)
    return t.id
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle)
  }
  setInterval(fn: () => void, ms: number): unknown {
    const t = { id: this.next++, at: this.now + ms, fn, every: ms }
    this.timers.push(t)
    return t.id
  }
  clearInterval(handle: unknown): void {
    this.clearTimeout(handle)
  }
  /** Delays of the timeouts waiting now (not intervals). */
  pendingDelays(): number[] {
    return this.timers.filter((t) => t.every === null).map((t) => t.at - this.now)
  }
  advance(ms: number): void {
    const end = this.now + ms
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      this.now = due.at
      if (due.every === null) this.timers = this.timers.filter((t) => t !== due)
      else due.at += due.every
      due.fn()
    }
    this.now = end
  }
}

export class FakeNetwork implements NetworkLike {
  online = true
  private listeners = new Set<(online: boolean) => void>()
  isOnline(): boolean {
    return this.online
  }
  subscribe(onChange: (online: boolean) => void): () => void {
    this.listeners.add(onChange)
    return () => this.listeners.delete(onChange)
  }
  set(online: boolean): void {
    this.online = online
    for (const l of this.listeners) l(online)
  }
}

export function item(id: number, patch: Partial<AgendaLiveItem> = {}): AgendaLiveItem {
  return {
    id,
    position: id,
    title: `Mục ${id}`,
    presenter: null,
    plannedStart: null,
    durationMinutes: 10,
    plannedEnd: null,
    status: 'PENDING',
    actualStart: null,
    actualEnd: null,
    ...patch,
  }
}

export function point(id: number, patch: Partial<PointLiveView> = {}): PointLiveView {
  return {
    id,
    name: `Điểm ${id}`,
    mainHall: false,
    unitLevel: 'COMMUNE',
    expectedCount: 20,
    status: 'NOT_JOINED',
    statusSince: null,
    lastHeartbeatAt: null,
    trouble: null,
    troubleNote: null,
    presentCount: null,
    readyAt: null,
    ...patch,
  }
}

export function snapshot(seq = 100): LiveSnapshot {
  return {
    type: 'live.snapshot',
    seq,
    session: { id: 7, title: 'Hội nghị', status: 'SCHEDULED', startsAt: null, endsAt: null },
    agenda: [item(1), item(2), item(3)],
    points: [point(10, { mainHall: true }), point(11), point(12)],
    rollCall: null,
    heartbeatSeconds: 10,
  }
}
