import { describe, expect, it } from 'vitest'
import { blankToNull, fold, splitList } from './text'

describe('fold', () => {
  it('removes Vietnamese diacritics including đ', () => {
    expect(fold('Nguyễn Hữu Quất')).toBe('nguyen huu quat')
    expect(fold('  Đặng   Thị  Ánh ')).toBe('dang thi anh')
  })

  it('treats decomposed and composed input the same', () => {
    expect(fold('Hà Nội'.normalize('NFD'))).toBe(fold('Hà Nội'.normalize('NFC')))
  })
})

describe('splitList', () => {
  it('splits on commas, semicolons and newlines and drops blanks', () => {
    expect(splitList('op1@example.com, op2@example.com;;\n op3 ')).toEqual([
      'op1@example.com',
      'op2@example.com',
      'op3',
    ])
    expect(splitList('  ')).toEqual([])
  })
})

describe('blankToNull', () => {
  it('maps blank to null and trims the rest', () => {
    expect(blankToNull('  ')).toBeNull()
    expect(blankToNull(undefined)).toBeNull()
    expect(blankToNull(' Hà Nội ')).toBe('Hà Nội')
  })
})
