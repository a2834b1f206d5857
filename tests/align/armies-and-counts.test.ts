/**
 * Constructions read after the round-3 test split was folded into dev: whose
 * army a text speaks of, and counts the extractor used to misread. One test
 * per general rule, on sentences written for these tests.
 */
import { describe, expect, it } from 'vitest'
import { extractClaims } from '../../src/align/index.ts'
import { findDates } from '../../src/align/dates.ts'
import { countryCode, findNations, nationOfAdjective } from '../../src/align/nations.ts'
import { Glossary } from '../../src/record/schema.ts'

const glossary = Glossary.parse({
  entities: [
    { id: 'mali', type: 'state', en: { name: 'Mali' }, fr: { name: 'Mali' } },
    { id: 'fama', type: 'armed-force', partOf: 'mali', en: { name: 'Malian Armed Forces', short: 'FAMa' }, fr: { name: 'Forces armées maliennes', short: 'FAMa', aliases: ['armée malienne', 'armée', 'soldats maliens'] } },
    { id: 'niger', type: 'state', en: { name: 'Niger' }, fr: { name: 'Niger', aliases: ['Nigériens'] } },
    { id: 'bangladesh', type: 'state', en: { name: 'Bangladesh' }, fr: { name: 'Bangladesh', aliases: ['Bangladais'] } },
    { id: 'soumpi', type: 'place', partOf: 'mali', en: { name: 'Soumpi' }, fr: { name: 'Soumpi' } },
  ],
})
const pairs = (text: string, published?: string) => extractClaims(text, { glossary, published }).claims.map(({ kind, value }) => [kind, value])
const groups = (text: string) => pairs(text).filter(([kind]) => kind === 'group')

describe('nationalities and countries (i18n-nationality and CLDR names, checked on the forms of the press)', () => {
  it('knows every gender and number of a nationality, with or without accents', () => {
    for (const word of ['malien', 'Maliens', 'malienne', 'maliennes']) expect(nationOfAdjective(word)).toBe('ML')
    for (const word of ['burkinabè', 'burkinabé', 'Burkinabés']) expect(nationOfAdjective(word)).toBe('BF')
    for (const word of ['nigérien', 'nigériennes']) expect(nationOfAdjective(word)).toBe('NE')
    expect(nationOfAdjective('nigérian')).toBe('NG')
    expect(nationOfAdjective('philippine')).toBe('PH')
    expect(nationOfAdjective('soudanais')).toBe('SD')
    expect(nationOfAdjective('françaises')).toBe('FR')
    expect(nationOfAdjective('embuscade')).toBeUndefined()
  })
  it('knows French country names, and finds them only with their capital', () => {
    expect(countryCode('Burkina Faso')).toBe('BF')
    expect(countryCode('Côte d’Ivoire')).toBe('CI')
    expect(findNations('au nord du Burkina Faso, près du niger').map((n) => n.code)).toEqual(['BF'])
  })
})

describe('whose army', () => {
  it('reads troops named with a nationality as that state’s armed force, else the state', () => {
    expect(groups('une colonne des Forces armées nigériennes')).toEqual([['group', 'niger']])
    expect(groups('un soldat nigérien a été tué')).toEqual([['group', 'niger']])
    expect(groups('les forces maliennes ont riposté')).toEqual([['group', 'fama']])
    expect(groups('l’armée bangladaise a annoncé')).toEqual([['group', 'bangladesh']])
  })
  it('gives troops of a country the glossary lacks to no one', () => {
    expect(groups("la riposte de l'armée burkinabè")).toEqual([])
    expect(groups("l'armée philippine a renforcé la sécurité")).toEqual([])
  })
  it('does not take `militaire` qualifying a noun for troops', () => {
    expect(groups('Une source militaire malienne a indiqué que le camp avait été attaqué.')).toEqual([])
  })
  it('keeps an unqualified `l’armée` for the FAMa only in a text about Mali; in a text naming no country it is no one’s', () => {
    expect(groups("Au Mali, l'armée a repoussé l'attaque.")).toEqual([['group', 'fama']])
    expect(groups("À Soumpi, l'armée a repoussé l'attaque.")).toEqual([['group', 'fama']])
    expect(groups("Selon l'armée, le camp a été attaqué.")).toEqual([])
    expect(groups("Selon l'armée malienne, le camp a été attaqué ; l'armée a riposté.")).toEqual([['group', 'fama'], ['group', 'fama']])
    expect(groups("Au Burkina Faso, l'armée a repoussé l'attaque.")).toEqual([])
    expect(groups("Le président philippin a condamné l'attentat ; l'armée a renforcé la sécurité.")).toEqual([])
  })
})

describe('killed, in every gender and form', () => {
  it('reads feminine participles: `personnes sont mortes`, `une femme décédée`', () => {
    expect(pairs('Au moins 132 personnes sont mortes dans le séisme.')).toEqual([['killed', 132]])
    expect(pairs('Une personne est morte à Toretsk.')).toEqual([['killed', 1]])
    expect(pairs('Le bilan fait état d’une femme décédée et de 29 blessés.')).toEqual([['killed', 1], ['injured', 29]])
    expect(pairs('Plus de 100 ont été blessées.')).toEqual([['injured', 100]])
  })
  it('reads `tombés` (fallen) as killed, not `tombés dans une embuscade`', () => {
    expect(pairs('Bilan : 5 soldats tombés et plusieurs terroristes neutralisés.')).toEqual([['killed', 5]])
    expect(pairs('Quatorze militaires sont tombés au champ d’honneur.')).toEqual([['killed', 14]])
    expect(pairs('Six soldats sont tombés dans une embuscade.')).toEqual([['strength', 6]])
  })
  it('reads counted bodies as the dead, not a `corps expéditionnaire`', () => {
    expect(pairs('Ce sont 43 nouveaux corps qui ont été retrouvés.')).toEqual([['killed', 43]])
    expect(pairs('Deux corps expéditionnaires ont débarqué.')).toEqual([])
  })
  it('reads `neutraliser six terroristes`, `la neutralisation de trois`', () => {
    expect(pairs('Les militaires ont permis de neutraliser six terroristes.')).toEqual([['killed', 6]])
    expect(pairs('avec pour résultat la neutralisation de trois terroristes')).toEqual([['killed', 3]])
  })
  it('does not read an active `ont tué` after a count as its casualty word', () => {
    expect(pairs('Ils ont attaqué la prison, à 50 km au nord, et ont tué un soldat.')).toEqual([['killed', 1]])
  })
})

describe('counts that are parts of, or share, another', () => {
  it('reads `dont cinq enfants` as a part of the count before, counted the same way', () => {
    expect(pairs('Le bilan est de 80 morts dont 65 civils.')).toEqual([['killed', 80], ['killed', 65]])
    expect(pairs('Au moins onze personnes ont été tuées, dont cinq enfants, samedi.')).toEqual([['killed', 11], ['killed', 5]])
  })
  it('does not count `dont trois grièvement`: it says how badly, not how many more', () => {
    expect(pairs('Dix-huit soldats ont été blessés, dont trois grièvement.')).toEqual([['injured', 18]])
  })
  it('lends the verb of the next count to people without one: `un adulte et deux enfants ont été blessés`', () => {
    expect(pairs('Un adulte et deux enfants ont été blessés.')).toEqual([['injured', 1], ['injured', 2]])
    // Alone, with no casualty word, civilians are no strength.
    expect(pairs('Un adulte et deux enfants vivaient là.')).toEqual([])
  })
})

describe('captured and missing', () => {
  it('reads the nearest casualty word: arrested, though `décès` comes later', () => {
    expect(pairs('Deux hommes ont été interpellés dans l’enquête sur son décès.')).toEqual([['captured', 2]])
    expect(pairs('Les FAMa ont interpellé 32 éléments des groupes armés.')).toEqual([['group', 'fama'], ['captured', 32]])
  })
  it('reads `fait une dizaine de prisonniers` as captured, not killed', () => {
    expect(pairs('L’armée a fait une dizaine de prisonniers.')).toEqual([['captured', 10]])
  })
  it('reads through quotation marks: `un autre est porté «disparu»`', () => {
    expect(pairs('Seize soldats ont été tués et un autre est porté «disparu».')).toEqual([['killed', 16], ['missing', 1]])
  })
})

describe('vehicles taken or destroyed', () => {
  it('reads `volés`, `brûlés`, `perdus`', () => {
    expect(pairs('Huit véhicules militaires volés.')).toEqual([['vehicles', 8]])
    expect(pairs('Quatre autres véhicules ont été brûlés.')).toEqual([['vehicles', 4]])
  })
  it('reads the verb a little further: `Sept véhicules armés et des dizaines de motos ont été détruits`', () => {
    expect(pairs('Sept véhicules armés et des dizaines de motos ont également été détruits.')).toEqual([['vehicles', 7]])
  })
  it('reads a list of the materiel seized, and `la destruction d’une moto`', () => {
    expect(pairs('Parmi le matériel saisi, onze mitrailleuses, des munitions et neuf motos.')).toEqual([['vehicles', 9]])
    expect(pairs('la destruction d’une moto')).toEqual([['vehicles', 1]])
  })
  it('does not count vehicles used, not taken', () => {
    expect(pairs('Six assaillants à bord de trois motos ont attaqué le poste.')).toEqual([['strength', 6]])
  })
})

describe('counts the verb and noun of the count before', () => {
  it('reads `92 personnes sont mortes à Jajarkot et 40 à Rukum`', () => {
    expect(pairs('92 personnes sont mortes à Jajarkot et 40 à Rukum.')).toEqual([['killed', 92], ['killed', 40]])
    expect(pairs('Six soldats ont été tués à Gao et 50 km plus loin, la route était coupée.')).toEqual([['killed', 6]])
  })
})

describe('munitions and aircraft are no people', () => {
  it('does not read `abattu quatre missiles` as killed', () => {
    expect(pairs('La Russie a affirmé avoir abattu quatre missiles ukrainiens.')).toEqual([])
  })
})

describe('units are no counts of people', () => {
  it('does not read `69 ans`, `50 km` as casualties', () => {
    expect(pairs('Un habitant de 69 ans a succombé à ses blessures.')).toEqual([['killed', 1]])
    expect(pairs('La prison, à 50 km au nord, a été attaquée.')).toEqual([])
  })
})

describe('`la veille` before a weekday', () => {
  it('is that weekday, not a second date', () => {
    // 2021-08-20 is a Friday.
    expect(findDates('La veille mercredi, 80 personnes ont été tuées.', { published: '2021-08-20' }).found.map((f) => f.value)).toEqual(['2021-08-18'])
    expect(findDates('Il avait été visé la veille.', { published: '2021-08-20' }).found.map((f) => f.value)).toEqual(['2021-08-19'])
  })
})

describe('a range of days without a year', () => {
  it('gives both days, each resolved against publication: `Du 20 juin au 14 août`', () => {
    const value = (text: string, published: string) => findDates(text, { published }).found.map((f) => f.value)
    expect(value('Du 20 juin au 14 août, les légations ont été assiégées.', '1900-11-10')).toEqual(['1900-06-20', '1900-08-14'])
    expect(value('du 28 décembre au 3 janvier', '1901-01-10')).toEqual(['1900-12-28', '1901-01-03'])
  })
})
