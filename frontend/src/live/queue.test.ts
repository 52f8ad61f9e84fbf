import { describe, expect, it } from 'vitest'
import { CommandQueue, newCommandId, queueKey } from './queue'
import { MemoryStore } from './testing'

describe('CommandQueue', () => {
  it('keeps commands in order with their own ids and survives a reload', () => {
    const store = new MemoryStore()
    const queue = new CommandQueue(queueKey(7, 12), store)
    const a = queue.add({ type: 'point.ready', pointId: 12, present: 40 })
    const b = queue.add({ type: 'point.clear_trouble', pointId: 12 })
    expect(a.commandId).not.toBe(b.commandId)
    expect(a.command).toMatchObject({ type: 'point.ready', commandId: a.commandId, present: 40 })

    const reloaded = new CommandQueue(queueKey(7, 12), store)
    expect(reloaded.list().map((p) => p.commandId)).toEqual([a.commandId, b.commandId])
    // another point's console of the same session has a queue of its own
    expect(new CommandQueue(queueKey(7, 13), store).list()).toEqual([])
  })

  it('removes an answered command and forgets the key when empty', () => {
    const store = new MemoryStore()
    const queue = new CommandQueue(queueKey(7), store)
    const a = queue.add({ type: 'rollcall.start' })
    expect(queue.remove('nope')).toBeUndefined()
    expect(queue.remove(a.commandId)?.commandId).toBe(a.commandId)
    expect(queue.list()).toEqual([])
    expect(store.data.has('diemcau.live.queue.7')).toBe(false)
  })

  it('starts empty on garbage in storage', () => {
    const store = new MemoryStore()
    store.setItem(queueKey(1), '{not json')
    expect(new CommandQueue(queueKey(1), store).list()).toEqual([])
    store.setItem(queueKey(1), JSON.stringify([{ foo: 1 }]))
    expect(new CommandQueue(queueKey(1), store).list()).toEqual([])
  })
})

describe('newCommandId', () => {
  it('makes distinct v4-shaped ids', () => {
    const ids = new Set(Array.from({ length: 50 }, newCommandId))
    expect(ids.size).toBe(50)
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
