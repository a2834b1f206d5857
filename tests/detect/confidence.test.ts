import { describe, expect, it } from 'vitest'
import { detect, textVote } from '../../src/detect/detect.ts'
import { DEFAULT_CANDIDATES } from '../../src/detect/languages.ts'
import { NEWSROOM_PRIOR, probabilities, RECALIBRATION, recalibrate, score, WEIGHTS } from '../../src/detect/model.ts'
import { sample } from '../../src/detect/text.ts'

describe('recalibrated confidence', () => {
  const table = { bounds: [20, 50], gamma: [3, 2, 1] }

  it('keeps 0.5 and 1 in place, leaves p ≤ 0.5 alone and is the identity at γ = 1', () => {
    expect(recalibrate(0.5, 10, table)).toBe(0.5)
    expect(recalibrate(1, 10, table)).toBe(1)
    expect(recalibrate(0.3, 10, table)).toBe(0.3)
    expect(recalibrate(0.9, 400, table)).toBe(0.9)
  })

  it('lowers confidences between 0.5 and 1 more where γ is larger, keeping their order', () => {
    const short = [0.6, 0.8, 0.9, 0.99].map((p) => recalibrate(p, 10, table))
    const middle = [0.6, 0.8, 0.9, 0.99].map((p) => recalibrate(p, 30, table))
    short.forEach((value, index) => {
      expect(value).toBeLessThan(middle[index]!)
      expect(middle[index]).toBeLessThan([0.6, 0.8, 0.9, 0.99][index]!)
      if (index > 0) expect(value).toBeGreaterThan(short[index - 1]!)
    })
  })

  it('has one exponent ≥ 1 per bucket in the committed table', () => {
    expect(RECALIBRATION.gamma).toHaveLength(RECALIBRATION.bounds.length + 1)
    for (const gamma of RECALIBRATION.gamma) expect(gamma).toBeGreaterThanOrEqual(1)
  })

  it('changes how sure an answer is, never the answer', () => {
    for (const text of ['Annuler la duplication', 'Show Keyboard Layout', 'Seleccion de la zòna', 'Le camp militaire de Soumpi a été attaqué.']) {
      const { text: sampled, letters } = sample(text)
      const probs = probabilities(score(sampled, letters, DEFAULT_CANDIDATES)!, DEFAULT_CANDIDATES)
      const best = probs.indexOf(Math.max(...probs))
      const vote = textVote(text, DEFAULT_CANDIDATES)!.vote
      expect(vote.lang).toBe(DEFAULT_CANDIDATES[best])
      expect(vote.confidence).toBeLessThanOrEqual(Math.max(...probs) + 1e-12)
    }
  })
})

describe('the newsroom prior', () => {
  it('raises French and English against their neighbours, and only at detection time', () => {
    expect(NEWSROOM_PRIOR.fra).toBeGreaterThan(0)
    const { text, letters } = sample('Pare-feu ou filtre de paquets')
    const scores = score(text, letters, DEFAULT_CANDIDATES, 'both')!
    const withPrior = probabilities(scores, DEFAULT_CANDIDATES)
    const without = probabilities(scores, DEFAULT_CANDIDATES, { ...WEIGHTS, prior: undefined })
    const fra = DEFAULT_CANDIDATES.indexOf('fra')
    expect(withPrior[fra]).toBeGreaterThan(without[fra]!)
  })

  it('still lets a clear neighbour win', () => {
    expect(detect('El camp militar de Soumpi, al nord del país, va ser atacat dissabte al matí per un grup armat.').lang).toBe('cat')
    expect(detect('Il campo militare di Soumpi, nel nord del paese, è stato attaccato sabato mattina da un gruppo armato.').lang).toBe('ita')
  })
})
