import { describe, expect, it } from 'vitest'
import { textVote } from '../../src/detect/detect.ts'
import { DEFAULT_CANDIDATES } from '../../src/detect/languages.ts'
import { soften, SHORT_TEXT } from '../../src/detect/model.ts'

describe('short texts: softened probabilities', () => {
  it('soften keeps the order and a total of 1, and lowers the top', () => {
    const probs = soften(Float64Array.from([0.9, 0.08, 0.02]), 2)
    expect(probs.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12)
    expect(probs[0]).toBeLessThan(0.9)
    expect(probs[0]).toBeGreaterThan(probs[1]!)
    expect(probs[1]).toBeGreaterThan(probs[2]!)
  })

  it('a text under 20 characters is less sure than the same words padded past it', () => {
    const short = 'Procédures types'
    expect(short.length).toBeLessThan(SHORT_TEXT.below)
    const padded = short.padEnd(SHORT_TEXT.below + 2, ' ')
    const a = textVote(short, DEFAULT_CANDIDATES)!.vote
    const b = textVote(padded, DEFAULT_CANDIDATES)!.vote
    expect(a.lang).toBe(b.lang)
    expect(a.confidence).toBeLessThan(b.confidence)
  })
})
