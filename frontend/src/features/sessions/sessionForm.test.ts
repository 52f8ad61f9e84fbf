import { describe, expect, it } from 'vitest'
import type { SessionView } from '../../api/types'
import { translator } from '../../i18n'
import { draftOf, EMPTY_DRAFT, requestOf, statusActions, validateDraft } from './sessionForm'

const t = translator('vi')

describe('session form', () => {
  it('requires a title, an end after the start and an http(s) link', () => {
    const errors = validateDraft(
      {
        ...EMPTY_DRAFT,
        title: '  ',
        startsAt: '2026-12-03T10:00',
        endsAt: '2026-12-03T08:00',
        videoLink: 'zoom meeting 123',
      },
      t,
    )
    expect(Object.keys(errors).sort()).toEqual(['endsAt', 'title', 'videoLink'])
    expect(errors.title).toBe('Vui lòng nhập tên hội nghị.')
  })

  it('accepts a complete draft', () => {
    expect(
      validateDraft(
        {
          ...EMPTY_DRAFT,
          title: 'Hội nghị',
          startsAt: '2026-12-03T08:00',
          endsAt: '2026-12-03T11:30',
          videoLink: 'https://meet.example.vn/abc',
        },
        t,
      ),
    ).toEqual({})
  })

  it('sends times with +07:00 and blanks as null', () => {
    const r = requestOf(
      { ...EMPTY_DRAFT, title: ' Hội nghị tập huấn ', startsAt: '2026-12-03T08:00', location: ' ' },
      7,
    )
    expect(r).toMatchObject({
      title: 'Hội nghị tập huấn',
      startsAt: '2026-12-03T08:00:00+07:00',
      endsAt: null,
      location: null,
      version: 7,
    })
  })

  it('shows stored UTC times as Vietnam time in the inputs', () => {
    const view = {
      title: 'A',
      kind: 'TRAINING',
      description: null,
      hostUnitId: 3,
      location: null,
      startsAt: '2026-12-03T01:00:00Z',
      endsAt: null,
      videoLink: null,
    } as SessionView
    expect(draftOf(view)).toMatchObject({ startsAt: '2026-12-03T08:00', endsAt: '', hostUnitId: 3 })
  })
})

describe('statusActions', () => {
  it('offers what the server allows next', () => {
    expect(statusActions({ status: 'DRAFT', nextStatuses: ['SCHEDULED', 'CANCELLED'] })).toEqual([
      'schedule',
      'cancel',
    ])
    expect(
      statusActions({ status: 'SCHEDULED', nextStatuses: ['DRAFT', 'LIVE', 'CANCELLED'] }),
    ).toEqual(['unschedule', 'cancel'])
    expect(statusActions({ status: 'CANCELLED', nextStatuses: ['DRAFT'] })).toEqual(['restore'])
    expect(statusActions({ status: 'ENDED', nextStatuses: [] })).toEqual([])
    expect(statusActions({ status: 'LIVE', nextStatuses: ['ENDED'] })).toEqual([])
  })
})
