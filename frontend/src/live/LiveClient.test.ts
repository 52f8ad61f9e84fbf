import { describe, expect, it } from 'vitest'
import { LiveClient } from './LiveClient'
import { queueKey } from './queue'
import { FakeNetwork, FakeSocket, FakeTimers, MemoryStore, point, snapshot } from './testing'

function setup(options: { pointId?: number; store?: MemoryStore; random?: () => number } = {}) {
  const sockets: FakeSocket[] = []
  const timers = new FakeTimers()
  const network = new FakeNetwork()
  const store = options.store ?? new MemoryStore()
  const client = new LiveClient({
    sessionId: 7,
    pointId: options.pointId,
    url: (id, lastSeq) =>
      `ws://test/live/sessions/${id}${lastSeq == null ? '' : `?lastSeq=${lastSeq}`}`,
    socket: (url) => {
      const s = new FakeSocket(url)
      sockets.push(s)
      return s
    },
    store,
    network,
    timers,
    random: options.random ?? (() => 1),
  })
  const last = () => sockets[sockets.length - 1]!
  return { client, sockets, timers, network, store, last }
}

describe('LiveClient connection', () => {
  it('connects without lastSeq, then resumes from the highest seq seen after a drop', () => {
    const { client, sockets, timers, last } = setup()
    client.start()
    expect(client.getSnapshot().connection).toBe('connecting')
    expect(last().url).toBe('ws://test/live/sessions/7')
    last().open()
    last().receive(snapshot(100))
    last().receive({ type: 'session.started', seq: 101, sessionId: 7, at: 'x' })
    expect(client.getSnapshot()).toMatchObject({ connection: 'online' })
    expect(client.getSnapshot().state!.session.status).toBe('LIVE')

    last().drop(1006)
    expect(client.getSnapshot().connection).toBe('offline')
    timers.advance(500)
    expect(sockets).toHaveLength(2)
    expect(last().url).toBe('ws://test/live/sessions/7?lastSeq=101')
  })

  it('backs off exponentially up to the cap and starts over after a success', () => {
    const { client, sockets, timers, last } = setup()
    client.start()
    const delays: number[] = []
    for (let i = 0; i < 7; i++) {
      last().drop(4008)
      delays.push(timers.pendingDelays()[0]!)
      timers.advance(delays[i]!)
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000])
    expect(sockets).toHaveLength(8)
    last().open()
    last().drop(1006)
    expect(timers.pendingDelays()).toEqual([500])
  })

  it('gives up on 4403 and 4404', () => {
    for (const [code, reason] of [
      [4403, 'forbidden'],
      [4404, 'not-found'],
    ] as const) {
      const { client, sockets, timers, last } = setup()
      client.start()
      last().open()
      last().drop(code)
      timers.advance(60_000)
      expect(sockets).toHaveLength(1)
      expect(client.getSnapshot()).toMatchObject({ connection: 'offline', final: reason })
    }
  })

  it('drops the socket when the browser goes offline and reconnects at once when back', () => {
    const { client, sockets, network, last } = setup()
    client.start()
    last().open()
    last().receive(snapshot(100))
    network.set(false)
    expect(sockets[0]!.closedWith).toBe(1000)
    expect(client.getSnapshot().connection).toBe('offline')
    network.set(true)
    expect(sockets).toHaveLength(2)
    expect(last().url).toContain('?lastSeq=100')
  })
})

describe('LiveClient commands', () => {
  it('sends at once when online and forgets the command on its ack', () => {
    const { client, last } = setup()
    client.start()
    last().open()
    const pending = client.send({ type: 'rollcall.start' })
    expect(last().sent).toEqual([{ type: 'rollcall.start', commandId: pending.commandId }])
    expect(client.getSnapshot().queued).toHaveLength(1)
    last().receive({ type: 'live.ack', commandId: pending.commandId, ok: true })
    expect(client.getSnapshot().queued).toHaveLength(0)
  })

  it('queues while offline, keeps the queue across a reload, sends in order when back, once each', () => {
    const store = new MemoryStore()
    const first = setup({ pointId: 12, store })
    first.client.start()
    first.last().open()
    first.last().receive(snapshot(100))
    first.network.set(false)
    const a = first.client.send({ type: 'point.ready', pointId: 12, present: 40 })
    const b = first.client.send({
      type: 'point.report_trouble',
      pointId: 12,
      kind: 'NO_SOUND',
      note: null,
    })
    expect(first.client.getSnapshot().queued.map((p) => p.commandId)).toEqual([
      a.commandId,
      b.commandId,
    ])
    expect(store.getItem(queueKey(7, 12))).toContain(a.commandId)
    first.client.stop()

    // the page is reloaded: a new client finds the queue and delivers it when the socket opens
    const second = setup({ pointId: 12, store })
    second.client.start()
    expect(second.client.getSnapshot().queued).toHaveLength(2)
    second.last().open()
    const commands = second.last().sent.filter((m) => (m as { commandId?: string }).commandId)
    expect(commands.map((m) => (m as { commandId: string }).commandId)).toEqual([
      a.commandId,
      b.commandId,
    ])
    second.last().receive({ type: 'live.ack', commandId: a.commandId, ok: true })
    expect(second.client.getSnapshot().queued.map((p) => p.commandId)).toEqual([b.commandId])
    expect(store.getItem(queueKey(7, 12))).not.toContain(a.commandId)
  })

  it('resends unacknowledged commands after a reconnect with the same commandId', () => {
    const { client, timers, sockets, last } = setup()
    client.start()
    last().open()
    const pending = client.send({ type: 'agenda.start_item', itemId: 3 })
    last().drop(1006) // the answer was lost
    timers.advance(500)
    last().open()
    expect(sockets[1]!.sent).toEqual([
      { type: 'agenda.start_item', itemId: 3, commandId: pending.commandId },
    ])
    last().receive({ type: 'live.ack', commandId: pending.commandId, ok: true })
    expect(client.getSnapshot().queued).toEqual([])
  })

  it('surfaces a rejection with its command and removes it from the queue', () => {
    const { client, last } = setup()
    client.start()
    last().open()
    const pending = client.send({ type: 'agenda.finish_item', itemId: 9 })
    last().receive({
      type: 'live.rejected',
      commandId: pending.commandId,
      code: 'agenda.item-not-active',
      status: 409,
      message: 'Mục này không đang diễn ra',
    })
    const view = client.getSnapshot()
    expect(view.queued).toEqual([])
    expect(view.rejections).toEqual([
      expect.objectContaining({ code: 'agenda.item-not-active', command: pending.command }),
    ])
    client.dismissRejection(pending.commandId)
    expect(client.getSnapshot().rejections).toEqual([])
  })
})

describe('LiveClient heartbeats', () => {
  it('sends point.heartbeat at the snapshot interval only on a point console of an open session', () => {
    const { client, timers, last } = setup({ pointId: 12 })
    client.start()
    last().open()
    last().receive({ ...snapshot(100), heartbeatSeconds: 5, points: [point(12)] })
    timers.advance(10_000)
    const beats = last().sent.filter((m) => (m as { type: string }).type === 'point.heartbeat')
    expect(beats).toEqual([
      { type: 'point.heartbeat', pointId: 12 },
      { type: 'point.heartbeat', pointId: 12 },
      { type: 'point.heartbeat', pointId: 12 },
    ])
    last().receive({ type: 'session.ended', seq: 101, sessionId: 7, at: 'x' })
    const before = last().sent.length
    timers.advance(20_000)
    expect(last().sent.length).toBe(before)
  })

  it('sends none without a point', () => {
    const { client, timers, last } = setup()
    client.start()
    last().open()
    last().receive(snapshot(100))
    timers.advance(60_000)
    expect(last().sent).toEqual([])
  })
})
