import { describe, expect, it } from 'vitest'
import { detect, DEFAULT_CANDIDATES } from '../../src/detect/index.ts'
import { probabilities, score, SURE } from '../../src/detect/model.ts'
import { eldGaps } from '../../src/detect/scorers.ts'
import { sample } from '../../src/detect/text.ts'

const french = 'Le camp militaire de Soumpi, dans le nord du pays, a de nouveau été visé ce samedi par des jihadistes.'
const catalan = "El camp militar de Soumpi, al nord del país, va ser atacat dissabte al matí per un grup de gihadistes armats."
const occitan = "Lo camp militar de Soumpi, al nòrd del país, foguèt atacat dissabte de matin per un grop de jihadistas armats."

function scoresOf(text: string) {
  const { text: sampled, letters } = sample(text)
  return score(sampled, letters, DEFAULT_CANDIDATES)!
}

describe('the model: eld first, franc when eld alone is unsure', () => {
  it('does not ask franc about a clear French sentence', () => {
    const scores = scoresOf(french)
    expect(scores.franc).toBeUndefined()
    expect(Math.max(...probabilities(scores, DEFAULT_CANDIDATES))).toBeGreaterThanOrEqual(SURE)
  })

  it('asks franc whenever the text could be Occitan, which eld does not know', () => {
    for (const text of [catalan, occitan]) expect(scoresOf(text).franc).toBeDefined()
  })

  it('gives Occitan the eld gap of Catalan, its stand-in', () => {
    const gaps = eldGaps(occitan, DEFAULT_CANDIDATES)!
    expect(gaps[DEFAULT_CANDIDATES.indexOf('oci')]).toBe(gaps[DEFAULT_CANDIDATES.indexOf('cat')])
    expect(Math.max(...gaps)).toBe(0)
  })

  it('keeps answers independent of other calls with other candidates (eld subset is shared state)', () => {
    const before = detect(french)
    expect(detect(french, { candidates: ['eng', 'deu'] }).lang).not.toBe('fra')
    expect(detect(french, { candidates: ['oci'] }).lang).toBe('oci')
    expect(detect(french)).toEqual(before)
  })
})

describe('sample: what the detectors see', () => {
  it('lowercases headings in capitals but blanks lone acronyms', () => {
    expect(sample('POUR ALLER PLUS LOIN Virtualisation massive').text).toBe('pour aller plus loin Virtualisation massive')
    expect(sample('Le JNIM a revendiqué').text).not.toMatch(/JNIM/)
    expect(sample('Le JNIM GSIM a revendiqué').text).not.toMatch(/JNIM|GSIM|jnim/)
  })

  it('counts letters and the Latin share by code point', () => {
    expect(sample('Mali 2018').letters).toBe(4)
    expect(sample('Москва Paris').latinShare).toBeCloseTo(5 / 11)
    expect(sample('𝒜𝒷𝒸 abc').letters).toBe(6)
    expect(sample('').letters).toBe(0)
  })

  it('reads a heading in capitals as its language', () => {
    expect(detect('ATTAQUE CONTRE UN CAMP MILITAIRE DANS LE CENTRE DU MALI').lang).toBe('fra')
  })
})
