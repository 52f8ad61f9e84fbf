import { describe, expect, it } from 'vitest'
import type { DocumentView } from './api'
import { uploadForm } from './api'
import { affectsDocuments, formatSize, kindOf, sortDocuments } from './format'

function doc(id: number, released: boolean, releasedAt: string | null): DocumentView {
  return {
    id,
    sessionId: 1,
    agendaItemId: null,
    title: `T${id}`,
    classification: 'NORMAL',
    release: 'NOW',
    roles: ['participant'],
    pointIds: [],
    released,
    releasedAt,
    recalledAt: null,
    current: null,
    versions: null,
    version: 0,
  }
}

describe('documents format', () => {
  it('writes sizes with the Vietnamese decimal comma', () => {
    expect(formatSize(512, 'vi')).toBe('512 B')
    expect(formatSize(1536, 'vi')).toBe('1,5 KB')
    expect(formatSize(5 * 1024 * 1024, 'en')).toBe('5 MB')
    expect(formatSize(1.25 * 1024 * 1024, 'en')).toBe('1.3 MB')
  })

  it('names the kinds of file', () => {
    expect(kindOf('application/pdf')).toBe('PDF')
    expect(kindOf('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(
      'DOCX',
    )
    expect(kindOf('image/jpeg')).toBe('JPEG')
  })

  it('reloads on the events that can change what a screen may see', () => {
    expect(affectsDocuments('document.released')).toBe(true)
    expect(affectsDocuments('agenda.item_started')).toBe(true)
    expect(affectsDocuments('point.statuses_changed')).toBe(false)
    expect(affectsDocuments(undefined)).toBe(false)
  })

  it('lists the newest release first and unreleased ones last', () => {
    const sorted = sortDocuments([
      doc(1, true, '2026-12-03T01:00:00Z'),
      doc(2, false, null),
      doc(3, true, '2026-12-03T02:00:00Z'),
    ])
    expect(sorted.map((d) => d.id)).toEqual([3, 1, 2])
  })

  it('sends lists comma-separated and leaves out what is not set', () => {
    const form = uploadForm(new File(['x'], 'Quy định.pdf'), {
      roles: ['participant', 'operator'],
      pointIds: [],
      agendaItemId: 7,
    })
    expect(form.get('roles')).toBe('participant,operator')
    expect(form.get('agendaItemId')).toBe('7')
    expect(form.has('pointIds')).toBe(false)
    expect((form.get('file') as File).name).toBe('Quy định.pdf')
  })
})
