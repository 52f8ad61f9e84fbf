import { describe, expect, it } from 'vitest'
import { en } from './en'
import { interpolate, translator } from './index'
import { vi } from './vi'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('i18n catalogs', () => {
  it('have exactly the same keys in Vietnamese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort())
  })

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]))
    }
  })

  it('have no empty texts', () => {
    for (const [key, text] of [...Object.entries(vi), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('')
    }
  })

  it('store Vietnamese in composed form (NFC), as the server does', () => {
    for (const [key, text] of Object.entries(vi)) {
      expect(text, key).toBe(text.normalize('NFC'))
    }
  })
})

describe('interpolate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Trang {page}/{pages}', { page: 2, pages: 5 })).toBe('Trang 2/5')
    expect(interpolate('Xin chào {name}', {})).toBe('Xin chào {name}')
  })

  it('translates by language', () => {
    expect(translator('vi')('sessions.create')).toBe('Tạo hội nghị')
    expect(translator('en')('sessions.create')).toBe('New session')
  })
})
