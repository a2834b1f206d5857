/**
 * Counts in French sentences: what a number counts (killed, injured,
 * captured, missing, strength, vehicles), how it is hedged (`au moins`,
 * `une trentaine`, `entre 40 et 85`) and whose it is (`soldats maliens`,
 * `jihadistes`, `dans ses rangs`). Numbers that count nothing we know
 * (`cinq groupes`, `une heure`) are not claims.
 */
import type { Qualifier, Range } from '../record/schema.ts'
import type { ClaimKind } from './types.ts'
import type { EntityMention } from './entities.ts'
import type { NumberMatch } from './numbers.ts'
import type { Sentence } from './sentences.ts'
import { nationOfAdjective } from './nations.ts'
import { coordinatedWith, passiveLater, predicateAfterAsides, predicateEarlier, strengthByBe, takenAfterList } from './clause.ts'
import { APOS, animalNouns, munitionNouns, casualtyAfter, casualtyBefore, combatantNouns, equipmentNouns, equipmentTakenAfter, qualifierAfter, qualifiersBefore, type Role } from './lexicon.ts'

export interface CountClaim {
  kind: ClaimKind
  value: number | Range
  qualifier: Qualifier
  subject?: string
  role?: Role
  /** Read as a strength only for want of a verb; dropped unless the next count lends it one. */
  waitsForVerb?: boolean
  start: number
  end: number
}

export interface CountProblem {
  start: number
  end: number
  text: string
}

interface Item {
  value: number | Range
  approximate: boolean
  article: boolean
  start: number
  end: number
  /** `est passé de quatre à six`: the earlier of two successive figures, which counts what the later one counts. */
  changedFrom?: boolean
}

const compile = (pattern: string, flags = 'iu') => new RegExp(pattern, flags)
const word = '(?![\\p{L}\\p{N}])'
const qualifierBefore = qualifiersBefore.map(({ qualifier, pattern }) => ({ qualifier, regex: compile(`(?<![\\p{L}])(?:${pattern})\\s*$`) }))
const qualifierAfterRegex = compile(`^\\s*(?:\\p{L}+\\s+){0,2}(?:${qualifierAfter})${word}`)
/** `14 morts`, `un autre est porté disparu`, `43 nouveaux corps`, `une dizaine de prisonniers`. */
const casualtyRightAfter = casualtyAfter.map(({ kind, pattern }) => ({ kind, regex: compile(`^[\\s,]*(?:(?:au moins|au total|en tout|autres?|d${APOS}autres|nouveaux|nouvelles)\\s+)?(?:d(?:e\\s+|${APOS}))?(?:${pattern})${word}`) }))
/** `un militaire … a précisé que les Casques bleus tués`: a reported clause has its own subject. */
const reported = `\\s(?:que|qu${APOS})`
/** Up to five words (adverbs, `qui`, `ont également`) between the noun and the casualty verb. */
/** Not across a second group joined by `et` (`six soldats et plusieurs blessés`, `5 arabes et une personne portée disparue`): that casualty word is theirs. */
const otherGroup = `\\s(?:et|ainsi que)\\s+(?:plusieurs|des|de nombreux|d${APOS}autres|nombreux|une?)${word}`
const casualtyLater = casualtyAfter.map(({ kind, pattern }) => ({ kind, regex: compile(`^(?:\\s+autres)?(?:(?!${otherGroup}|${reported})[^.;:]){0,60}?(?<![\\p{L}])(?:${pattern})${word}`) }))
const casualtyJustBefore = casualtyBefore.map(({ kind, pattern }) => ({ kind, regex: compile(`(?<![\\p{L}])(?:${pattern})\\s*$`) }))
const nounStart = `^\\s*(?:d${APOS}?e?\\s*)?(?:(?:ses|leurs|nos|vos|ces|des|les)\\s+)?(?:autres\\s+)?`
const combatants = combatantNouns.map(({ pattern, role }) => ({ role, regex: compile(`${nounStart}(?:${pattern})${word}`) }))
const equipment = compile(`${nounStart}(?:${equipmentNouns})${word}`)
const munitions = compile(`${nounStart}(?:${munitionNouns})${word}`)
const animals = compile(`${nounStart}(?:${animalNouns})${word}`)
const millionOf = compile(`^\\s*d(?:e\\s+|${APOS})`)
const partitive = compile(`^\\s+d${APOS}entre\\s+(?:eux|elles)${word}`)
/** Whose figure a possessive points back to: `14 morts dans ses rangs`. */
const possessiveRanks = compile(`dans (?:ses|leurs) rangs|parmi (?:ses|leurs) (?:hommes|membres|combattants|soldats)|de ses hommes|de leurs hommes`)
/** A word right after a count that is not itself a verb or a casualty word: `Trois [ouvriers] ont été tués`. */
/** Between two items of a list of equipment: the first one's noun, then a comma or `et`. */
const listedAfter = compile(`^\\s*(?:${equipmentNouns})\\s*(?:,|et)\\s*$`)
const strongCoordination = compile(`(?:ainsi\\s+qu(?:e\\s|${APOS})|et\\s+(?:de|à|d${APOS}))\\s*$`)
const survivors = compile(`^\\s*(?:de\\s+|d${APOS})?(?:rescapée?s?|survivante?s?|indemnes)${word}`)
/** Units measure, they count no one: `à 50 km`, `un habitant de 69 ans`. */
const units = 'km|kilomètres?|mètres?|kg|kilos?|tonnes?|ans|années?|mois|semaines?|jours?|heures?|minutes?|fois|pour ?cent'
const measure = compile(`^\\s*(?:${units})${word}`)
const otherNoun = compile(`^\\s+(?:de\\s+|d${APOS}\\s*)?(?!(?:ont|a|sont|seront|furent|étaient|avaient|auraient|seraient|et|ou|à|au|de|des|du|en|dans|sur|par|pour|le|la|les|morts?|tués?|blessés?|autres|${units})(?![\\p{L}]))\\p{L}[\\p{L}’'-]*`)
/** A taking verb shortly before the count: `s'être emparé de six`, `ont saisi au total six`. */
const equipmentTakenBefore = compile(`(?<![\\p{L}])(?:${casualtyBefore.find(({ kind }) => kind === 'vehicles')!.pattern})[^.;:]{0,25}$`)
const equipmentTaken = compile(`^[^.;:]{0,60}?(?<![\\p{L}])${equipmentTakenAfter}`)
/** `Parmi le matériel saisi, onze mitrailleuses … et neuf motos`: a list of what was taken. */
const equipmentListTaken = compile(`(?<![\\p{L}])(?:matériels?|butin|équipements?)\\s+(?:${equipmentTakenAfter})(?![\\p{L}])[^.;]*$`)
/** `80 morts dont 65 civils`: a part of the count before, counted the same way. */
const partOfPrevious = compile(`(?<![\\p{L}])dont\\s*$`)
/** Between a casualty count and the next: at most three words, then a dash, a bracket, a comma or `et` opening a breakdown. */
const breakdownOfPrevious = compile(`^(?:\\s+[\\p{L}-]+){0,3}\\s*(?:[(–—]|\\s-|,|\\set)\\s*$`)
/** `Quarante-neuf personnes, dont quinze gendarmes …, ont été tuées`: the whole takes its parts' verb. */
const partsFollow = compile(`^(?:\\s+[\\p{L}-]+){0,3}\\s*,\\s*dont\\s*$`)
/** `dont trois grièvement`, `dont 05 graves`, `dont deux dans un état grave`: how badly, not a count of its own. */
const degreeAfter = compile(`^\\s+(?:\\p{L}+ment|graves?|(?:(?:sont|est|étaient|restent|demeurent)\\s+(?:toujours\\s+|encore\\s+)?)?dans\\s+un\\s+état\\s+(?:grave|critique|sérieux))${word}`)
/** `92 personnes sont mortes à Jajarkot et 40 à Rukum`: the verb and noun of the count before are understood. */
const ellipsisBefore = compile(`(?<![\\p{L}])et\\s*$`)
const ellipsisAfter = compile(`^\\s+(?:à|au|aux|dans|en|parmi|côté)${word}`)
/** Found dead after being missing: `disparus …, ont été retrouvés morts`. */
const foundDead = compile(`(?<![\\p{L}])retrouvée?s?\\s+(?:morte?s?|sans vie)${word}`)
/** A pronoun for the casualty before: `… et celle de trois de nos gendarmes`. */
const pronounOfPrevious = compile(`(?<![\\p{L}])(?:celle|celles|celui|ceux)\\s+d${APOS}?e?\\s*$`)
/** Quotation marks inside a clause (`est porté «disparu»`) do not change what it says. */
const withoutQuotes = (clause: string) => clause.replace(/[«»"“”]/gu, ' ')
/** Before a count offsets do not matter: `plus « d'une trentaine` is `plus d'une trentaine`. */
const beforeWithoutQuotes = (clause: string) => clause.replace(/\s*[«»"“”]\s*/gu, ' ')
/** `, prisonniers de guerre aux mains du GSIM,` right after the counted noun. */
const appositionAfterNoun = compile(`^\\s*,[^,.;:]{1,120},`)
const rangeJoin = { et: compile(`(?<![\\p{L}])entre\\s*$`), à: compile(`(?:(?<![\\p{L}])d${APOS}?e?\\s*|^|[\\s,])$`) }

/**
 * @param numbers numbers of the whole text, outside dates and times
 * @param mentions glossary entities of the whole text
 */
export function findCounts(text: string, sentenceList: Sentence[], numbers: NumberMatch[], mentions: EntityMention[]): { claims: CountClaim[]; problems: CountProblem[] } {
  const claims: CountClaim[] = []
  const problems: CountProblem[] = []
  for (const sentence of sentenceList) {
    const items = joinRanges(text, numbers.filter((n) => n.start >= sentence.start && n.end <= sentence.end), problems)
    let previous: { claim: CountClaim; item: Item } | undefined
    items.forEach((item, index) => {
      // `Deux enfants, un frère et une sœur, ont perdu la vie`: an article (`un`, `une`) does not end the clause of a count.
      // Nor does a measure (`un habitant de 69 ans a succombé`): it counts no one.
      const next = items.slice(index + 1).find((other) => !other.article && !measure.test(text.slice(other.end)))
      const claim = readCount(text, sentence, item, next?.start ?? sentence.end, previous, mentions)
      const earlier = items[index - 1]
      // `passé de quatre à six gendarmes tués`: the first figure counts what the second counts.
      if (claim && earlier?.changedFrom && !claims.some((other) => other.start === earlier.start)) {
        claims.push({ ...claim, value: earlier.value, qualifier: earlier.approximate ? 'about' : 'exact', start: earlier.start, end: earlier.end })
      }
      if (!claim) return
      if (previous) shareVerb(text, previous.claim, claim)
      claims.push(claim)
      previous = { claim, item }
    })
    lendVerbToWhole(text, claims.filter((claim) => claim.start >= sentence.start && claim.end <= sentence.end))
  }
  return { claims: claims.filter((claim) => !claim.waitsForVerb), problems }
}

const casualties: ReadonlySet<ClaimKind> = new Set(['killed', 'injured', 'captured', 'missing'])
/** Only a noun phrase between two counts: no verb of its own (`ont attaqué et`). */
const nounPhraseAnd = compile(`^(?:(?!(?<![\\p{L}])(?:ont|a|sont|est|avaient|étaient|auraient|seraient)(?![\\p{L}]))[^,.;:\\d])*?\\s(?:et|ainsi que)\\s+$`)

/**
 * `trois casques bleus nigériens et un soldat malien ont été tués`: the
 * first count has no verb of its own (read as a strength by default) and
 * shares the verb of the second.
 */
function shareVerb(text: string, first: CountClaim, second: CountClaim) {
  if (first.kind === 'strength' && casualties.has(second.kind) && nounPhraseAnd.test(text.slice(first.end, second.start))) {
    first.kind = second.kind
    delete first.waitsForVerb
  }
}

/** A count waiting for a verb, followed by `, dont` and its parts, takes the parts' kind once they have one. */
function lendVerbToWhole(text: string, inSentence: CountClaim[]) {
  for (let i = inSentence.length - 2; i >= 0; i--) {
    const whole = inSentence[i]!
    const part = inSentence[i + 1]!
    if ((whole.waitsForVerb || whole.kind === 'strength') && casualties.has(part.kind) && partsFollow.test(text.slice(whole.end, part.start))) {
      whole.kind = part.kind
      delete whole.waitsForVerb
    }
  }
}

const changeOfFigure = compile(`(?:passée?s?|passant|grimpée?|montée?|revue?|relevée?|augmentée?)\\s+(?:de\\s+|d${APOS})$`)

/** `entre 40 et 85`, `de 40 à 85`, `40 à 85`: one range item. */
function joinRanges(text: string, numbers: NumberMatch[], problems: CountProblem[]): Item[] {
  const items: Item[] = []
  for (let i = 0; i < numbers.length; i++) {
    const low = numbers[i]!
    const high = numbers[i + 1]
    const between = high ? text.slice(low.end, high.start) : ''
    const joiner = /^\s+(et|à|ou)\s+$/u.exec(between)?.[1] as 'et' | 'à' | 'ou' | undefined
    // `le bilan est passé de quatre à six gendarmes tués` states two figures, one after the other, not a range.
    if (high && joiner === 'à' && changeOfFigure.test(text.slice(Math.max(0, low.start - 30), low.start))) {
      items.push({ value: low.value, approximate: low.approximate, article: low.article, start: low.start, end: low.end, changedFrom: true })
      continue
    }
    // `six ou huit personnes`, `un ou deux`: two figures offered for one count are a range.
    const alternative = joiner === 'ou' && !low.approximate && !high?.approximate && !high?.article
    if (high && joiner && (alternative || (joiner !== 'ou' && !low.article && !high.article && rangeJoin[joiner].test(text.slice(Math.max(0, low.start - 12), low.start))))) {
      if (low.value >= high.value) problems.push({ start: low.start, end: high.end, text: text.slice(low.start, high.end) })
      else items.push({ value: { min: low.value, max: high.value }, approximate: false, article: false, start: low.start, end: high.end })
      i++
    } else items.push({ value: low.value, approximate: low.approximate, article: low.article, start: low.start, end: low.end })
  }
  return items
}

function readCount(
  text: string,
  sentence: Sentence,
  item: Item,
  limit: number,
  previous: { claim: CountClaim; item: Item } | undefined,
  mentions: EntityMention[],
): CountClaim | undefined {
  const clauseStart = Math.max(sentence.start, previous?.item.end ?? sentence.start, lastIndexOfAny(text, ';:(', item.start, sentence.start) + 1)
  let before = beforeWithoutQuotes(text.slice(clauseStart, item.start))
  // `un million de morts`: French puts `de` between a million and what it counts.
  const countedFrom = item.end + (/millions?$/iu.test(text.slice(item.start, item.end)) ? (millionOf.exec(text.slice(item.end))?.[0].length ?? 0) : 0)
  const after = withoutQuotes(text.slice(countedFrom, Math.min(limit, clauseEndAfter(text, item.end, sentence.end, mentions))))
  // For finding the verb only: names (and a bracketed acronym) count as one word, so that
  // `Deux casques bleus de la Mission … au Mali (Minusma) ont été tués` keeps its verb.
  const laterFrom = (length: number) => withoutNames(after.slice(length), countedFrom + length, mentions)

  let qualifier: Qualifier = typeof item.value === 'number' ? (item.approximate ? 'about' : 'exact') : 'range'
  for (const { qualifier: hedge, regex } of qualifierBefore) {
    const found = regex.exec(before)
    if (found && typeof item.value === 'number') {
      qualifier = hedge
      before = before.slice(0, found.index)
      break
    }
  }
  if (typeof item.value === 'number' && qualifierAfterRegex.test(after)) qualifier = 'at-least'

  // Whose: a glossary name right after the number (`soldats maliens`), else a generic noun.
  const noun = readNoun(text, countedFrom, after, mentions)
  // Any other noun (`ouvriers`, `Palestiniens`) counts people whom a verb after it may qualify; it names no side.
  const other = noun ? undefined : otherNoun.exec(after)?.[0].length
  if (other !== undefined && (munitions.test(after) || animals.test(after))) return undefined
  // `8 rescapés`, `dix survivants`: the people who came through count no casualty.
  if (survivors.test(after)) return undefined
  const nounLength = noun?.length ?? other
  let kind: ClaimKind | undefined
  // Equipment counts only when taken or destroyed: `s'être emparé de six véhicules`, not `une voiture à quatre roues`.
  if (noun?.equipment) {
    const taken = equipmentTaken.test(after.slice(noun.length)) || equipmentTakenBefore.test(before) || equipmentListTaken.test(text.slice(sentence.start, item.start))
    // `trois pick-up, sept motos`: the next item of a list of equipment taken; `"14 motos, quatre mitrailleuses, …", ont été saisis`.
    const listed = previous?.claim.kind === 'vehicles' && listedAfter.test(text.slice(previous.item.end, item.start))
    kind = taken || listed || takenAfterList(withoutQuotes(text.slice(countedFrom + noun.length, sentence.end))) ? 'vehicles' : undefined
  }
  else kind = casualtyRightAfter.find(({ regex }) => regex.test(after))?.kind
  // `un blessé`, `un mort`: an article that counts one casualty.
  const countsOne = kind !== undefined && !noun
  // `Onze soldats, prisonniers de guerre aux mains du GSIM, ont été tués`: the
  // verb after an apposition says what happened to them; the apposition only who they were.
  const apposition = nounLength !== undefined && !noun?.equipment ? appositionAfterNoun.exec(after.slice(nounLength)) : null
  if (!kind && apposition) kind = firstCasualtyLater(laterFrom(nounLength! + apposition[0].length))
  if (!kind && !noun?.equipment && (nounLength !== undefined || /^\s+(?:d['’])?autres(?![\p{L}])/u.test(after))) kind = firstCasualtyLater(laterFrom(nounLength ?? 0))
  // `79 personnes (42 militaires et 37 terroristes) sont mortes`: the whole's verb comes after its breakdown.
  if (!kind && nounLength !== undefined && !noun?.equipment) kind = kindAfterAside(text, countedFrom + nounLength, sentence.end)
  // `blessés, dont trois grièvement` says how badly some were hurt, not a count of its own.
  if (!kind && !noun?.equipment && previous && casualties.has(previous.claim.kind) && partOfPrevious.test(before) && !degreeAfter.test(after)) kind = previous.claim.kind
  // `un effectif de 64 soldats dont deux lieutenants`: the parts of a strength are a strength too.
  if (!kind && !noun?.equipment && nounLength !== undefined && previous?.claim.kind === 'strength' && !previous.claim.waitsForVerb && partOfPrevious.test(before)) kind = 'strength'
  if (!kind && !noun && other === undefined && previous && casualties.has(previous.claim.kind) && ellipsisBefore.test(before) && ellipsisAfter.test(after)) kind = previous.claim.kind
  // `47 morts - 14 gendarmes, 30 civils et 3 supplétifs -`, `huit morts (quatre soldats …)`: a breakdown of the casualties before.
  if (!kind && !noun?.equipment && previous && casualties.has(previous.claim.kind) && breakdownOfPrevious.test(text.slice(previous.item.end, item.start)) && !degreeAfter.test(after)) kind = previous.claim.kind
  if (!kind) kind = casualtyJustBefore.find(({ regex }) => regex.test(before))?.kind
  // People with no casualty word next to them: a predicate elsewhere in the clause (see clause.ts).
  const people = nounLength !== undefined && !noun?.equipment
  if (!kind && people) kind = predicateAfterAsides(withoutQuotes(text.slice(countedFrom + nounLength!, sentence.end)))
  if (!kind && people) kind = predicateEarlier(before)
  // A noun the lexicon does not know as people needs a coordination that repeats the predicate's reach
  // (`ainsi qu'une dizaine de membres de …`): `détruisant … habitations et 8 000 écoles` coordinates things.
  if (!kind && people && (noun !== undefined || strongCoordination.test(before)) && previous && casualties.has(previous.claim.kind) && coordinatedWith(before, after.slice(nounLength!))) kind = previous.claim.kind
  // `disparus mardi …, ont été retrouvés morts`: found dead, no longer missing.
  if (kind === 'missing' && foundDead.test(text.slice(countedFrom, limit))) kind = 'killed'
  // `la mort d'un assaillant et celle de trois de nos gendarmes`: the pronoun stands for the casualty before.
  if (!kind && previous && casualties.has(previous.claim.kind) && pronounOfPrevious.test(before)) kind = previous.claim.kind
  // `ont incendié trois véhicules, et en ont saisi quatre autres`: the equipment is understood.
  const ellipticEquipment = (!kind || kind === 'vehicles') && !noun && previous?.claim.kind === 'vehicles' && /^\s+autres(?![\p{L}])/u.test(after) && equipmentTakenBefore.test(before)
  if (ellipticEquipment) kind = 'vehicles'
  if (noun?.equipment && kind !== 'vehicles') return undefined
  if (kind === 'vehicles' && !noun?.equipment && !ellipticEquipment) return undefined
  // `un adulte et deux enfants ont été blessés`: people with no verb of their own wait for the next count's (see shareVerb).
  const waitsForVerb = !kind && noun !== undefined && !noun.equipment && (noun.role === 'civilians' || item.article)
  if (!kind && noun && !noun.equipment && noun.role !== 'civilians' && !item.article) kind = 'strength'
  // `les assaillants étaient plus d'une centaine`: a strength stated with `être`.
  const statedBy = !kind && nounLength === undefined && !item.article ? strengthByBe(before) : undefined
  if (statedBy) kind = 'strength'
  if (!kind && !waitsForVerb) return undefined
  // `un`/`une` is an article unless it plainly counts people (`un soldat tué`, `et un blessé`).
  // `Un travailleur de la mine a trouvé la mort`: an article counts one when a passive or intransitive predicate follows its noun.
  if (item.article && !noun && !countsOne && !(other !== undefined && kind !== undefined && casualties.has(kind) && passiveLater(before, after.slice(other)))) return undefined

  const claim: CountClaim = { kind: kind ?? 'strength', value: item.value, qualifier, start: item.start, end: item.end }
  if (waitsForVerb) claim.waitsForVerb = true
  if (noun?.subject) claim.subject = noun.subject
  if (noun?.role) claim.role = noun.role
  else if (statedBy) claim.role = statedBy
  if (!noun?.subject && !noun?.role) inheritOwner(text, claim, previous, sentence, mentions)
  return claim
}

/** The casualty word nearest the count: `deux hommes ont été interpellés dans l'enquête sur son décès` is an arrest. */
function firstCasualtyLater(after: string): ClaimKind | undefined {
  let first: { kind: ClaimKind; length: number } | undefined
  for (const { kind, regex } of casualtyLater) {
    const found = regex.exec(after)
    if (found && (!first || found[0].length < first.length)) first = { kind, length: found[0].length }
  }
  return first?.kind
}

interface Noun {
  length: number
  equipment?: boolean
  subject?: string
  role?: Role
}

function readNoun(text: string, at: number, after: string, mentions: EntityMention[]): Noun | undefined {
  if (equipment.test(after)) return { length: equipment.exec(after)![0].length, equipment: true }
  // `Huit mille d'entre eux`, `six d'entre eux`: a part of people named before; no side of its own.
  const partOf = partitive.exec(after)
  if (partOf) return { length: partOf[0].length }
  const lead = /^\s*(?:d['’]?e?\s*)?(?:(?:ses|leurs|nos|vos|ces|des|les)\s+)?/iu.exec(after)![0].length
  const named = mentions.find((mention) => mention.start === at + lead && mention.kind === 'group')
  if (named) return { length: lead + named.end - named.start, subject: named.entity.id }
  for (const { role, regex } of combatants) {
    const found = regex.exec(after)
    if (!found) continue
    const noun: Noun = { length: found[0].length, role }
    // `soldats de l'armée malienne`, `combattants du GSIM`: a name within a few words.
    const owner = mentions.find((mention) => mention.kind === 'group' && mention.start >= at + found[0].length && mention.start <= at + found[0].length + 12)
    if (owner) {
      noun.subject = owner.entity.id
      noun.length = owner.end - at
    } else {
      // `soldats français`: a nationality we cannot resolve means not the default side.
      const adjective = /^\s+(\p{Ll}+)(?![\p{L}])/u.exec(after.slice(found[0].length))
      if (adjective && nationOfAdjective(adjective[1]!) && role === 'state-forces') delete noun.role
    }
    return noun
  }
  return undefined
}

/** `quatorze tués et dix-huit blessés`: the second figure is of the same people. */
function inheritOwner(text: string, claim: CountClaim, previous: { claim: CountClaim; item: Item } | undefined, sentence: Sentence, mentions: EntityMention[]) {
  const between = previous ? text.slice(previous.item.end, claim.start) : ''
  if (previous && /^[^.;:]{0,40}$/u.test(between) && /(?:^|\s|,)(?:et|,)\s*(?:d['’]?e?\s*)?$|,\s*$/u.test(between)) {
    if (previous.claim.subject) claim.subject = previous.claim.subject
    if (previous.claim.role) claim.role = previous.claim.role
    if (claim.subject || claim.role) return
  }
  if (possessiveRanks.test(text.slice(claim.end, sentence.end)) || possessiveRanks.test(text.slice(sentence.start, claim.start))) {
    const owner = mentions.find((mention) => mention.kind === 'group' && mention.start >= sentence.start && mention.end <= claim.start)
    if (owner) claim.subject = owner.entity.id
  }
}

function lastIndexOfAny(text: string, characters: string, before: number, floor: number): number {
  for (let i = before - 1; i >= floor; i--) if (characters.includes(text[i]!)) return i
  return floor - 1
}

/** Where the clause of a count ends: `;`, `:` or a bracket, but not a bracket that only holds a name (`(FAMa)`). */
function clauseEndAfter(text: string, from: number, ceiling: number, mentions: EntityMention[]): number {
  for (let i = from; i < ceiling; i++) {
    if (!';:('.includes(text[i]!)) continue
    const named = text[i] === '(' ? mentions.find((mention) => mention.start === i + 1 && text[mention.end] === ')') : undefined
    const acronym = text[i] === '(' ? bracketedAcronym.exec(text.slice(i)) : null
    if (!named && !acronym) return i
    i = named ? named.end : i + acronym![0].length - 1
  }
  return ceiling
}

/** The casualty word right after a bracket that opens at `at` (spaces allowed before it), if any. */
function kindAfterAside(text: string, at: number, end: number): ClaimKind | undefined {
  const open = /^\s*\(/u.exec(text.slice(at, end))
  if (!open) return undefined
  const close = text.indexOf(')', at + open[0].length)
  if (close === -1 || close >= end) return undefined
  const rest = withoutQuotes(text.slice(close + 1, end))
  return casualtyRightAfter.find(({ regex }) => regex.test(rest))?.kind
}

/** `segment` (at `offset` in the text) with each glossary name, and the brackets around it, as one letter. */
function withoutNames(segment: string, offset: number, mentions: EntityMention[]): string {
  let out = ''
  let at = 0
  for (const mention of mentions) {
    let start = mention.start - offset
    let end = mention.end - offset
    if (start < at || end > segment.length) continue
    if (segment[start - 1] === '(' && segment[end] === ')') [start, end] = [start - 1, end + 1]
    out += `${segment.slice(at, start)}N`
    at = end
  }
  return (out + segment.slice(at)).replace(bracketedAcronyms, 'N')
}

/** `(FDS)`: an acronym in brackets names what stands before it; it closes no clause. */
const bracketedAcronym = /^\(\p{Lu}[\p{Lu}\p{Ll}]{1,7}\)/u
const bracketedAcronyms = /\(\p{Lu}[\p{Lu}\p{Ll}]{1,7}\)/gu
