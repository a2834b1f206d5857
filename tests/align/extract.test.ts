import { describe, expect, it } from 'vitest'
import { extractClaims } from '../../src/align/index.ts'
import { Glossary } from '../../src/record/schema.ts'

const glossary = Glossary.parse({
  entities: [
    { id: 'mali', type: 'state', en: { name: 'Mali' }, fr: { name: 'Mali' } },
    { id: 'fama', type: 'armed-force', partOf: 'mali', en: { name: 'Malian Armed Forces' }, fr: { name: 'Forces armées maliennes', short: 'FAMa', aliases: ['armée malienne', 'soldats maliens', 'militaires maliens', 'soldat malien'] } },
    { id: 'jnim', type: 'group', en: { name: 'JNIM' }, fr: { name: 'Groupe de soutien à l’islam et aux musulmans', short: 'GSIM', aliases: ['JNIM'] } },
    { id: 'cpa', type: 'group', en: { name: 'CPA' }, fr: { name: 'Coalition du peuple pour l’Azawad', short: 'CPA' } },
    { id: 'barkhane', type: 'operation', en: { name: 'Barkhane' }, fr: { name: 'opération Barkhane', aliases: ['Barkhane'] } },
    { id: 'niger', type: 'state', en: { name: 'Niger' }, fr: { name: 'Niger', aliases: ['Nigériens', 'casques bleus nigériens'] } },
    { id: 'chad', type: 'state', en: { name: 'Chad' }, fr: { name: 'Tchad', aliases: ['Tchadiens', 'casques bleus tchadiens'] } },
    { id: 'bangladesh', type: 'state', en: { name: 'Bangladesh' }, fr: { name: 'Bangladesh', aliases: ['Bangladais'] } },
    { id: 'soumpi', type: 'place', partOf: 'mali', en: { name: 'Soumpi' }, fr: { name: 'Soumpi', aliases: ['Soumpy'] } },
  ],
})

const claims = (text: string, published?: string) =>
  extractClaims(text, { glossary, published }).claims.map(({ kind, value, qualifier, subject, role }) => ({ kind, value, qualifier, ...(subject ? { subject } : {}), ...(role ? { role } : {}) }))
const counts = (text: string) => claims(text).filter((c) => !['group', 'place', 'person', 'date', 'time'].includes(c.kind))

describe('extractClaims: counts', () => {
  it('reads killed with its qualifier and whose', () => {
    expect(counts('Au moins 14 soldats maliens ont perdu la vie samedi.')).toEqual([{ kind: 'killed', value: 14, qualifier: 'at-least', subject: 'fama' }])
    expect(counts('quatorze soldats avaient été tués et dix-sept blessés')).toEqual([
      { kind: 'killed', value: 14, qualifier: 'exact', role: 'state-forces' },
      { kind: 'injured', value: 17, qualifier: 'exact', role: 'state-forces' },
    ])
    expect(counts('Deux jihadistes ont également péri.')).toEqual([{ kind: 'killed', value: 2, qualifier: 'exact', role: 'armed-group' }])
  })
  it('reads approximations, lower bounds and ranges', () => {
    expect(counts("une trentaine d'assaillants ont attaqué le camp")).toEqual([{ kind: 'strength', value: 30, qualifier: 'about', role: 'attacker' }])
    expect(counts('près de 20 morts')).toEqual([{ kind: 'killed', value: 20, qualifier: 'about' }])
    expect(counts('plus de 40 blessés')).toEqual([{ kind: 'injured', value: 40, qualifier: 'at-least' }])
    expect(counts('entre 40 et 85 soldats maliens tués')).toEqual([{ kind: 'killed', value: { min: 40, max: 85 }, qualifier: 'range', subject: 'fama' }])
    expect(counts('de 40 à 85 morts')).toEqual([{ kind: 'killed', value: { min: 40, max: 85 }, qualifier: 'range' }])
    expect(counts('quatre-vingt-dix morts au moins')).toEqual([{ kind: 'killed', value: 90, qualifier: 'at-least' }])
  })
  it('reads what a verb before the count says', () => {
    expect(counts('la perte de quatre de ses combattants')).toEqual([{ kind: 'killed', value: 4, qualifier: 'exact', role: 'armed-group' }])
    expect(counts("s'être emparé de six véhicules")).toEqual([{ kind: 'vehicles', value: 6, qualifier: 'exact' }])
    expect(counts('tuant au moins 21 soldats')).toEqual([{ kind: 'killed', value: 21, qualifier: 'at-least', role: 'state-forces' }])
    expect(counts('Trois soldats ont été enlevés et deux sont portés disparus.')).toEqual([
      { kind: 'captured', value: 3, qualifier: 'exact', role: 'state-forces' },
      { kind: 'missing', value: 2, qualifier: 'exact', role: 'state-forces' },
    ])
  })
  it('resolves a possessive to the group named in the sentence', () => {
    expect(counts("L'armée malienne a annoncé 14 morts et 18 blessés dans ses rangs.")).toEqual([
      { kind: 'killed', value: 14, qualifier: 'exact', subject: 'fama' },
      { kind: 'injured', value: 18, qualifier: 'exact', subject: 'fama' },
    ])
  })
  it('does not read numbers that count nothing', () => {
    expect(counts("une alliance de cinq groupes jihadistes formée l'an dernier")).toEqual([])
    expect(counts('Après environ une heure et demie de combats, deux Arabes, un Peul et un Touareg')).toEqual([])
    expect(counts('Le 27 janvier 2018 vers 4 heures')).toEqual([])
  })
  it('does not give soldiers of another nation to the default side', () => {
    expect(counts('trois soldats français ont été blessés')).toEqual([{ kind: 'injured', value: 3, qualifier: 'exact' }])
  })
})

describe('extractClaims: entities, dates, problems', () => {
  it('finds groups and places by French names, short forms and aliases', () => {
    const found = claims("Le GSIM (ou JNIM) et la CPA ont attaqué les FAMa à Soumpy, avec l'opération Barkhane au Mali.")
    expect(found.filter((c) => c.kind === 'group').map((c) => c.value)).toEqual(['jnim', 'jnim', 'cpa', 'fama', 'barkhane'])
    expect(found.filter((c) => c.kind === 'place').map((c) => c.value)).toEqual(['soumpi', 'mali'])
  })
  it('matches acronyms by case only', () => {
    expect(claims('une cpa quelconque').filter((c) => c.kind === 'group')).toEqual([])
  })
  it('gives character offsets into the text', () => {
    const text = 'Selon RFI, 14 militaires ont été tués.'
    const [claim] = extractClaims(text, { glossary }).claims
    expect(text.slice(claim!.start, claim!.end)).toBe('14')
  })
  it('returns problems with spans instead of guessing', () => {
    const text = 'Le 31 février, samedi, vingt trente morts, entre 85 et 40 blessés.'
    const { problems } = extractClaims(text, { glossary })
    expect(problems.map((p) => [p.ruleId, text.slice(p.start, p.end)])).toEqual([
      ['impossible-date', '31 février'],
      ['relative-date-without-publication', 'samedi'],
      ['impossible-number', 'vingt trente'],
      ['impossible-number', '85 et 40'],
    ])
    expect(problems.every((p) => p.reason.length > 0)).toBe(true)
  })
})

describe('extractClaims: natural French of the 19 events', () => {
  it('reads prisoners of war who were killed as killed, not captured', () => {
    expect(counts("Onze soldats maliens, prisonniers de guerre aux mains du GSIM, ont été tués par les forces françaises.")).toEqual([{ kind: 'killed', value: 11, qualifier: 'exact', subject: 'fama' }])
  })
  it('gives two counts joined by « et » the verb they share', () => {
    expect(counts('Au moins trois casques bleus nigériens et un soldat malien ont été tués vendredi.')).toEqual([
      { kind: 'killed', value: 3, qualifier: 'at-least', subject: 'niger' },
      { kind: 'killed', value: 1, qualifier: 'exact', subject: 'fama' },
    ])
    // A verb of its own keeps the first count a strength.
    expect(counts("Une trentaine d'assaillants ont attaqué et deux soldats ont été tués.").map((c) => c.kind)).toEqual(['strength', 'killed'])
  })
  it('reads states named as troops as belligerents, not places', () => {
    const entities = (text: string) => claims(text).filter((c) => c.kind === 'group' || c.kind === 'place').map((c) => [c.kind, c.value])
    expect(entities('en renfort des Casques bleus du Tchad et du Bangladesh, au Niger')).toEqual([['group', 'chad'], ['group', 'bangladesh'], ['place', 'niger']])
    expect(entities('Des Casques bleus tchadiens et bangladais défendaient la base.')).toEqual([['group', 'chad'], ['group', 'bangladesh']])
    expect(entities('des soldats de la paix nigériens')).toEqual([['group', 'niger']])
  })
})

describe('extractClaims: constructions of real French reports (bench dev split)', () => {
  it('reads a count of any people a casualty verb qualifies, and « un blessé »', () => {
    expect(counts('Trois ouvriers ont été tués et un blessé.')).toEqual([
      { kind: 'killed', value: 3, qualifier: 'exact' },
      { kind: 'injured', value: 1, qualifier: 'exact' },
    ])
    expect(counts("78 personnels de l'éducation nationale ont été blessés").map((c) => [c.kind, c.value])).toEqual([['injured', 78]])
    expect(counts('661 000 seront tués').map((c) => [c.kind, c.value])).toEqual([['killed', 661000]])
  })
  it('reads the attackers of « attaqué par quinze Boërs » and tolls « le nombre de morts s’élevait à 109 »', () => {
    expect(counts('un petit poste a été attaqué par quinze Boërs').map((c) => [c.kind, c.value])).toEqual([['strength', 15]])
    expect(counts('le nombre de morts s’élevait désormais à 109.').map((c) => [c.kind, c.value])).toEqual([['killed', 109]])
    expect(counts('Ce décès porte à 18 le nombre de soldats tués.').map((c) => [c.kind, c.value])).toEqual([['killed', 18]])
  })
  it('counts equipment only when taken or destroyed', () => {
    expect(counts('Une voiture à quatre roues a basculé au-dessus d’un talus.')).toEqual([])
    expect(counts('30 terroristes neutralisés et 5 motos saisies').map((c) => [c.kind, c.value])).toEqual([['killed', 30], ['vehicles', 5]])
  })
  it('does not read « armée » in « la VIᵉ armée allemande » as the FAMa', () => {
    expect(claims('encercle la VIᵉ armée allemande').filter((c) => c.kind === 'group')).toEqual([])
  })
})
