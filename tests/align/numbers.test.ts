import { describe, expect, it } from 'vitest'
import { findNumbers, parseFrenchNumber } from '../../src/align/numbers.ts'

describe('parseFrenchNumber', () => {
  it.each([
    ['quatorze', 14], ['dix-huit', 18], ['vingt et un', 21], ['quatre-vingt-dix', 90], ['quatre-vingts', 80],
    ['soixante-dix-sept', 77], ['soixante et onze', 71], ['quatre-vingt-onze', 91], ['deux cent trente', 230],
    ['deux cents', 200], ['mille deux cents', 1200], ['trois mille', 3000], ['cent un', 101],
  ])('%s = %i', (text, value) => expect(parseFrenchNumber(text)).toBe(value))

  it.each(['vingt trente', 'deux deux', 'cent cent', 'dix dix'])('rejects %s', (text) => expect(parseFrenchNumber(text)).toBeUndefined())
})

describe('findNumbers', () => {
  it('reads digit groups with spaces, no-break spaces and dots', () => {
    const { numbers } = findNumbers('1 000 morts, 1\u00a0200 blessés, 1.500 soldats, 14 tués')
    expect(numbers.map((n) => n.value)).toEqual([1000, 1200, 1500, 14])
  })
  it('reads approximate nouns and splits figures joined by et', () => {
    const { numbers } = findNumbers('une trentaine de jihadistes, quatorze et dix-huit')
    expect(numbers.map((n) => [n.value, n.approximate])).toEqual([[30, true], [14, false], [18, false]])
  })
  it('ignores decimals and digits inside words', () => {
    expect(findNumbers('4,5 km et G5').numbers).toEqual([])
  })
  it('reports word runs that are not numbers', () => {
    expect(findNumbers('vingt trente morts').problems).toEqual([{ start: 0, end: 12, text: 'vingt trente' }])
  })
})
