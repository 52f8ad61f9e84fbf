import { describe, expect, it } from 'vitest'
import { barLabels, blank, move, percent, toDrafts, toQuestions } from './questions'

describe('feedback questions', () => {
  it('a new choice question starts with two empty options, others with none', () => {
    expect(blank('CHOICE').options).toEqual(['', ''])
    expect(blank('RATING').options).toEqual([])
  })

  it('round-trips questions and sends options only for choices, trimmed, in order', () => {
    const drafts = toDrafts([
      { position: 0, kind: 'RATING', text: 'Nội dung', options: null },
      { position: 1, kind: 'CHOICE', text: 'Thời lượng', options: ['Ngắn', 'Dài'] },
    ])
    const edited = [
      { ...drafts[0]!, options: ['stray'] },
      { ...drafts[1]!, options: ['Ngắn', '  Dài quá '] },
    ]
    expect(toQuestions(edited)).toEqual([
      { position: 0, kind: 'RATING', text: 'Nội dung', options: null },
      { position: 1, kind: 'CHOICE', text: 'Thời lượng', options: ['Ngắn', 'Dài quá'] },
    ])
  })

  it('moves a question up and down, never past the ends', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c'])
  })

  it('bars: percent of those who answered, labels 1–5 for ratings', () => {
    expect(percent(1, 3)).toBe(33)
    expect(percent(0, 0)).toBe(0)
    expect(barLabels('RATING', [])).toEqual(['1', '2', '3', '4', '5'])
    expect(barLabels('CHOICE', ['Có', 'Không'])).toEqual(['Có', 'Không'])
  })
})
