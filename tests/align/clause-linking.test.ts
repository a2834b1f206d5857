/**
 * Round 7: a count and its predicate anywhere in their clause (src/align/clause.ts),
 * the predicate lexicon, and the precision rules of the round (a bare `l'armée`
 * in a text naming no country, `militaire` as an adjective, `passé de quatre à
 * six`, `être` stating a strength, `sept sont dans un état grave`), each with a
 * case that must stay unread.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { extractClaims } from '../../src/align/index.ts'
import { Glossary } from '../../src/record/schema.ts'

const glossary = Glossary.parse(parse(readFileSync(new URL('../../sources/glossary.yaml', import.meta.url), 'utf8')))
const pairs = (text: string, published?: string) => extractClaims(text, { glossary, published }).claims.map(({ kind, value }) => [kind, value])
const counts = (text: string) => pairs(text).filter(([kind]) => !['group', 'place', 'date', 'time', 'person'].includes(kind as string))
const groups = (text: string) => pairs(text).filter(([kind]) => kind === 'group').map(([, value]) => value)

describe('a predicate before its count, across the clause', () => {
  it('reads a count after an aside, a place or a date between it and its predicate', () => {
    expect(counts('Une frappe a permis de neutraliser, sur un site d’entraînement des groupes armés, une dizaine de combattants.')).toEqual([['killed', 10]])
    expect(counts('Une action a permis de neutraliser dans la zone de Menaka une dizaine de terroristes.')).toEqual([['killed', 10]])
    expect(counts('Des frappes ont permis de neutraliser le 14 juin dernier « près d’une quarantaine de terroristes ».')).toEqual([['killed', 40]])
    expect(counts('La mission avait déjà perdu jusque-là plus de cent soixante Casques bleus.')).toEqual([['killed', 160]])
  })
  it('reads the predicates of the lexicon: `mettre hors de combat`, `la mise hors de combat`, `mis hors d’état de nuire`, `assassinées`', () => {
    expect(counts('Un assaut a permis aux commandos, appuyés par une patrouille, de mettre hors de combat six terroristes.')).toEqual([['killed', 6]])
    expect(counts('Ces opérations ont permis la mise hors de combat d’une quinzaine de terroristes.')).toEqual([['killed', 15]])
    expect(counts('Une vingtaine d’éléments mis hors d’état de nuire, selon Barkhane.')).toEqual([['killed', 20]])
    expect(counts('Seize personnes ont été « assassinées » dans la zone.')).toEqual([['killed', 16]])
    expect(counts('Trois soldats sont tombés dans une autre attaque à Tombouctou.')).toEqual([['killed', 3]])
  })
  it('does not take a passive participle, or a predicate with its own object or agent, for the count’s', () => {
    expect(counts('Trois gendarmes ont été tués lors d’une attaque lancée par une cinquantaine d’hommes armés.')).toEqual([['killed', 3], ['strength', 50]])
    expect(counts('133 personnes ont été tuées dans 80 attaques terroristes.')).toEqual([['killed', 133]])
    expect(counts('L’armée a tué le chef du groupe venu avec 30 combattants.')).toEqual([['strength', 30]])
    expect(counts('Deux soldats sont tombés dans une embuscade.')).toEqual([['strength', 2]])
    expect(counts('Un convoi est tombé, dans la soirée de dimanche, dans une embuscade.')).toEqual([])
  })
})

describe('a predicate after asides', () => {
  it('reads through a `dont` breakdown, an aside and a complement', () => {
    expect(counts('Quarante-quatre militaires dont deux lieutenants, à bord de huit véhicules, seraient toujours portés disparus.')).toEqual([['missing', 44], ['missing', 2]])
    expect(counts('Quatre pêcheurs de l’île de Wieringen, emportés par une banquise, sont portés disparus.')).toEqual([['missing', 4]])
  })
  it('reads a list of equipment whose passive verb comes after it', () => {
    expect(counts('Par ailleurs, "14 motos, quatre mitrailleuses et 10 téléphones", ont été saisis par les FDS.')).toEqual([['vehicles', 14]])
    expect(counts('Ils ont pu détruire trois pick-up, sept motos et des armes.')).toEqual([['vehicles', 3], ['vehicles', 7]])
    expect(counts('Un convoi de douze véhicules a été attaqué dimanche.')).toEqual([])
  })
})

describe('coordinated counts share a predicate', () => {
  it('gives the second count the first one’s predicate', () => {
    expect(counts('Un militaire malien est mort, ainsi qu’au moins quatre assaillants, selon les autorités.')).toEqual([['killed', 1], ['killed', 4]])
    expect(counts('La source déplore la mort de quatre militaires et de cinq civils.')).toEqual([['killed', 4], ['killed', 5]])
    expect(counts('L’embuscade a été fatale à cinq maréchaux des logis (MDL) et à un gendarme à la retraite.')).toEqual([['killed', 5], ['killed', 1]])
    expect(counts('Une dizaine d’autres ont été blessés, ainsi qu’une dizaine de membres de la force Barkhane.')).toEqual([['injured', 10], ['injured', 10]])
  })
  it('not to things, nor to a count with a verb of its own', () => {
    expect(counts('Près de 9 000 personnes sont mortes, détruisant des habitations et 8 000 écoles.')).toEqual([['killed', 9000]])
    expect(counts('Deux soldats ont été tués et une centaine d’assaillants se sont enfuis.')).toEqual([['killed', 2], ['strength', 100]])
  })
})

describe('articles and figures', () => {
  it('counts `un` before a noun the lexicon lacks when a passive or intransitive predicate follows', () => {
    expect(counts('Un travailleur de la mine a également trouvé la mort au cours des échanges.')).toEqual([['killed', 1]])
    expect(counts('Deux passagers d’un bus ont été tués.')).toEqual([['killed', 2]])
    expect(counts('Deux enfants, un frère et une sœur, ont perdu la vie.')).toEqual([['killed', 2]])
    expect(counts('Un orage s’est abattu sur la commune.')).toEqual([])
    expect(counts('Les commandos ont découvert un plot sur lequel ont été mis hors de combat plusieurs terroristes.')).toEqual([])
  })
  it('reads `passé de quatre à six` as two figures, not a range', () => {
    expect(counts('Le bilan est passé de quatre à six gendarmes tués.')).toEqual([['killed', 4], ['killed', 6]])
    expect(counts('entre quatre et six gendarmes tués')).toEqual([['killed', { min: 4, max: 6 }]])
  })
  it('reads a strength stated with `être`, and survivors as no casualty', () => {
    expect(counts('« Les assaillants étaient plus d’une centaine, a déclaré un habitant.')).toEqual([['strength', 100]])
    expect(counts('Le bilan est de 24 morts, 8 rescapés et quatre véhicules détruits.')).toEqual([['killed', 24], ['vehicles', 4]])
  })
  it('reads `sept sont dans un état grave` as how badly, not a count', () => {
    expect(counts('Sur les trente blessés, sept sont dans un état grave.')).toEqual([['injured', 30]])
  })
})

describe('clause bounds', () => {
  it('counts the singular `militaire`, and parts of a strength after `dont` as a strength', () => {
    expect(counts('le bilan est de sept morts, 17 blessés et un militaire porté disparu')).toEqual([['killed', 7], ['injured', 17], ['missing', 1]])
    expect(counts('La patrouille, avec un effectif de 64 soldats dont deux lieutenants, a été attaquée.')).toEqual([['strength', 64], ['strength', 2]])
  })
  it('does not read a casualty word past a second count joined by `et une`, or past a reported clause', () => {
    expect(counts('le bilan fait état de 8 morts dont 5 arabes et une personne portée disparue')).toEqual([['killed', 8], ['killed', 5], ['missing', 1]])
    expect(counts('Un militaire guinéen a précisé que les Casques bleus tués appartenaient à ce contingent.')).toEqual([])
  })
})

describe('names', () => {
  it('leaves a bare `l’armée` to no one in a text naming no country, and `militaire` as an adjective', () => {
    expect(groups('Le communiqué ajoute que des avions de l’armée sont intervenus.')).toEqual([])
    expect(pairs('contre un camp militaire du Niger').filter(([kind]) => kind === 'place' || kind === 'group')).toEqual([['place', 'niger']])
  })
  it('reads armies of several states, nationality after a bracket, and MINUSMA by description', () => {
    expect(groups('en collaboration avec les armées nationales du Mali et du Niger')).toEqual(['fama', 'niger'])
    expect(groups('des Forces de défense et de sécurité (FDS) nigériennes')).toEqual(['niger'])
    expect(groups('malgré la présence des forces onusiennes, africaines et françaises')).toEqual(['minusma', 'french-armed-forces'])
    expect(groups('l’essentiel des troupes de l’ONU à Kidal')).toEqual(['minusma'])
  })
  it('reads `djihadistes` as the glossary’s `jihadistes`', () => {
    expect(groups('sous la coupe de djihadistes liés à Al-Qaïda')).toEqual(['al-qaeda-linked-jihadists'])
  })
})
