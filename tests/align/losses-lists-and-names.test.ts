/**
 * Round 5 constructions, each found in the dev split: losses said with
 * `perdre`, `mis hors de combat`, `fatale à`, `l'enlèvement de`; breakdowns
 * of a count in a list or an aside; names printed without accents, as a
 * capitalised acronym or with a plural -s; singular forms of plural aliases;
 * a state's armies named as such; `Agence France-Presse`; night dates.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { extractClaims } from '../../src/align/index.ts'
import { Glossary } from '../../src/record/schema.ts'

const glossary = Glossary.parse(parse(readFileSync(new URL('../../sources/glossary.yaml', import.meta.url), 'utf8')))
const pairs = (text: string, published?: string) => extractClaims(text, { glossary, published }).claims.map(({ kind, value }) => [kind, value])
const of = (text: string, kind: string, published?: string) => pairs(text, published).filter(([k]) => k === kind).map(([, value]) => value)

describe('losses', () => {
  it('reads a loss said with perdre as killed, not as a strength', () => {
    expect(of("l'armée a reconnu avoir perdu huit soldats dans l'intervention.", 'killed')).toEqual([8])
    expect(of('les jihadistes ont perdu 31 des leurs.', 'killed')).toEqual([31])
    expect(of('Elle avait perdu plus de 160 Casques bleus.', 'killed')).toEqual([160])
    expect(of('Le groupe reconnait avoir perdu trois de ses hommes.', 'strength')).toEqual([])
    // Vehicles lost are no one killed; `perdu la vie` stays the intransitive form.
    expect(of('Ils ont perdu trois véhicules.', 'killed')).toEqual([])
    expect(of('Deux soldats ont perdu la vie.', 'killed')).toEqual([2])
  })

  it('reads mis hors de combat, fatale à and l’enlèvement de', () => {
    expect(of('Une douzaine de terroristes ont été mis hors de combat.', 'killed')).toEqual([12])
    expect(of('onze terroristes mis hors de combat', 'killed')).toEqual([11])
    expect(of("L'embuscade a aussi été fatale à deux autres militaires.", 'killed')).toEqual([2])
    expect(of("l'armée a reconnu l'enlèvement de deux militaires.", 'captured')).toEqual([2])
  })
})

describe('breakdowns of a count', () => {
  it('counts the parts of a list after a dash or in brackets like the whole', () => {
    expect(of('un bilan de 47 morts - 14 gendarmes, 30 civils et 3 supplétifs -, et 30 blessés', 'killed')).toEqual([47, 14, 30, 3])
    expect(of('une attaque ayant fait huit morts (quatre soldats américains et quatre autres nigériens).', 'killed')).toEqual([8, 4, 4])
  })

  it('gives the whole the verb of its parts after `, dont`', () => {
    expect(of('Quarante-neuf personnes, dont quinze gendarmes et trente civils, ont été tuées.', 'killed')).toEqual([49, 15, 30])
  })

  it('leaves a count with its own verb alone', () => {
    expect(pairs('Quatorze soldats ont été tués, 30 assaillants ont été capturés.').filter(([k]) => k !== 'group')).toEqual([['killed', 14], ['captured', 30]])
  })
})

describe('names as the press prints them', () => {
  it('matches names without their accents and acronyms capitalised or plural', () => {
    expect(of('dans la région de Menaka', 'place')).toEqual(['menaka-cercle'])
    expect(of('le Jnim et le Gatia', 'group')).toEqual(['jnim', 'gatia'])
    expect(of('aux côtés des FAMas', 'group')).toEqual(['fama'])
    // Three-letter acronyms keep their capitals: `Cpa` is no CPA.
    expect(of('la Cpa', 'group')).toEqual([])
  })

  it('reads the singular of a plural alias', () => {
    expect(pairs('Un Casque bleu a été tué samedi.')).toEqual([['killed', 1], ['group', 'minusma']])
  })

  it('reads the armies of a state as its armed force', () => {
    expect(of("l'état-major des armées du Mali", 'group')).toEqual(['fama'])
    expect(of('deux positions des forces armées du Mali', 'group')).toEqual(['fama'])
    expect(of('soldats du Tchad', 'group')).toEqual(['chad'])
  })

  it('reads no place in Agence France-Presse', () => {
    expect(of("selon un décompte de l'Agence France-Presse.", 'place')).toEqual([])
    expect(of('en France', 'place')).toEqual(['france'])
  })
})

describe('nights', () => {
  it("dates the night of yesterday to today on the day of publication", () => {
    expect(of("dans la nuit d'hier à aujourd'hui dans le nord", 'date', '2017-10-25')).toEqual(['2017-10-25'])
  })

  it('reads weekdays before the days of a night', () => {
    expect(of('dans la nuit du mercredi 22 au jeudi 23 janvier 2020', 'date')).toEqual(['2020-01-23'])
  })
})
