/**
 * Constructions read after the old held-out split was folded into dev:
 * one test per general rule, on sentences written for these tests.
 */
import { describe, expect, it } from 'vitest'
import { extractClaims } from '../../src/align/index.ts'
import { findNumbers } from '../../src/align/numbers.ts'
import { findDates } from '../../src/align/dates.ts'
import { Glossary } from '../../src/record/schema.ts'

const glossary = Glossary.parse({
  entities: [
    { id: 'chad', type: 'state', en: { name: 'Chad' }, fr: { name: 'Tchad', aliases: ['Tchadiens'] } },
    { id: 'niger', type: 'state', en: { name: 'Niger' }, fr: { name: 'Niger', aliases: ['Nigériens'] } },
    { id: 'isgs', type: 'group', en: { name: 'Islamic State in the Greater Sahara', short: 'ISGS' }, fr: { name: 'État islamique dans le Grand Sahara', short: 'EIGS' } },
  ],
})
const pairs = (text: string, published?: string) => extractClaims(text, { glossary, published }).claims.map(({ kind, value }) => [kind, value])

describe('figures repeated in digits: `quatre (04)`', () => {
  it('reads one number spanning both, and no second number inside the parentheses', () => {
    const text = 'au moins quatre (04) soldats'
    expect(findNumbers(text).numbers).toEqual([{ value: 4, start: 9, end: 20, approximate: false, article: false }])
    expect(pairs('Au moins quatre (04) soldats ont été tués.')).toEqual([['killed', 4]])
  })
  it('keeps two numbers when the digits differ', () => {
    expect(findNumbers('quatre (5)').numbers.map((n) => n.value)).toEqual([4, 5])
  })
  it('does not take `un (01)` for an article', () => {
    expect(pairs('Un (01) gendarme a été blessé.')).toEqual([['injured', 1]])
  })
})

describe('two figures offered for one count: `six ou huit`', () => {
  it('is a range', () => {
    expect(pairs('Sept ou neuf passagers ont péri.')).toEqual([['killed', { min: 7, max: 9 }]])
    expect(pairs('un ou deux blessés')).toEqual([['injured', { min: 1, max: 2 }]])
  })
})

describe('partitives and possessives', () => {
  it('reads `N d’entre eux` as people named before', () => {
    expect(pairs('Cinq d’entre eux ont été tués.')).toEqual([['killed', 5]])
    expect(pairs('Deux mille d’entre eux campent près du fleuve.')).toEqual([['strength', 2000]])
  })
  it('reads `N de vos soldats`, `N de ces hommes`', () => {
    expect(pairs('Quatre de vos soldats ont été blessés.')).toEqual([['injured', 4]])
    expect(pairs('Deux de ces hommes ont été tués.')).toEqual([['killed', 2]])
  })
})

describe('killed, with the count apart from its word', () => {
  it('reads `la mort, <words>, d’un soldat`', () => {
    expect(pairs('Le ministère a confirmé la mort, jeudi soir, d’un soldat.')).toEqual([['killed', 1]])
    expect(pairs('la mort accidentelle au cours d’un exercice de deux militaires')).toEqual([['killed', 2]])
  })
  it('reads `un million de morts`: `de` after a million', () => {
    expect(pairs('La famine fit deux millions de morts.')).toEqual([['killed', 2_000_000]])
  })
  it('reads past an apposition holding articles: `Deux enfants, un frère et une sœur, ont perdu la vie`', () => {
    expect(pairs('Deux chasseurs, un guide et un porteur, ont perdu la vie.')).toEqual([['killed', 2]])
  })
  it('does not give a count the casualty word of a second group joined by `et`', () => {
    expect(pairs('faisant la mort de cinq (05) gendarmes et plusieurs blessés')).toEqual([['killed', 5]])
  })
})

describe('dates in the future', () => {
  it('resolves a day after a future-tense verb forward from publication', () => {
    const value = (text: string) => findDates(text, { published: '1900-11-20' }).found.map((f) => f.value)
    expect(value('La colonne quittera Oran le 2 décembre.')).toEqual(['1900-12-02'])
    expect(value('Le procès se tiendra le 3 janvier.')).toEqual(['1901-01-03'])
    expect(value('Le vote est prévu pour le 30 novembre.')).toEqual(['1900-11-30'])
    expect(value('La réunion du 25 novembre prochain.')).toEqual(['1900-11-25'])
  })
  it('keeps the past for past tenses', () => {
    expect(findDates('La colonne est partie le 2 décembre.', { published: '1900-11-20' }).found.map((f) => f.value)).toEqual(['1899-12-02'])
  })
  it('resolves a weekday forward after a future-tense verb', () => {
    // 2023-02-20 is a Monday.
    expect(findDates('Les obsèques auront lieu samedi.', { published: '2023-02-20' }).found.map((f) => f.value)).toEqual(['2023-02-25'])
  })
})

describe('glossary names', () => {
  it('reads a state’s name after `lac`, `fleuve` as the lake or river, not the state', () => {
    expect(pairs('dans le bassin du lac Tchad')).toEqual([])
    expect(pairs('sur le fleuve Niger, au Niger')).toEqual([['place', 'niger']])
  })
  it('matches `Etat` for `État`: capitals lose their accent in print', () => {
    expect(pairs('EIGS (Etat islamique dans le Grand Sahara)')).toEqual([['group', 'isgs'], ['group', 'isgs']])
    expect(pairs("l'État islamique dans le Grand Sahara")).toEqual([['group', 'isgs']])
  })
})
