/**
 * `extractClaims`: what a French text states (counts, dates, times, places,
 * groups, people) and where, as character offsets into the text. Problems
 * (`31 février`, a weekday with no publication date) are returned with
 * their span, never guessed around. Pure and synchronous.
 */
import type { Glossary } from '../record/schema.ts'
import type { ExtractedClaim } from './types.ts'
import { findDates } from './dates.ts'
import { findNumbers } from './numbers.ts'
import { findCounts } from './quantities.ts'
import { entityMatcher, type EntityMention } from './entities.ts'
import { troopAdjectives, troopsOf, troopsOfAnd } from './lexicon.ts'
import { resolveNationalForces } from './nations.ts'
import { sentences, type Sentence } from './sentences.ts'
import { translator } from './messages.ts'

export interface ExtractProblem {
  start: number
  end: number
  reason: string
  ruleId: string
  /** What to do about it. */
  hint?: string
}

export interface ExtractOptions {
  /** Publication date `YYYY-MM-DD`; relative dates (`samedi`, `le 27`) are resolved against it. */
  published?: string | undefined
  glossary: Glossary
}

export interface Extraction {
  claims: ExtractedClaim[]
  problems: ExtractProblem[]
  /** The text's sentences, as the extractor split them (callers reuse them to quote evidence). */
  sentences: Sentence[]
}

export function extractClaims(text: string, options: ExtractOptions): Extraction {
  const t = translator('en')
  const problems: ExtractProblem[] = []
  const problem = (ruleId: string, start: number, end: number) =>
    problems.push({ start, end, ruleId, reason: t(`problem.${ruleId}`, { text: text.slice(start, end) }), hint: t(`problem.${ruleId}-hint`) })

  const dates = findDates(text, { published: options.published })
  for (const found of dates.problems) problem(found.ruleId, found.start, found.end)
  const claims: ExtractedClaim[] = dates.found.map(({ kind, value, qualifier, start, end, refersTo }) => ({
    kind,
    value,
    qualifier,
    start,
    end,
    ...(refersTo ? { refersTo } : {}),
  }))

  const taken = [...dates.found, ...dates.problems]
  const numbers = findNumbers(text)
  for (const found of numbers.problems) problem('impossible-number', found.start, found.end)
  const free = numbers.numbers.filter((n) => !taken.some((span) => n.start < span.end && n.end > span.start))

  const mentions = statesAsBelligerents(text, options.glossary, resolveNationalForces(text, entityMatcher(options.glossary).find(text), options.glossary))
  const sentenceList = sentences(text)
  const counts = findCounts(text, sentenceList, free, mentions)
  for (const found of counts.problems) problem('impossible-number', found.start, found.end)
  claims.push(...counts.claims)
  for (const mention of mentions) {
    claims.push({ kind: mention.kind, value: mention.entity.id, qualifier: 'exact', start: mention.start, end: mention.end })
  }

  claims.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind))
  problems.sort((a, b) => a.start - b.start)
  return { claims, problems, sentences: sentenceList }
}

const afterTroops = new RegExp(troopsOf, 'iu')
const joinedToTroops = new RegExp(troopsOfAnd, 'iu')

/** `les forces armées du Mali`, `l'état-major des armées du Mali`: the state's armed force, when the glossary has one. */
const armedForceOf = new RegExp(`(?<![\\p{L}])(?:forces\\s+armées|armées?)(?:\\s+${troopAdjectives})?\\s+(?:du|de la|de l['’]|des|d['’])\\s*$`, 'iu')

/**
 * `casques bleus du Tchad et du Bangladesh`: these states fight here; they are groups, not places.
 * In `les armées du Tchad, du Niger, du Mali`, every state of the list is named by its armies:
 * the FAMa for Mali, the state itself where the glossary has no armed force for it.
 */
function statesAsBelligerents(text: string, glossary: Glossary, mentions: EntityMention[]): EntityMention[] {
  let previous: { read: EntityMention; armies: boolean } | undefined
  return mentions.map((mention) => {
    const state = mention.kind === 'place' && mention.entity.type === 'state'
    const before = text.slice(Math.max(0, mention.start - 40), mention.start)
    const listed = previous !== undefined && previous.read.kind === 'group' && (previous.read.entity.type === 'state' || previous.read.entity.type === 'armed-force') && previous.read.end <= mention.start && joinedToTroops.test(text.slice(previous.read.end, mention.start))
    const headed = afterTroops.test(before)
    const troops = state && (headed || listed)
    const armies = troops && (headed ? armedForceOf.test(before) : previous!.armies)
    const army = armies ? glossary.entities.find((entity) => entity.type === 'armed-force' && entity.partOf === mention.entity.id) : undefined
    const read = army ? { ...mention, entity: army, kind: 'group' as const } : troops ? { ...mention, kind: 'group' as const } : mention
    previous = { read, armies }
    return read
  })
}
