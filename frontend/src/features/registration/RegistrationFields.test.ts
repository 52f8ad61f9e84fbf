import { describe, expect, it } from 'vitest'
import { translator } from '../../i18n'
import { EMPTY_VALUES, missing, toRequest } from './RegistrationFields'

describe('registration form', () => {
  const t = translator('vi')

  it('sends blanks as null and the point as a number', () => {
    expect(
      toRequest({ ...EMPTY_VALUES, fullName: '  Lò Văn Pấng ', position: ' ', pointId: '42' }),
    ).toEqual({
      fullName: 'Lò Văn Pấng',
      position: null,
      unitName: null,
      pointId: 42,
      phone: null,
      email: null,
    })
  })

  it('names what is missing before sending; the point only when there is a choice', () => {
    expect(missing(EMPTY_VALUES, true, t)).toEqual({
      fullName: 'Vui lòng nhập họ và tên.',
      pointId: 'Vui lòng nhập điểm cầu tham dự.',
    })
    expect(missing({ ...EMPTY_VALUES, fullName: 'An' }, false, t)).toEqual({})
  })
})
