import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client'
import { translator } from '../i18n'
import { errorText, unclaimedErrors } from './errors'

const t = translator('vi')

describe('errorText', () => {
  it("prefers the server's detail", () => {
    const e = new ApiError({ status: 409, detail: 'Đã có người sửa', errors: [] })
    expect(errorText(e, t)).toBe('Đã có người sửa')
  })

  it('explains network failures and bare statuses in the UI language', () => {
    expect(errorText(new ApiError({ status: 0, code: 'network', errors: [] }), t)).toBe(
      t('error.network'),
    )
    expect(
      errorText(new ApiError({ status: 502, code: 'http', errors: [] }), translator('en')),
    ).toBe('The server could not handle the request (status 502).')
  })
})

describe('unclaimedErrors', () => {
  it('returns only errors whose field is not on the form', () => {
    const e = new ApiError({
      status: 400,
      errors: [
        { field: 'title', message: 'trống' },
        { field: 'version', message: 'sai' },
        { message: 'chung' },
      ],
    })
    expect(unclaimedErrors(e, ['title'])).toEqual([
      { field: 'version', message: 'sai' },
      { message: 'chung' },
    ])
    expect(unclaimedErrors(new Error('x'), ['title'])).toEqual([])
  })
})
