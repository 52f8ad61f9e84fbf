import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff'
import {
  FINAL_CLOSE_CODES,
  type ClientMessage,
  type CommandMessage,
  type LiveCommand,
  type ServerMessage,
} from './messages'
import { CommandQueue, queueKey, type KeyValueStore, type PendingCommand } from './queue'
import { applyEvent, type LiveState } from './state'

export type Connection = 'connecting' | 'online' | 'offline'

/** Why the client gave up for good: the server closed with 4403 or 4404. */
export type FinalReason = 'forbidden' | 'not-found'

export interface Rejection {
  commandId: string | null
  code: string
  status: number
  message: string
  /** The refused command, when it was sent from here. */
  command?: CommandMessage
}

/** What a screen reads; a new object whenever anything in it changes. */
export interface LiveSnapshotView {
  state: LiveState | null
  connection: Connection
  queued: readonly PendingCommand[]
  rejections: readonly Rejection[]
  final: FinalReason | null
}

/** The bits of the browser's WebSocket the client uses (tests inject a fake). */
export interface SocketLike {
  readonly readyState: number
  onopen: ((ev: unknown) => void) | null
  onmessage: ((ev: { data: unknown }) => void) | null
  onclose: ((ev: { code: number; reason?: string }) => void) | null
  onerror: ((ev: unknown) => void) | null
  send(data: string): void
  close(code?: number, reason?: string): void
}

export type SocketFactory = (url: string) => SocketLike

/** Network status source: the window (online/offline events) and navigator.onLine in a browser. */
export interface NetworkLike {
  isOnline(): boolean
  subscribe(onChange: (online: boolean) => void): () => void
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  setInterval(fn: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
}

export interface LiveClientOptions {
  sessionId: number
  /** Set on a point console: heartbeats for this point, and a queue of its own. */
  pointId?: number | null
  url?: (sessionId: number, lastSeq: number | null) => string
  socket?: SocketFactory
  store?: KeyValueStore | null
  network?: NetworkLike | null
  timers?: Timers
  random?: () => number
  backoff?: BackoffOptions
}

const OPEN = 1

export function liveUrl(sessionId: number, lastSeq: number | null): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  const query = lastSeq == null ? '' : `?lastSeq=${lastSeq}`
  return `${scheme}://${location.host}/live/sessions/${sessionId}${query}`
}

function browserNetwork(): NetworkLike | null {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return null
  return {
    isOnline: () => navigator.onLine !== false,
    subscribe(onChange) {
      const on = () => onChange(true)
      const off = () => onChange(false)
      window.addEventListener('online', on)
      window.addEventListener('offline', off)
      return () => {
        window.removeEventListener('online', on)
        window.removeEventListener('offline', off)
      }
    },
  }
}

const browserTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (h) => globalThis.clearInterval(h as ReturnType<typeof setInterval>),
}

/**
 * One live connection of a screen to a session (docs/live-protocol.md): keeps the live state from
 * the snapshot and events, the highest seq, reconnects with backoff and resumes with ?lastSeq=,
 * gives up on 4403/4404, sends heartbeats for a point console, and delivers the user's commands
 * through a persistent queue: each stays queued (and is resent after every reconnect) until the
 * server answers it with live.ack or live.rejected.
 */
export class LiveClient {
  private readonly sessionId: number
  private readonly pointId: number | null
  private readonly url: (sessionId: number, lastSeq: number | null) => string
  private readonly socketFactory: SocketFactory
  private readonly network: NetworkLike | null
  private readonly timers: Timers
  private readonly random: () => number
  private readonly backoff: BackoffOptions
  private readonly queue: CommandQueue

  private socket: SocketLike | null = null
  private running = false
  private attempt = 0
  private lastSeq: number | null = null
  private retryTimer: unknown = null
  private heartbeatTimer: unknown = null
  private heartbeatEvery = 0
  private unsubscribeNetwork: (() => void) | null = null
  private readonly listeners = new Set<() => void>()
  private view: LiveSnapshotView

  constructor(options: LiveClientOptions) {
    this.sessionId = options.sessionId
    this.pointId = options.pointId ?? null
    this.url = options.url ?? liveUrl
    this.socketFactory = options.socket ?? ((url) => new WebSocket(url) as unknown as SocketLike)
    this.network = options.network === undefined ? browserNetwork() : options.network
    this.timers = options.timers ?? browserTimers
    this.random = options.random ?? Math.random
    this.backoff = options.backoff ?? DEFAULT_BACKOFF
    this.queue = new CommandQueue(queueKey(this.sessionId, this.pointId), options.store)
    this.view = {
      state: null,
      connection: 'connecting',
      queued: this.queue.list(),
      rejections: [],
      final: null,
    }
  }

  // ---- for screens and useSyncExternalStore ----

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): LiveSnapshotView => this.view

  private update(patch: Partial<LiveSnapshotView>): void {
    this.view = { ...this.view, ...patch }
    for (const listener of this.listeners) listener()
  }

  /** The highest seq seen, sent as ?lastSeq= on reconnect. */
  get seq(): number | null {
    return this.lastSeq
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.unsubscribeNetwork = this.network?.subscribe((online) => this.onNetwork(online)) ?? null
    this.connect()
  }

  /** Closes the socket and stops reconnecting; queued commands stay stored for the next start. */
  stop(): void {
    this.running = false
    this.unsubscribeNetwork?.()
    this.unsubscribeNetwork = null
    this.clearRetry()
    this.stopHeartbeat()
    const socket = this.socket
    this.socket = null
    socket?.close(1000)
  }

  /**
   * Queues a command (with a new commandId, stored so a reload keeps it) and sends it now when
   * online. It leaves the queue on its live.ack or live.rejected.
   */
  send = (command: LiveCommand): PendingCommand => {
    const pending = this.queue.add(command)
    this.update({ queued: this.queue.list() })
    if (this.isOpen()) this.write(pending.command)
    return pending
  }

  dismissRejection = (commandId: string | null): void => {
    this.update({ rejections: this.view.rejections.filter((r) => r.commandId !== commandId) })
  }

  // ---- connection ----

  private isOpen(): boolean {
    return (
      this.socket !== null && this.socket.readyState === OPEN && this.view.connection === 'online'
    )
  }

  private write(message: ClientMessage): void {
    try {
      this.socket?.send(JSON.stringify(message))
    } catch {
      // the close event follows; the command stays queued and is resent after reconnect
    }
  }

  private connect(): void {
    this.retryTimer = null
    if (!this.running || this.socket) return
    if (this.network && !this.network.isOnline()) {
      this.update({ connection: 'offline' })
      return // the online event reconnects
    }
    let socket: SocketLike
    try {
      socket = this.socketFactory(this.url(this.sessionId, this.lastSeq))
    } catch {
      this.scheduleReconnect()
      return
    }
    this.socket = socket
    if (this.view.connection !== 'offline') this.update({ connection: 'connecting' })
    socket.onopen = () => {
      if (socket !== this.socket) return
      this.attempt = 0
      this.update({ connection: 'online' })
      for (const pending of this.queue.list()) this.write(pending.command)
      this.startHeartbeat()
    }
    socket.onmessage = (event) => {
      if (socket !== this.socket || typeof event.data !== 'string') return
      let message: ServerMessage
      try {
        message = JSON.parse(event.data) as ServerMessage
      } catch {
        return
      }
      this.receive(message)
    }
    socket.onclose = (event) => {
      if (socket !== this.socket) return
      this.socket = null
      this.stopHeartbeat()
      if (FINAL_CLOSE_CODES.includes(event.code)) {
        this.running = false
        this.update({
          connection: 'offline',
          final: event.code === 4404 ? 'not-found' : 'forbidden',
        })
        return
      }
      this.update({ connection: 'offline' })
      this.scheduleReconnect()
    }
    socket.onerror = () => {
      // a close event always follows
    }
  }

  private scheduleReconnect(): void {
    if (!this.running || this.retryTimer !== null) return
    const delay = backoffDelay(this.attempt, this.random, this.backoff)
    this.attempt += 1
    this.retryTimer = this.timers.setTimeout(() => this.connect(), delay)
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer)
    this.retryTimer = null
  }

  private onNetwork(online: boolean): void {
    if (!this.running) return
    if (online) {
      // The link is back: try at once instead of waiting out the backoff.
      this.clearRetry()
      this.attempt = 0
      this.connect()
    } else {
      // Browsers may keep a dead socket "open" for a long time: drop it, queue what comes.
      const socket = this.socket
      this.socket = null
      this.stopHeartbeat()
      this.clearRetry()
      socket?.close(1000)
      this.update({ connection: 'offline' })
    }
  }

  // ---- messages ----

  private receive(message: ServerMessage): void {
    switch (message.type) {
      case 'live.ack':
        if (this.queue.remove(message.commandId)) this.update({ queued: this.queue.list() })
        return
      case 'live.rejected': {
        const command = message.commandId
          ? this.queue.remove(message.commandId)?.command
          : undefined
        if (message.commandId && !command) return // answered for another tab or already handled
        const rejection: Rejection = {
          commandId: message.commandId,
          code: message.code,
          status: message.status,
          message: message.message,
          command,
        }
        const others = this.view.rejections.filter(
          (r) => !(r.commandId === rejection.commandId && r.code === rejection.code),
        )
        this.update({ queued: this.queue.list(), rejections: [...others, rejection] })
        return
      }
      default: {
        if (typeof message.seq === 'number') {
          this.lastSeq =
            message.type === 'live.snapshot'
              ? message.seq
              : Math.max(this.lastSeq ?? 0, message.seq)
        }
        const state = applyEvent(this.view.state, message)
        if (state !== this.view.state) this.update({ state })
        if (
          message.type === 'live.snapshot' ||
          message.type === 'session.started' ||
          message.type === 'session.ended'
        ) {
          this.startHeartbeat()
        }
      }
    }
  }

  // ---- heartbeats (point consoles) ----

  private heartbeatWanted(): number {
    const state = this.view.state
    if (this.pointId == null || !state || !this.isOpen()) return 0
    if (state.session.status !== 'SCHEDULED' && state.session.status !== 'LIVE') return 0
    return Math.max(1, state.heartbeatSeconds) * 1000
  }

  private startHeartbeat(): void {
    const every = this.heartbeatWanted()
    if (every === this.heartbeatEvery && this.heartbeatTimer !== null) return
    this.stopHeartbeat()
    if (every === 0 || this.pointId == null) return
    const pointId = this.pointId
    this.heartbeatEvery = every
    this.write({ type: 'point.heartbeat', pointId })
    this.heartbeatTimer = this.timers.setInterval(
      () => this.write({ type: 'point.heartbeat', pointId }),
      every,
    )
  }

  private stopHeartbeat(): void {
    if (this.heartbeatTimer !== null) this.timers.clearInterval(this.heartbeatTimer)
    this.heartbeatTimer = null
    this.heartbeatEvery = 0
  }
}
