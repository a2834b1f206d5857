/**
 * The bundled records against the seed article (shared/seed/soumpi-attack.txt).
 *
 * `seedFacts` is written from the seed by hand: the Soumpi infobox and text,
 * and one row per "Related Research Articles" paragraph. Each record must
 * state exactly these facts: a date, place, belligerent or figure that the
 * seed does not give fails the test, and so does one that the record drops.
 */
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { loadCorpus } from '../../src/ingest/corpus.ts'
import { quantities } from '../../src/ingest/cross-check.ts'
import type { Count, EventRecord, Qualifier, Result } from '../../src/record/schema.ts'

const SOURCES = join(import.meta.dirname, '..', '..', 'sources')

interface Figure {
  value: Count
  qualifier?: Qualifier
}

interface SeedFacts {
  date?: { start: string; end?: string }
  places: string[]
  /** Belligerents of each side, in the record's order of sides. */
  sides: string[][]
  outcome: Result['outcome']
  victors?: string[]
  commanders?: string[]
  /** Keyed `<side or group id>.<kind>`: every figure the seed states, and no other. */
  figures?: Record<string, Figure>
}

const seedFacts: Record<string, SeedFacts> = {
  // Infobox: January 27, 2018; JNIM-CPA victory; 14 killed, 18 injured / ~30, 4 killed.
  // Text: "alleging to have captured six vehicles".
  'soumpi-attack': {
    date: { start: '2018-01-27' },
    places: ['soumpi', 'mali'],
    sides: [['mali'], ['jnim', 'cpa']],
    outcome: 'victory',
    victors: ['jnim', 'cpa'],
    commanders: ['abass-dembele', 'daoud-ould-mohammedine', 'alkassoum-ag-abdoulaye'],
    figures: {
      'malian-forces.killed': { value: 14 },
      'malian-forces.injured': { value: 18 },
      'malian-forces.vehicles': { value: 6 },
      'jihadists.strength': { value: 30, qualifier: 'about' },
      'jihadists.killed': { value: 4 },
    },
  },
  // "The Mondoro attack took place on 4 March 2022, when al-Qaeda-linked
  // jihadists attacked a Malian military base, causing heavy casualties."
  'mondoro-attack-2022': {
    date: { start: '2022-03-04' },
    places: ['mondoro', 'mali'],
    sides: [['mali'], ['al-qaeda-linked-jihadists']],
    outcome: 'unknown',
  },
  // "On February 3, 2021, ... JNIM attacked a Malian base in the remote town of
  // Boni. French troops from Operation Barkhane ... successfully repulsed the attack."
  'boni-attack-2021': {
    date: { start: '2021-02-03' },
    places: ['boni', 'mali'],
    sides: [['mali', 'france', 'barkhane'], ['jnim']],
    outcome: 'repelled',
    victors: ['mali', 'france', 'barkhane'],
  },
  // "On January 24, 2021, ... JNIM ... Boulikessi and Mondoro, Mali. The Malian
  // forces, combined with French weapons from Operation Barkhane, repulsed ..."
  'boulikessi-mondoro-attacks-2021': {
    date: { start: '2021-01-24' },
    places: ['boulikessi', 'mondoro', 'mali'],
    sides: [['mali', 'barkhane'], ['jnim']],
    outcome: 'repelled',
    victors: ['mali', 'barkhane'],
  },
  // "On October 13, 2020, ... JNIM attacked a Malian military base in Sokoura, ...
  // the bridge in Parou, with the ensuing firefight killing 12 civilians."
  'sokoura-attack-2020': {
    date: { start: '2020-10-13' },
    places: ['sokoura', 'parou', 'mali'],
    sides: [['mali'], ['jnim']],
    outcome: 'unknown',
    figures: { 'civilians.killed': { value: 12 } },
  },
  // "On April 6, 2020, ... JNIM attacked a secluded Malian military base in
  // Bamba, killing dozens of Malian soldiers." (too vague for a figure)
  'bamba-attack-2020': {
    date: { start: '2020-04-06' },
    places: ['bamba', 'mali'],
    sides: [['mali'], ['jnim']],
    outcome: 'unknown',
  },
  // "... launched by the Islamic State in the Greater Sahara against the Malian
  // Army, Tuareg self-defense groups including the MSA and GATIA, and ... JNIM.
  // The offensives took place in the Ménaka Cercle, in southeastern Mali." (no date)
  'menaka-offensive': {
    places: ['menaka-cercle', 'mali'],
    sides: [['isgs'], ['mali'], ['msa', 'gatia'], ['jnim']],
    outcome: 'unknown',
  },
  // "... between September 30 and October 1, 2019. Jihadists from JNIM and
  // Ansarul Islam attacked Malian bases in Boulikessi and Mondoro, killing
  // between 40 and 85 Malian soldiers"
  'boulikessi-battle-2019': {
    date: { start: '2019-09-30', end: '2019-10-01' },
    places: ['boulikessi', 'mondoro', 'mali'],
    sides: [['mali'], ['jnim', 'ansarul-islam']],
    outcome: 'unknown',
    figures: { 'malian-forces.killed': { value: { min: 40, max: 85 }, qualifier: 'range' } },
  },
  // "On April 21, 2019, JNIM attacked a Malian military base at Guiré, Mali"
  'guire-attack-2019': {
    date: { start: '2019-04-21' },
    places: ['guire', 'mali'],
    sides: [['mali'], ['jnim']],
    outcome: 'unknown',
  },
  // "... JNIM against the MINUSMA base in Aguelhok, Mali on January 20, 2019 ...
  // defended by Chadian and Bengali peacekeepers, and was later aided by French
  // forces part of Operation Barkhane."
  'aguelhok-attack-2019': {
    date: { start: '2019-01-20' },
    places: ['aguelhok', 'mali'],
    sides: [['minusma', 'chad', 'bangladesh', 'france', 'barkhane'], ['jnim']],
    outcome: 'unknown',
  },
  // "On July 31, 2018, ... JNIM ambushed a convoy of Malian soldiers ... near Dogofry, Mali."
  'dogofry-ambush-2018': {
    date: { start: '2018-07-31' },
    places: ['dogofry', 'mali'],
    sides: [['mali'], ['jnim']],
    outcome: 'unknown',
  },
  // "The Inaghalawass skirmish took place on February 14, 2018, between French
  // forces and JNIM fighters." (no country named)
  'inaghalawass-skirmish-2018': {
    date: { start: '2018-02-14' },
    places: ['inaghalawass'],
    sides: [['france'], ['jnim']],
    outcome: 'unknown',
  },
  // "On January 25, 2018, ... JNIM attacked the village of Youwarou in Mali, but
  // the attack was repelled by Malian forces."
  'youwarou-attack-2018': {
    date: { start: '2018-01-25' },
    places: ['youwarou', 'mali'],
    sides: [['mali'], ['jnim']],
    outcome: 'repelled',
    victors: ['mali'],
  },
  // "On November 24, 2017, ... JNIM ambushed Nigerien MINUSMA peacekeepers and
  // Malian soldiers in the village of Indelimane, Mali."
  'indelimane-ambush-2017': {
    date: { start: '2017-11-24' },
    places: ['indelimane', 'mali'],
    sides: [['minusma', 'niger', 'mali'], ['jnim']],
    outcome: 'unknown',
  },
  // "... between October 23 and 24, 2017, between French forces of Operation
  // Barkhane and JNIM in the remote wadi of Tin Biden, Kidal Region, Mali. ...
  // French forces killed eleven Malian prisoners of war held captive by JNIM."
  'tin-biden-raid-2017': {
    date: { start: '2017-10-23', end: '2017-10-24' },
    places: ['tin-biden', 'kidal-region', 'mali'],
    sides: [['france', 'barkhane'], ['jnim']],
    outcome: 'unknown',
    figures: { 'malian-prisoners-of-war.killed': { value: 11 } },
  },
  // "On August 14, 2017, ... JNIM attacked a MINUSMA base in Timbuktu, Mali."
  'timbuktu-attack-2017': {
    date: { start: '2017-08-14' },
    places: ['timbuktu', 'mali'],
    sides: [['minusma'], ['jnim']],
    outcome: 'unknown',
  },
  // "On June 17, 2017, ... JNIM attacked Malian forces in Bintagoungou, Tombouctou Region, Mali."
  'bintagoungou-attack-2017': {
    date: { start: '2017-06-17' },
    places: ['bintagoungou', 'timbuktu-region', 'mali'],
    sides: [['mali'], ['jnim']],
    outcome: 'unknown',
  },
  // "On May 2, 2017, Malian forces were ambushed by JNIM fighters near Dogofry, Mali."
  'dogofry-ambush-2017': {
    date: { start: '2017-05-02' },
    places: ['dogofry', 'mali'],
    sides: [['mali'], ['jnim']],
    outcome: 'unknown',
  },
  // "The battle of Gourma-Rharous took place on April 18, 2017, between French
  // and Malian forces against an attacking JNIM." (no country named)
  'gourma-rharous-battle-2017': {
    date: { start: '2017-04-18' },
    places: ['gourma-rharous'],
    sides: [['france', 'mali'], ['jnim']],
    outcome: 'unknown',
  },
  // "On March 5, 2017, ... JNIM attacked Malian forces in Boulikessi."
  'boulikessi-attack-2017': {
    date: { start: '2017-03-05' },
    places: ['boulikessi', 'mali'],
    sides: [['mali'], ['jnim']],
    outcome: 'unknown',
  },
}

const corpus = await loadCorpus(SOURCES)
const records = new Map(corpus.events.map((event) => [event.record.id, event.record]))
const ids = (refs: Array<{ entity: string }>) => refs.map((ref) => ref.entity)

/** Every figure of a record, keyed like `SeedFacts.figures`. */
function figuresOf(record: EventRecord): Record<string, Figure> {
  const figures: Record<string, Figure> = {}
  for (const { path, quantity } of quantities(record)) {
    const [list, index, , kind] = path as [string, number, string, string | undefined]
    const owner = list === 'sides' ? record.sides[index]! : record.otherCasualties[index]!
    figures[`${owner.id}.${kind ?? 'strength'}`] = { value: quantity.value, qualifier: quantity.qualifier }
  }
  return figures
}

/** Places where nothing else lies: towns, villages, sites (not states or regions). */
const sites = new Set(
  corpus.glossary.entities
    .filter((entity) => entity.type === 'place')
    .filter((entity) => !corpus.glossary.entities.some((other) => other.partOf === entity.id))
    .map((entity) => entity.id),
)

describe('the bundled sources', () => {
  it('pass `check` with no error and no warning', () => {
    const messages = corpus.files.flatMap((file) => file.messages.map((message) => `${file.path}: ${message.reason}`))
    expect(messages).toEqual([])
  })

  it('hold one record per event of the seed, and no other', () => {
    expect([...records.keys()].sort()).toEqual(Object.keys(seedFacts).sort())
  })
})

describe.each(Object.entries(seedFacts))('%s', (id, facts) => {
  const record = () => records.get(id)!

  it('has the date the seed gives, or none', () => {
    const date = record().date
    expect(date && { start: date.start, ...(date.end ? { end: date.end } : {}) }).toEqual(facts.date)
  })

  it('has the places and belligerents the seed names', () => {
    expect(ids(record().place)).toEqual(facts.places)
    expect(record().sides.map((side) => ids(side.belligerents))).toEqual(facts.sides)
    expect(record().sides.flatMap((side) => ids(side.commanders))).toEqual(facts.commanders ?? [])
  })

  it('has the outcome the seed states, or unknown', () => {
    expect(record().result.outcome).toBe(facts.outcome)
    expect(ids(record().result.victors)).toEqual(facts.victors ?? [])
  })

  it('states every figure of the seed and invents none', () => {
    const expected = Object.fromEntries(
      Object.entries(facts.figures ?? {}).map(([key, figure]) => [key, { qualifier: 'exact', ...figure }]),
    )
    expect(figuresOf(record())).toEqual(expected)
  })

  it('is linked to Soumpi and to every other event at the same place', () => {
    const related = new Set(record().related)
    const expected = id === 'soumpi-attack' ? Object.keys(seedFacts).filter((other) => other !== id) : ['soumpi-attack']
    for (const [other, otherFacts] of Object.entries(seedFacts)) {
      if (other !== id && otherFacts.places.some((place) => sites.has(place) && facts.places.includes(place))) expected.push(other)
    }
    expect([...related].filter((other) => expected.includes(other)).sort()).toEqual([...new Set(expected)].sort())
  })

  it('has French prose for every English section', () => {
    expect(record().sections.length).toBeGreaterThan(0)
    for (const section of record().sections) expect(section.fr?.text).toBeTruthy()
  })
})

describe('French excerpts of the related events', () => {
  const related = corpus.events.filter((event) => event.record.id !== 'soumpi-attack')
  const weekdays = new Intl.DateTimeFormat('fr', { weekday: 'long', timeZone: 'UTC' })

  it.each(related.map((event) => [event.record.id, event] as const))('%s has 2 to 4 French paraphrases, each saying how it was made', (_, event) => {
    expect(event.excerpts.length).toBeGreaterThanOrEqual(2)
    expect(event.excerpts.length).toBeLessThanOrEqual(4)
    for (const { meta } of event.excerpts) {
      expect(meta).toMatchObject({ kind: 'paraphrase', language: 'fr' })
      expect(meta.note).toMatch(/ce n'est pas une citation/)
    }
  })

  it('name "ce <weekday>" only on the weekday they are published', () => {
    const mismatches: string[] = []
    for (const { excerpts } of related) {
      for (const { meta, blocks } of excerpts) {
        for (const [, day] of blocks.map((block) => block.text).join(' ').matchAll(/\bce (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b/g)) {
          const published = meta.published && weekdays.format(new Date(meta.published))
          if (published !== day) mismatches.push(`${meta.id}: "ce ${day}" but published ${meta.published ?? 'undated'} (${published})`)
        }
      }
    }
    expect(mismatches).toEqual([])
  })
})
