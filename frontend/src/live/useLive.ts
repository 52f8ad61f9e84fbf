import { useEffect, useMemo, useSyncExternalStore } from 'react'
import { LiveClient, type Connection, type Rejection } from './LiveClient'
import type { LiveCommand } from './messages'
import type { PendingCommand } from './queue'
import type { LiveState } from './state'

/** What a live screen and each of its panels get (panels receive it as `live`). */
export interface Live {
  state: LiveState | null
  connection: Connection
  queued: readonly PendingCommand[]
  rejections: readonly Rejection[]
  /** 'forbidden' / 'not-found' once the server refused the session for good. */
  final: 'forbidden' | 'not-found' | null
  /** Queues the command (kept across reloads) and sends it as soon as the socket is open. */
  send: (command: LiveCommand) => PendingCommand
  dismissRejection: (commandId: string | null) => void
}

/** The props every panel added to a live screen takes. */
export interface LivePanelProps {
  sessionId: number
  pointId?: number
  live: Live
}

/**
 * Connects the screen to the live session: staff through the sign-in cookie, participants through
 * the dc_invitation cookie. With `pointId` it runs a point console (heartbeats, a queue of its own).
 */
export function useLive(sessionId: number, options: { pointId?: number | null } = {}): Live {
  const pointId = options.pointId ?? null
  const client = useMemo(() => new LiveClient({ sessionId, pointId }), [sessionId, pointId])
  useEffect(() => {
    client.start()
    return () => client.stop()
  }, [client])
  const view = useSyncExternalStore(client.subscribe, client.getSnapshot)
  return useMemo(
    () => ({ ...view, send: client.send, dismissRejection: client.dismissRejection }),
    [view, client],
  )
}
