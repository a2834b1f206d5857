import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { combine, detect, DEFAULT_CANDIDATES, toBcp47, toIso6393 } from '../../src/detect/index.ts'

const french = 'Le camp militaire de Soumpi, dans le nord du pays, a de nouveau été visé ce samedi par des jihadistes.'
const english = 'The military camp at Soumpi came under attack on the morning of January 27, at about 4 a.m. local time.'
const italian = 'Il campo militare di Soumpi, nel nord del paese, è stato attaccato sabato mattina da un gruppo di jihadisti.'
const spanish = 'El campamento militar de Soumpi, en el norte del país, fue atacado el sábado por la mañana por yihadistas.'
const catalan = "El camp militar de Soumpi, al nord del país, va ser atacat dissabte al matí per un grup de gihadistes armats."
const occitan = "Lo camp militar de Soumpi, al nòrd del país, foguèt atacat dissabte de matin per un grop de jihadistas armats."

describe('detect', () => {
  it('names French and English sentences with high confidence', () => {
    expect(detect(french)).toMatchObject({ lang: 'fra' })
    expect(detect(french).confidence).toBeGreaterThan(0.8)
    expect(detect(english)).toMatchObject({ lang: 'eng' })
    expect(detect(english).confidence).toBeGreaterThan(0.8)
  })

  it('does not take neighbouring languages for French', () => {
    for (const text of [italian, spanish, catalan, occitan]) expect(detect(text).lang).not.toBe('fra')
    expect(detect(italian).lang).toBe('ita')
    expect(detect(spanish).lang).toBe('spa')
  })

  it('answers und for a short headline alone, and lets evidence decide it', () => {
    // franc alone says Uzbek; restricted to fra/eng it says English.
    expect(detect('Bilan : 14 morts')).toEqual({ lang: 'und', confidence: 0 })
    const declared = detect('Bilan : 14 morts', { evidence: [{ lang: 'fra', confidence: 0.9, source: 'declared' }] })
    expect(declared.lang).toBe('fra')
    expect(declared.confidence).toBeGreaterThan(0.8)
  })

  it('honours candidate lists and rejects unknown codes as a programming error', () => {
    expect(detect(french, { candidates: ['eng', 'deu'] }).lang).not.toBe('fra')
    expect(() => detect(french, { candidates: ['xxx'] })).toThrow(/xxx/)
  })

  it('gives a defined answer for bad input', () => {
    expect(detect('')).toEqual({ lang: 'und', confidence: 0 })
    expect(detect('12 345 — 678 !!! ?? ...')).toEqual({ lang: 'und', confidence: 0 })
    expect(detect('🙂🙂🙂 🔥🔥 👍')).toEqual({ lang: 'und', confidence: 0 })
    expect(detect('Москва и Санкт-Петербург — крупнейшие города России, Paris')).toEqual({ lang: 'und', confidence: 0 })
    expect(detect('\uD800 Le camp militaire a été attaqué samedi matin par des jihadistes \uDC00').lang).toBe('fra')
    expect(detect(undefined as unknown as string)).toEqual({ lang: 'und', confidence: 0 })
  })

  it('reads only a sample of a 5 MB text', () => {
    const huge = `${french} `.repeat(Math.ceil(5_000_000 / (french.length + 1)))
    const started = performance.now()
    expect(detect(huge).lang).toBe('fra')
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('never throws, stays in range and is deterministic on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const first = detect(text)
        expect([...DEFAULT_CANDIDATES, 'und']).toContain(first.lang)
        expect(first.confidence).toBeGreaterThanOrEqual(0)
        expect(first.confidence).toBeLessThanOrEqual(1)
        expect(detect(text)).toEqual(first)
      }),
      { numRuns: 150 },
    )
  })
})

describe('combine', () => {
  it('reinforces agreeing votes and weakens disagreeing ones', () => {
    const declared = { lang: 'fra', confidence: 0.9, source: 'declared' }
    const agree = combine([declared, { lang: 'fra', confidence: 0.9, source: 'text' }], DEFAULT_CANDIDATES)
    const disagree = combine([declared, { lang: 'eng', confidence: 0.9, source: 'text' }], DEFAULT_CANDIDATES)
    expect(agree.lang).toBe('fra')
    expect(agree.confidence).toBeGreaterThan(0.99)
    expect(disagree.confidence).toBeLessThan(0.6)
    expect(combine([], DEFAULT_CANDIDATES)).toEqual({ lang: 'und', confidence: 0 })
  })
})

describe('language codes', () => {
  it('maps ISO 639-3 to BCP 47 and back', () => {
    expect(toBcp47('fra')).toBe('fr')
    expect(toBcp47('eng')).toBe('en')
    expect(toBcp47('oci')).toBe('oc')
    expect(toBcp47('ast')).toBe('ast')
    expect(toBcp47('und')).toBe('und')
    expect(toBcp47('zzz')).toBeUndefined()
    expect(toIso6393('fr-CA')).toBe('fra')
    expect(toIso6393('en')).toBe('eng')
    expect(toIso6393('xx')).toBeUndefined()
  })
})
