import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { eld } from 'eld/large'
import { eldScores, ELD_LANGUAGES } from '../../src/detect/eld.ts'

const excerpts = new URL('./fixtures/sources/soumpi-attack/excerpts/', import.meta.url)
const prose = readdirSync(excerpts).flatMap((name) => readFileSync(new URL(name, excerpts), 'utf8').split(/\n+/))
const odd = [
  '',
  '1234 — 56 !',
  'Bilan : 14 morts',
  'POUR ALLER PLUS LOIN',
  "L'armée a déclaré qu’elle n’était pas là",
  'Ça coûte 3 € à Zürich, señor — naïve façade 🙂 emoji',
  'lone \uD800 surrogate \uDC00 here',
  'Привет мир and some English words',
  'x',
  'abc',
  'a'.repeat(90) + ' word',
  'Le ' + 'mot très long '.repeat(200),
]
const all = new Int8Array(ELD_LANGUAGES.length).fill(1)

describe('eldScores: eld’s own scores from the subset table', () => {
  it('matches eld.detect().getScores() exactly, for every language of the table', () => {
    eld.setLanguageSubset([...ELD_LANGUAGES])
    for (const text of [...prose, ...odd]) {
      const expected = eld.detect(text).getScores()
      const mine = eldScores(text, all)
      const got = Object.fromEntries(ELD_LANGUAGES.flatMap((code, slot) => (mine && mine[slot]! > 0 ? [[code, mine[slot]!]] : [])))
      expect(got, text.slice(0, 60)).toEqual(expected)
    }
    eld.setLanguageSubset(false)
  })

  it('scores only the languages asked for', () => {
    const wanted = new Int8Array(ELD_LANGUAGES.length)
    wanted[ELD_LANGUAGES.indexOf('fr')] = 1
    const scores = eldScores('Les soldats sont arrivés dans la ville hier soir.', wanted)!
    expect(scores[ELD_LANGUAGES.indexOf('fr')]).toBeGreaterThan(0)
    expect(scores.filter((value) => value > 0)).toHaveLength(1)
    expect(eldScores('Les soldats sont arrivés.', new Int8Array(ELD_LANGUAGES.length))).toBeUndefined()
  })
})
