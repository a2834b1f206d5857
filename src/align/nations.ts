/**
 * Countries and nationalities named in French text, to tell whose army a
 * text speaks of: `l'armée burkinabè` is not the FAMa, `Forces armées
 * nigériennes` are Niger's, and an unqualified `l'armée` in a text about the
 * Philippines is the Philippine army. Country names come from CLDR (through
 * `Intl.DisplayNames`), nationality adjectives from i18n-nationality; neither
 * names an entity of the glossary by itself: they only say which country.
 */
import frenchNationalities from 'i18n-nationality/langs/fr.json' with { type: 'json' }
import type { Entity, Glossary } from '../record/schema.ts'
import type { EntityMention } from './entities.ts'
import { militaryThings, troopNouns } from './lexicon.ts'

/** Lower case, no accents: `Burkinabé` and `burkinabè` are one word. */
const fold = (word: string) => word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()

/**
 * i18n-nationality gives the masculine singular (`Malien`, `Burkinabé`,
 * `Français`); French text uses all four forms (`maliennes`, `burkinabè`).
 */
function inflections(masculine: string): string[] {
  const base = fold(masculine)
  const feminine = base.endsWith('e') ? base : base + (/(?:ien|en|on)$/.test(base) ? 'ne' : 'e')
  const plural = (form: string) => (/[sx]$/.test(form) ? form : `${form}s`)
  return [base, plural(base), feminine, plural(feminine), ...(base.endsWith('e') ? [] : [`${base}e`, `${base}es`])]
}

const byAdjective = new Map<string, string>()
for (const [code, name] of Object.entries(frenchNationalities.nationalities)) {
  for (const form of inflections(name)) if (!byAdjective.has(form)) byAdjective.set(form, code)
}

const regionNames = new Intl.DisplayNames(['fr'], { type: 'region' })
const byCountryName = new Map<string, string>()
/** Words of a name, as the word scan below splits them: `cote d'ivoire` is `cote`, `d`, `ivoire`. */
const wordsOf = (folded: string) => folded.match(/\p{L}+/gu) ?? []
let longestName = 1
/** First words of names, so that only a name's first word starts a look-up of the words after it. */
const firstWords = new Set<string>()
for (const code of Object.keys(frenchNationalities.nationalities)) {
  const name = regionNames.of(code)
  if (!name || name === code) continue
  const words = wordsOf(fold(name))
  byCountryName.set(words.join(' '), code)
  firstWords.add(words[0]!)
  longestName = Math.max(longestName, words.length)
}

/** The ISO 3166 code of a country whose French nationality adjective this word is (any gender and number). */
export function nationOfAdjective(word: string): string | undefined {
  return byAdjective.get(fold(word))
}

/** The ISO 3166 code of a country by its French name (`Mali`, `Burkina Faso`, `Côte d’Ivoire`). */
export function countryCode(name: string): string | undefined {
  return byCountryName.get(wordsOf(fold(name)).join(' '))
}

export interface NationMention {
  code: string
  start: number
  end: number
}

/** Country names and nationality words of a text, in order. */
export function findNations(text: string): NationMention[] {
  const found: NationMention[] = []
  // Folding keeps the length of precomposed French letters, so offsets in the folded text are the text's;
  // a text whose length it changes (decomposed accents) is read on its composed form.
  let folded = fold(text)
  let original = text
  if (folded.length !== text.length) {
    original = text.normalize('NFC')
    folded = fold(original)
    if (folded.length !== original.length) return found
  }
  // Folded text is lower-case Latin: a plain character class is many times faster than \p{L} here.
  const words = [...folded.matchAll(/[a-z\u00df-\u024f]+/g)]
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!
    // A country's name starts with a capital (`niger` in lower case is not one): longest name first.
    const initial = original[first.index]!
    let taken = 0
    if (initial !== initial.toLowerCase() && firstWords.has(first[0])) {
      for (let length = Math.min(longestName, words.length - i); length > 0 && !taken; length--) {
        const code = byCountryName.get(length === 1 ? first[0] : words.slice(i, i + length).map((word) => word[0]).join(' '))
        if (!code) continue
        const last = words[i + length - 1]!
        found.push({ code, start: first.index, end: last.index + last[0].length })
        taken = length
      }
    }
    if (taken) {
      i += taken - 1
      continue
    }
    const code = byAdjective.get(first[0])
    if (code) found.push({ code, start: first.index, end: first.index + first[0].length })
  }
  return found
}


/** `Forces armées nigériennes`, `l'armée burkinabè`, `contingent tchadien`, `Forces de défense et de sécurité (FDS) nigériennes`: troops and their nationality. */
const troopsOfNation = new RegExp(`(?<![\\p{L}])(?<!${militaryThings}\\s+)(?:${troopNouns})(?:\\s+\\(\\p{Lu}[\\p{L}]{1,7}\\))?\\s+(\\p{L}+)(?![\\p{L}])`, 'giu')

/** Troop adjectives that name no nation but may head a list of nationalities: `forces onusiennes, africaines et françaises`. */
const nonNational = /^(?:onusiennes?|onusiens|internationa(?:les?|ux)|étrangère?s?|africaine?s?|européenne?s?|alliée?s?|régiona(?:les?|ux)|partenaires)$/iu

/** Nationality adjectives joined to the one that ends at `from`: `maliennes[, françaises et] nigériennes`. */
function coordinatedNations(text: string, from: number): Array<{ code: string; start: number; end: number }> {
  const found: Array<{ code: string; start: number; end: number }> = []
  const next = /^(?:\s*,\s*|\s+et\s+)(\p{L}+)(?![\p{L}])/u
  let at = from
  for (let joined = next.exec(text.slice(at)); joined; joined = next.exec(text.slice(at))) {
    const code = nationOfAdjective(joined[1]!)
    if (!code && !nonNational.test(joined[1]!)) break
    const end = at + joined[0].length
    if (code) found.push({ code, start: end - joined[1]!.length, end })
    at = end
  }
  return found
}

/**
 * Reads national armies in the glossary's mentions:
 * - troops named with a nationality (`Forces armées nigériennes`) are that
 *   state's armed force in the glossary, else the state itself as a belligerent;
 *   troops of a country the glossary lacks (`l'armée burkinabè`) are no one's;
 * - an unqualified common noun (`armée`) stays the glossary's army only if the
 *   text speaks of that army's country most; in a text that names no country it
 *   is no one's (the sentence alone cannot say whose army it is).
 */
export function resolveNationalForces(text: string, mentions: EntityMention[], glossary: Glossary): EntityMention[] {
  const forcesOf = nationalForces(glossary)
  let resolved = [...mentions]
  for (const match of text.matchAll(troopsOfNation)) {
    const code = nationOfAdjective(match[1]!)
    if (!code && !nonNational.test(match[1]!)) continue
    const start = match.index
    const end = start + match[0].length
    // `des forces maliennes, françaises et …`: the troops of each nationality after the first.
    for (const more of coordinatedNations(text, end)) {
      const entity = forcesOf.get(more.code)
      if (entity && !resolved.some((mention) => mention.start < more.end && mention.end > more.start)) resolved.push({ entity, kind: 'group', start: more.start, end: more.end })
    }
    if (!code) continue
    const overlapping = resolved.filter((mention) => mention.start < end && mention.end > start)
    // A glossary name of its own (`armée malienne`, `soldats nigériens`) already says whose troops these are.
    if (overlapping.some((mention) => !isCommonNoun(mention))) continue
    resolved = resolved.filter((mention) => !overlapping.includes(mention))
    const entity = forcesOf.get(code)
    if (entity) resolved.push({ entity, kind: 'group', start, end })
  }
  // A bare `l'armée` in a text that names no country is no one's: the reader cannot tell whose it is.
  if (resolved.some((mention) => isCommonNoun(mention))) {
    const country = mainCountry(text, resolved, glossary)
    resolved = resolved.filter((mention) => !isCommonNoun(mention) || (country !== undefined && stateCodeOf(mention.entity, glossary) === country))
  }
  return resolved.sort((a, b) => a.start - b.start || a.end - b.end)
}

/** The country a text speaks of most (the first named on a tie), counting the glossary's places by their state. */
function mainCountry(text: string, mentions: EntityMention[], glossary: Glossary): string | undefined {
  const counts = new Map<string, number>()
  const taken: Array<[number, number]> = []
  const add = (code: string | undefined, start: number, end: number) => {
    if (!code || taken.some(([from, to]) => from < end && to > start)) return
    taken.push([start, end])
    counts.set(code, (counts.get(code) ?? 0) + 1)
  }
  for (const mention of mentions) if (!isCommonNoun(mention)) add(stateCodeOf(mention.entity, glossary), mention.start, mention.end)
  for (const nation of findNations(text)) add(nation.code, nation.start, nation.end)
  let best: string | undefined
  for (const [code, count] of counts) if (best === undefined || count > counts.get(best)!) best = code
  return best
}

const forcesByGlossary = new WeakMap<Glossary, Map<string, Entity>>()

/** Each glossary state's code, mapped to its armed force if the glossary has one (Mali → FAMa), else to the state. */
function nationalForces(glossary: Glossary): Map<string, Entity> {
  const cached = forcesByGlossary.get(glossary)
  if (cached) return cached
  const forces = new Map<string, Entity>()
  forcesByGlossary.set(glossary, forces)
  for (const entity of glossary.entities) {
    if (entity.type !== 'state') continue
    const code = countryCode(entity.fr.name)
    if (code && !forces.has(code)) forces.set(code, glossary.entities.find((other) => other.type === 'armed-force' && other.partOf === entity.id) ?? entity)
  }
  return forces
}

function stateCodeOf(entity: Entity, glossary: Glossary): string | undefined {
  const seen = new Set<string>()
  let current: Entity | undefined = entity
  while (current && !seen.has(current.id)) {
    if (current.type === 'state') return countryCode(current.fr.name)
    seen.add(current.id)
    current = current.partOf ? glossary.entities.find((other) => other.id === current!.partOf) : undefined
  }
  return undefined
}

/** A mention by a lower-case one-word glossary alias (`armée`): a common noun, not a name. */
function isCommonNoun(mention: EntityMention): boolean {
  return mention.label !== undefined && /^\p{Ll}+$/u.test(mention.label)
}

