/**
 * Round 6 constructions, each found in the dev split (the misses of the
 * round-5 test split, folded into dev): quotation marks inside a number,
 * a name between a count and its verb, `éliminés`, `mortellement atteints`,
 * `à avoir perdu la vie`, `retrouvés morts`, `le nombre de … est de N`,
 * degrees of injury after `dont`, vehicles `perdus` and `enlevés`,
 * `12h 45mn`, `à zéro heure`, two days sharing a year, places inside names,
 * a description in apposition to a name, lists of armies.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { extractClaims } from '../../src/align/index.ts'
import { Glossary } from '../../src/record/schema.ts'

const glossary = Glossary.parse(parse(readFileSync(new URL('../../sources/glossary.yaml', import.meta.url), 'utf8')))
const pairs = (text: string, published?: string) => extractClaims(text, { glossary, published }).claims.map(({ kind, value }) => [kind, value])
const of = (text: string, kind: string, published?: string) => pairs(text, published).filter(([k]) => k === kind).map(([, value]) => value)

describe('counts', () => {
  it('reads an approximate number with a quotation mark inside it', () => {
    expect(of("l'attaque a été perpétrée par une « cinquantaine d'hommes armés ».", 'strength')).toEqual([50])
    expect(of('un bilan d\'une "quinzaine de morts"', 'killed')).toEqual([15])
    // The hedge before the quotation mark still hedges, and the verb before it still counts.
    const claim = extractClaims('Elles ont réussi à neutraliser plus « d\'une trentaine de djihadistes', { glossary }).claims.find(({ kind }) => kind === 'killed')
    expect(claim).toMatchObject({ value: 30, qualifier: 'at-least' })
  })

  it('keeps the verb of a count when a name, or a bracketed acronym, stands between them', () => {
    expect(of('Onze soldats des forces armées maliennes (FAMA) ont été tués et dix blessés.', 'killed')).toEqual([11])
    expect(of('Deux casques bleus de la Mission des Nations unies au Mali (Minusma) ont été tués lundi.', 'killed')).toEqual([2])
    expect(of('Quinze jihadistes du groupe terroriste Etat islamique au Grand Sahara (EIGS), ont été éliminés.', 'killed')).toEqual([15])
    expect(of('Ils sont au moins 6 soldats des Forces Armées Maliennes (FAMA) à avoir perdu la vie.', 'killed')).toEqual([6])
    expect(of('Onze soldats des forces armées maliennes (FAMA) ont été tués.', 'strength')).toEqual([])
    // A bracket that holds more than a name still closes the clause: its figures are its own.
    expect(of('au total 79 personnes (42 militaires et 37 terroristes) ont été déplacées', 'killed')).toEqual([])
  })

  it('reads éliminés, mortellement atteints, retrouvés morts and l’élimination de as killed', () => {
    expect(of('quatre gendarmes ont malheureusement été mortellement atteints', 'killed')).toEqual([4])
    expect(of('quatre gendarmes ont malheureusement été mortellement atteints', 'strength')).toEqual([])
    expect(of('Vingt terroristes ont été éliminés.', 'killed')).toEqual([20])
    expect(of("il a fait état de l'élimination de 4 terroristes", 'killed')).toEqual([4])
    expect(of('Les onze soldats, disparus mardi, ont été retrouvés morts.', 'killed')).toEqual([11])
    expect(of('Les onze soldats, disparus mardi, ont été retrouvés morts.', 'missing')).toEqual([])
    expect(of('Les onze soldats sont portés disparus.', 'missing')).toEqual([11])
  })

  it('reads the number a toll is said to be', () => {
    expect(of('le nombre de militaires tombés lors de cette double attaque est présentement de 38.', 'killed')).toEqual([38])
    expect(of('portant à 49 le nombre de personnes tuées.', 'killed')).toEqual([49])
    expect(of('Elle avait, avant l\'attaque de samedi, perdu plus de 160 Casques bleus, dont 102 dans des actes hostiles.', 'killed')).toEqual([160, 102])
  })

  it('reads how badly some of the injured are hurt as no count of its own', () => {
    expect(of('25 autres blessés dont 05 graves évacués dans un centre de santé', 'injured')).toEqual([25])
    expect(of('trois blessés dont deux dans un état grave', 'injured')).toEqual([3])
    // A part that is a count of people stays one.
    expect(of('30 blessés dont 12 civils', 'injured')).toEqual([30, 12])
  })

  it('counts vehicles lost or taken away', () => {
    expect(of('en plus d\'au moins deux véhicules enlevés, les assaillants sont repartis', 'vehicles')).toEqual([2])
    expect(of("L'armée a perdu trois véhicules.", 'vehicles')).toEqual([3])
    expect(of("L'armée a perdu trois véhicules.", 'killed')).toEqual([])
  })
})

describe('counts read with what stands around them', () => {
  it('does not read les 15 before a noun as a day', () => {
    expect(pairs('« Les 15 terroristes ont été neutralisés », a-t-il déclaré.')).toEqual([['killed', 15]])
    expect(of('les 15 et 16 mars 2020', 'date')).toEqual(['2020-03-15', '2020-03-16'])
  })

  it('reads found dead after missing as killed', () => {
    const text = "Les onze soldats nigériens, disparus mardi après l'attaque dans la région de Tillabéri (ouest du Niger) ont été retrouvés morts, ce qui porte"
    expect(of(text, 'killed')).toEqual([11])
    expect(of(text, 'missing')).toEqual([])
    expect(of('Deux soldats ont été tués et trois autres ont disparu.', 'missing')).toEqual([3])
  })

  it('reads a pronoun and an elliptic noun as the count before', () => {
    expect(of("la mort d'un assaillant et malheureusement celle de trois de nos gendarmes", 'killed')).toEqual([1, 3])
    expect(of('Les jihadistes ont incendié trois véhicules, et en ont saisi quatre autres, en plus de munitions.', 'vehicles')).toEqual([3, 4])
    expect(of("Une dizaine d'autres ont été blessés.", 'injured')).toEqual([10])
  })

  it('reads past a bracketed acronym, and a whole past its breakdown in brackets', () => {
    expect(of('Quatre autres véhicules des Forces de défense et de sécurité (FDS) nigériennes ont été brûlés', 'vehicles')).toEqual([4])
    expect(of('au total 79 personnes (42 militaires et 37 terroristes) sont mortes au cours des combats', 'killed')).toEqual([79, 42, 37])
  })

  it('reads people named after de, but not animals', () => {
    expect(of('une centaine de "suspects" ont été capturés', 'captured')).toEqual([100])
    expect(of("une vingtaine de veaux ont péri dans l'accident.", 'killed')).toEqual([])
    // `des leurs` is no noun after `de`: the 31 stay the killed, the one other the injured.
    expect(pairs('ont perdu 31 des leurs et un autre blessé récupéré.')).toEqual([['killed', 31], ['injured', 1]])
  })
})

describe('times and dates', () => {
  it('reads minutes written mn, and zéro heure', () => {
    expect(of("c'est autour de 12h 45mn de ce jeudi 19 août 2021, qu'un convoi", 'time')).toEqual(['12:45'])
    expect(of('à compter du jeudi 3 octobre 2019 à zéro heure, sur tout le territoire', 'time')).toEqual(['00:00'])
    // Still a duration without minutes: `12 heures de combats`.
    expect(of('après 12 heures de combats', 'time')).toEqual([])
  })

  it('gives two days joined by et the year written after the second', () => {
    expect(of('Le 30 septembre et le 1er octobre 2019, des terroristes ont attaqué.', 'date')).toEqual(['2019-09-30', '2019-10-01'])
    expect(of('Le 31 décembre et le 2 janvier 2020, rien.', 'date')).toEqual(['2019-12-31', '2020-01-02'])
  })
})

describe('names', () => {
  it('reads the place named inside an organisation’s name', () => {
    expect(pairs("a affirmé la Mission de l'ONU au Mali (Minusma).")).toEqual([['group', 'minusma'], ['place', 'mali'], ['group', 'minusma']])
    expect(pairs('a annoncé la force des Nations unies au Mali.')).toEqual([['group', 'minusma'], ['place', 'mali']])
  })

  it('reads a description in apposition to a name as that name only', () => {
    expect(of('la force française Barkhane a mené une opération', 'group')).toEqual(['barkhane'])
    expect(of('de la force française antiterroriste Barkhane, en cours', 'group')).toEqual(['barkhane'])
    expect(of('les camps de la force onusienne Minusma et de la force française Barkhane', 'group')).toEqual(['minusma', 'barkhane'])
    // Joined by `et`, two forces are two.
    expect(of('les forces françaises et Barkhane', 'group')).toEqual(['french-armed-forces', 'barkhane'])
  })

  it('reads every state in a list of armies, past states the glossary lacks', () => {
    expect(of('qui réunit les armées du Tchad, du Niger, du Mali, du Burkina et de la Mauritanie.', 'group')).toEqual(['chad', 'niger', 'fama', 'mauritania'])
    expect(of('formée de soldats du Mali, du Niger, du Tchad, du Burkina Faso et de Mauritanie, doit', 'group')).toEqual(['mali', 'niger', 'chad', 'mauritania'])
    // Nationalities joined after one troop noun are as many armies.
    expect(of("au contrôle des forces maliennes, françaises et de l'ONU", 'group')).toEqual(['fama', 'french-armed-forces'])
    expect(of('la frontière malienne, française', 'group')).toEqual([])
    // A list of places is no list of troops.
    expect(of('entre le Mali, le Burkina Faso et le Niger', 'place')).toEqual(['mali', 'niger'])
  })

  it('reads the sources’ descriptions of MINUSMA and the spelling Boulkessy', () => {
    expect(of('la mission onusienne a indiqué', 'group')).toEqual(['minusma'])
    expect(of("La force de l'ONU condamne", 'group')).toEqual(['minusma'])
    expect(of('Les camps militaires de Boulkessy et de Mondoro', 'place')).toEqual(['boulikessi', 'mondoro'])
    expect(of("le Groupe d'autodéfense des Touareg Imghad et alliés (Gatia, membre", 'group')).toEqual(['gatia', 'gatia'])
  })
})
