/**
 * Glossary entities named in French text, by their French name, short form
 * and aliases (GSIM = JNIM, FAMa, Barkhane, Soumpy). The glossary is the one
 * place that knows names; this module only finds them.
 */
import type { Entity, Glossary } from '../record/schema.ts'
import type { ClaimKind } from './types.ts'

export interface EntityMention {
  entity: Entity
  kind: ClaimKind
  /** The glossary label it was found by (`armée`, `Bangladais`), if any. */
  label?: string
  start: number
  end: number
}

export interface EntityMatcher {
  find(text: string): EntityMention[]
  byId: Map<string, Entity>
}

const matchers = new WeakMap<Glossary, EntityMatcher>()

/** Builds (once per glossary object) a matcher for every French label. */
export function entityMatcher(glossary: Glossary): EntityMatcher {
  let matcher = matchers.get(glossary)
  if (!matcher) {
    matcher = buildMatcher(glossary)
    matchers.set(glossary, matcher)
  }
  return matcher
}

/** Which claim kind a mention of an entity of this type is. */
export function mentionKind(entity: Entity, label = entity.fr.name): ClaimKind | undefined {
  switch (entity.type) {
    case 'state':
      // `au Mali` is a place; `soldats français`, `casques bleus tchadiens` (aliases) are its forces.
      return label === entity.fr.name ? 'place' : 'group'
    case 'place':
      return 'place'
    case 'person':
      return 'person'
    case 'conflict':
      return undefined
    default:
      return 'group'
  }
}

function buildMatcher(glossary: Glossary): EntityMatcher {
  const labels = new Map<string, Entity>()
  const byId = new Map<string, Entity>()
  for (const entity of glossary.entities) {
    byId.set(entity.id, entity)
    const names = [entity.fr.name, entity.fr.short, ...entity.fr.aliases, entity.en.short]
    for (const name of names) if (name && !labels.has(name)) labels.set(name, entity)
    // `un Casque bleu`: a plural alias (every word ending in -s) names one member too.
    for (const name of entity.fr.aliases) {
      const singular = singularOf(name)
      if (singular && !labels.has(singular)) labels.set(singular, entity)
    }
  }
  // Longest first, so that `soldats maliens` wins over `Mali` and `armée malienne` over `armée`.
  const sorted = [...labels.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b))
  const alternatives = sorted.map((label) => {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]").replace(/\s+/g, '\\s+')
      // `Menaka` for `Ménaka`, `Etat` for `État`: the press often drops accents.
      .replace(/[eéèêë]/giu, (letter) => (letter === letter.toUpperCase() ? '[EÉÈÊË]' : '[eéèêë]'))
      // `djihadistes` and `jihadistes`: the press spells the word both ways.
      .replace(/(?<![\p{L}])d?jihad/giu, 'd?jihad')
    // `FAMas`: an acronym takes a plural -s in print.
    return isAcronym(label) ? `${escaped}s?` : escaped
  })
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
  // Place names only, to find one inside another entity's name (`Mission de l'ONU au Mali`).
  const placeAlternatives = sorted.flatMap((label, index) => (mentionKind(labels.get(label)!, label) === 'place' ? [alternatives[index]!] : []))
  const placePattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${placeAlternatives.join('|') || '(?!)'})(?![\\p{L}\\p{N}])`, 'giu')
  // The pattern ignores case (names may start a sentence or not), but acronyms
  // must match theirs: `CPA`, not the `cpa` of some other word.
  const lookup = new Map<string, Array<{ label: string; entity: Entity }>>()
  for (const [label, entity] of labels) {
    const key = normalize(label)
    lookup.set(key, [...(lookup.get(key) ?? []), { label, entity }])
  }
  const resolve = (found: string) => {
    const exact = lookup.get(normalize(found))?.find(({ label }) => acronymMatches(label, found))
    // `FAMas`: the acronym with a plural -s.
    return exact ?? (found.endsWith('s') ? lookup.get(normalize(found.slice(0, -1)))?.find(({ label }) => isAcronym(label) && acronymMatches(label, found.slice(0, -1))) : undefined)
  }

  return {
    byId,
    find(text) {
      const mentions: EntityMention[] = []
      for (const match of text.matchAll(pattern)) {
        const { entity, label } = resolve(match[0]) ?? {}
        const kind = entity && mentionKind(entity, label)
        const end = match.index + match[0].length
        // `le lac Tchad`, `le fleuve Niger`: a state's name naming a lake or a river.
        if (entity?.type === 'state' && featureBefore.test(text.slice(Math.max(0, match.index - 20), match.index))) continue
        // `l'Agence France-Presse`: a name within an agency's name is no place.
        if (agencyBefore.test(text.slice(Math.max(0, match.index - 10), match.index))) continue
        if (!entity || !kind) continue
        // `la force française Barkhane`, `la force onusienne Minusma`: a description in apposition to a name is that name.
        const described = mentions.at(-1)
        if (described && kind === 'group' && described.kind === 'group' && /^forces?\s/iu.test(text.slice(described.start, described.end)) && descriptionGap.test(text.slice(described.end, match.index))) mentions.pop()
        mentions.push({ entity, kind, label, start: match.index, end })
        // `la Mission de l'ONU au Mali`: a name that holds a place's name names that place too.
        for (const inner of match[0].matchAll(placePattern)) {
          const place = resolve(inner[0])
          if (place && place.entity !== entity && mentionKind(place.entity, place.label) === 'place') {
            mentions.push({ entity: place.entity, kind: 'place', label: place.label, start: match.index + inner.index, end: match.index + inner.index + inner[0].length })
          }
        }
      }
      return mentions
    },
  }
}

/** Between a description and the name it describes: nothing, or one adjective (`force française antiterroriste Barkhane`). */
const descriptionGap = /^\s+(?:(?!(?:et|ou|de|du|des|la|le|les|à|au|aux|en|avec|contre|par|pour|sur)\s)\p{Ll}+\s+)?$/u

/** A geographic common noun right before a name: `lac`, `fleuve`, `bassin du`. */
const featureBefore = /(?<![\p{L}])(?:lac|fleuve|rivière|golfe|bassin\s+du|vallée\s+du|delta\s+du)\s+$/iu

/** `Agence` right before a name: the name is part of the agency's (`Agence France-Presse`). */
const agencyBefore = /(?<![\p{L}])agence\s+$/iu

/**
 * An acronym matches its own capitals (`CPA`, not the `cpa` of another word), or,
 * from four letters on, the capitalised word the press also prints (`Jnim`, `Gatia`).
 */
function acronymMatches(label: string, found: string): boolean {
  if (!isAcronym(label) || label === found) return true
  return label.length >= 4 && found === label[0]!.toUpperCase() + label.slice(1).toLowerCase()
}

/** `casques bleus` → `casque bleu`; undefined unless every word ends in -s. */
function singularOf(label: string): string | undefined {
  const words = label.split(/\s+/)
  if (words.length < 2 || !words.every((word) => /\p{Ll}s$/u.test(word))) return undefined
  return words.map((word) => word.slice(0, -1)).join(' ')
}

function isAcronym(label: string): boolean {
  // `CPA`, `FAMa`, `GSIM`: short, with at least two capitals.
  return label.length <= 8 && !/\s/.test(label) && /\p{Lu}.*\p{Lu}/u.test(label)
}

function normalize(label: string): string {
  // `Etat` and `État` are one word (see the pattern); only a word-initial `é` loses its accent.
  // Accents on e are dropped (see the pattern), so `Menaka` and `Ménaka` are one key.
  // `djihadistes` and `jihadistes` are one word too.
  return label.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').replace(/[éèêë]/gu, 'e').replace(/(?<![\p{L}])djihad/gu, 'jihad')
}

/** The entity and every entity it is part of (`fama` → `mali`). */
export function lineage(id: string, byId: Map<string, Entity>): string[] {
  const chain: string[] = []
  let current: string | undefined = id
  while (current && !chain.includes(current)) {
    chain.push(current)
    current = byId.get(current)?.partOf
  }
  return chain
}
