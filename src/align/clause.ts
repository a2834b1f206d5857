/**
 * Linking a count to its predicate anywhere in its clause, not only next to
 * it: the press puts asides, places, dates and breakdowns between the two
 * (`neutraliser, sur un site …, une dizaine de combattants`, `Quarante-quatre
 * militaires dont deux lieutenants, à bord de huit véhicules, seraient portés
 * disparus`) and coordinates a second count with the first's predicate
 * (`Un militaire est mort, ainsi qu'au moins quatre assaillants`). No parser
 * of French on npm gives clauses fast enough for the 20 ms budget (the
 * extractor reads every excerpt on each alignment), so these are bounded
 * patterns over the clause: a predicate is taken only across material that
 * cannot hold another verb or another object.
 */
import type { ClaimKind } from './types.ts'
import { APOS, casualtyAfter, casualtyParticiples, combatantNouns, predicatesBefore, type Role } from './lexicon.ts'

const compile = (pattern: string, flags = 'iu') => new RegExp(pattern, flags)
const word = '(?![\\p{L}\\p{N}])'

/** A finite verb or a relative word: what starts another clause (or another predicate) inside a sentence. */
const finiteVerb = `(?<![\\p{L}])(?:qui|que|qu${APOS}|ont|a|sont|est|était|étaient|avait|avaient|aurait|auraient|serait|seraient|sera|seront|furent|fut|ayant|mais|se|s${APOS})(?![\\p{L}])`
const hasFiniteVerb = compile(finiteVerb)

// ---------------------------------------------------------------- predicate before the count

/** Each kind's predicates, with what stands between the predicate and the count (at most 110 characters). */
const earlier = predicatesBefore.map(({ kind, pattern }) => ({ kind, regex: compile(`(?<![\\p{L}])(?:${pattern})(?![\\p{L}])(?=([^.;:]{0,110})$)`, 'giu') }))
/** `, sur un site d'entraînement …,`: one aside between commas. */
const leadingAside = /^\s*,[^,]*,/u
/**
 * A determiner right after the predicate opens its own object (`a tué le chef … et cinq`),
 * unless it opens a date (`neutraliser le 14 juin dernier une quarantaine`).
 */
const objectFirst = compile(`^\\s*(?:le|la|les|l${APOS}|un|une|des|du|ses|leurs?|son|sa|ces|cette|ce|nos|notre)(?![\\p{L}])(?!\\s*(?:\\d|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|veille|lendemain|nuit|soir|matin|journée|même jour)(?![\\p{L}])))`)

/** `lors d'une attaque lancée par une cinquantaine`: a participle with its agent is another predicate. */
const agent = compile(`\\p{L}+ée?s?\\s+par(?![\\p{L}])`)

/** Whether the words between a predicate and a count let the count be its object. */
function openGap(gap: string): boolean {
  if (hasFiniteVerb.test(gap) || agent.test(gap)) return false
  return !objectFirst.test(gap.replace(leadingAside, ''))
}

/**
 * The kind of the nearest predicate before a count in its clause
 * (`before`: the clause up to the count, hedges and quotation marks removed):
 * `permis de neutraliser, sur un site …, une dizaine`, `avait déjà perdu jusque-là plus de cent`.
 */
export function predicateEarlier(before: string): ClaimKind | undefined {
  let best: { kind: ClaimKind; at: number } | undefined
  for (const { kind, regex } of earlier) {
    regex.lastIndex = 0
    for (const found of before.matchAll(regex)) {
      if (best && found.index <= best.at) continue
      if (openGap(found[1]!)) best = { kind, at: found.index }
    }
  }
  return best?.kind
}

// ---------------------------------------------------------------- predicate after asides

/** What may stand between a count's noun and its verb: a `dont` breakdown, an aside between commas, a bracket, a complement before one (`quatre pêcheurs de l'île de Wieringen, emportés …,`). */
const aside = /^(?:\s*dont\s[^,;:.()]*|\s*,[^,;:.]{1,120},|\s*\([^()]*\)|\s+(?:de|du|des|d['’])\s*[^,;:.()]{1,40}?(?=\s*[,(]))/u
const verbAfter = casualtyAfter.map(({ kind, pattern }) => ({ kind, regex: compile(`^[^.;:,]{0,40}?(?<![\\p{L}])(?:${pattern})${word}`) }))

/**
 * The casualty predicate after the asides that follow a count's noun
 * (`rest`: the sentence after the noun): `Quarante-quatre militaires dont deux
 * lieutenants, à bord de huit véhicules, seraient toujours portés disparus`.
 * Only across at least one aside: a predicate right after the noun is read elsewhere.
 */
export function predicateAfterAsides(rest: string): ClaimKind | undefined {
  let skipped = 0
  for (let found = aside.exec(rest); found && skipped < 4; found = aside.exec(rest)) {
    rest = rest.slice(found[0].length)
    skipped++
  }
  if (!skipped || hasFiniteVerbBeforeCasualty(rest)) return undefined
  let first: { kind: ClaimKind; length: number } | undefined
  for (const { kind, regex } of verbAfter) {
    const found = regex.exec(rest)
    if (found && (!first || found[0].length < first.length)) first = { kind, length: found[0].length }
  }
  return first?.kind
}

/** `, qui a attaqué le camp, tués`: another subject's verb comes first. Auxiliaries of a casualty verb are fine. */
function hasFiniteVerbBeforeCasualty(rest: string): boolean {
  return /^\s*(?:qui|que|qu['’])(?![\p{L}])/iu.test(rest)
}

// ---------------------------------------------------------------- coordination

const coordination = compile(`(?:^|[\\s,])(?:et|ainsi\\s+qu(?:e\\s|${APOS})|de\\s+même\\s+que)\\s*(?:(?:de|à|des)\\s+|d${APOS}|aux?\\s+)?$`)
const ownVerb = compile(`^[^,.;:]*?${finiteVerb}`)

/**
 * A count coordinated with a casualty count before it, with no verb of its own, shares that count's predicate:
 * `la mort de quatre militaires et de cinq civils`, `Un militaire est mort, ainsi qu'au moins quatre assaillants`,
 * `fatale à cinq maréchaux des logis et à un gendarme`.
 * @param before the clause between the two counts (hedges removed)
 * @param afterNoun the clause after this count's noun
 */
export function coordinatedWith(before: string, afterNoun: string): boolean {
  return before.length <= 100 && coordination.test(before) && !ownVerb.test(afterNoun)
}

// ---------------------------------------------------------------- strength stated with `être`

const fighters = combatantNouns.filter(({ role }) => role !== 'civilians')
const byBe = fighters.map(({ role, pattern }) => ({ role, regex: compile(`(?<![\\p{L}])(?:${pattern})\\s+(?:étaient|sont|seraient|était|est|serait)\\s*$`) }))

/** `les assaillants étaient plus d'une centaine`: the role of the fighters whose number `être` states. */
export function strengthByBe(before: string): Role | undefined {
  return byBe.find(({ regex }) => regex.test(before))?.role
}

// ---------------------------------------------------------------- article counts

const passive = compile(`^(?:(?!(?<![\\p{L}])(?:qui|que|qu${APOS}|lequel|laquelle|lesquel(?:le)?s|où|dont)(?![\\p{L}]))[^.;:,]){0,60}?(?<![\\p{L}'’])(?:(?:ont|a|avaient|avait|auraient|aurait)\\s+(?:\\p{L}+ment\\s+)?(?:été\\s+(?:${casualtyParticiples})|péri|succombé|perdu la vie|trouvé la mort)|(?:sont|est|étaient|était|seraient|serait|furent|fut)\\s+(?:\\p{L}+ment\\s+)?(?:été\\s+)?(?:${casualtyParticiples}))(?![\\p{L}])`)

const complementBefore = compile(`(?<![\\p{L}])(?:de|du|des|d${APOS}|à|au|aux|par|pour|sur|dans|avec|contre)\\s*$`)

/** `Un travailleur de la mine a trouvé la mort`: a passive or intransitive predicate after the noun (never an active `a tué`). */
export function passiveLater(before: string, afterNoun: string): boolean {
  // `deux passagers d'un bus ont été tués`: an article after `de` opens a complement, not a subject.
  return !complementBefore.test(before) && passive.test(afterNoun)
}

// ---------------------------------------------------------------- lists of equipment

const takenList = compile(`^([^.;:]{0,100}?)(?<![\\p{L}])(?:ont|a|avaient|avait|sont)\\s+(?:\\p{L}+ment\\s+)?été\\s+(?:saisie?s?|enlevée?s?|détruite?s?|incendiée?s?|emportée?s?|récupérée?s?|volée?s?|brûlée?s?|perdue?s?)${word}`)

/** `"14 motos, quatre mitrailleuses, … et 10 téléphones", ont été saisis`: a list whose passive verb comes after it. */
export function takenAfterList(rest: string): boolean {
  const found = takenList.exec(rest)
  return found !== null && !hasFiniteVerb.test(found[1]!)
}
