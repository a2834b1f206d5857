/**
 * `alignEvent`: links each field of an event record to the French sentences
 * that state it. A field is `supported` when its evidence agrees,
 * `contested` when sources disagree (every value kept, with its source),
 * `unsupported` when no excerpt states it. Claims that fit no field are
 * returned as `unmatched`: the record may be missing something.
 *
 * Extraction problems become positioned messages on the excerpt files.
 */
import type { Entity, EventRecord, Glossary, Quantity } from '../record/schema.ts'
import { casualtyKinds } from '../record/schema.ts'
import type { LoadedEvent } from '../ingest/corpus.ts'
import { fileOffset, type Excerpt, type TextBlock } from '../ingest/excerpt.ts'
import { location } from 'vfile-location'
import { error, warn } from '../diagnostics/index.ts'
import { contentHash } from '../record/hash.ts'
import type { ClaimKind, EventAlignment, Evidence, ExtractedClaim, FieldAlignment } from './types.ts'
import { extractClaims } from './extract.ts'
import { entityMatcher, lineage } from './entities.ts'
import { sentenceAt, sentences } from './sentences.ts'
import { endTimeWords } from './lexicon.ts'
import { translator } from './messages.ts'
import { applyDecisions, readReviewStateSync, type ReviewState } from '../review/state.ts'

export interface AlignOptions {
  /** Decisions to apply; read from the event's folder when absent. */
  state?: ReviewState
  /** Add extraction problems as messages on the excerpt files (default true). */
  report?: boolean
}

interface Target {
  field: string
  kind: ClaimKind
  value: FieldAlignment['value']
  /** Whether a claim's value agrees with the field. */
  agrees(claim: ExtractedClaim): boolean
}

interface Located {
  claim: ExtractedClaim
  excerpt: Excerpt
  block: TextBlock
}

const t = translator('en')
const endOfEvent = new RegExp(`(?:${endTimeWords})`, 'iu')

export function alignEvent(event: LoadedEvent, glossary: Glossary, options: AlignOptions = {}): EventAlignment {
  const { record } = event
  const { byId } = entityMatcher(glossary)
  const targets = fieldTargets(record)
  const evidence = new Map<string, Evidence[]>(targets.map((target) => [target.field, []]))
  const unmatched: EventAlignment['unmatched'] = []

  for (const excerpt of event.excerpts) {
    let datedFully = false
    for (const block of excerpt.blocks) {
      const { claims, problems, sentences: blockSentenceList } = extractClaims(block.text, { published: excerpt.meta.published, glossary })
      blockSentences.set(block, blockSentenceList)
      if (options.report !== false) for (const problem of problems) report(excerpt, block, problem)
      for (const claim of claims) {
        if (claim.kind === 'date' && claim.refersTo !== 'statement') datedFully = true
        if (claim.refersTo === 'statement') continue
        const located = { claim, excerpt, block }
        const target = chooseTarget(located, targets, record, byId)
        if (target) evidence.get(target.field)!.push(toEvidence(target, located))
        else {
          // Offsets relative to the sentence, as in evidence.
          const sentence = sentenceOf(block, claim.start)
          unmatched.push({ ...claim, start: claim.start - sentence.start, end: claim.end - sentence.start, excerpt: excerpt.meta.id, text: sentence.text })
        }
      }
    }
    if (!excerpt.meta.published && !datedFully && options.report !== false) {
      once(excerpt, 'excerpt-undated', () =>
        warn(excerpt.file, t('problem.excerpt-undated'), {
          place: excerpt.tree.children[0]?.position,
          ruleId: 'excerpt-undated',
          hint: t('problem.excerpt-undated-hint'),
        }),
      )
    }
  }

  const fields = targets.map((target) => ({
    field: target.field,
    kind: target.kind,
    value: target.value,
    status: 'unsupported' as FieldAlignment['status'],
    evidence: evidence.get(target.field)!,
  }))
  applyDecisions(fields, options.state ?? readReviewStateSync(event.dir))
  for (const field of fields) {
    const unnamed = Array.isArray(field.value) ? unnamedValues(field.value, field.evidence, byId) : []
    if (unnamed.length > 0) (field as FieldAlignment).unnamed = unnamed
    field.status = unnamed.length > 0 && !field.evidence.some((item) => item.decision?.stale) ? 'unsupported' : statusOf(field.evidence)
  }
  return { event: record.id, fields, unmatched }
}

/**
 * A stale decision (made on another span or field value) needs a translator
 * again before the field can be trusted either way: the field is `stale`.
 * Otherwise rejected evidence does not count, and any disagreement left
 * makes the field contested.
 */
export function statusOf(evidence: Evidence[]): FieldAlignment['status'] {
  if (evidence.some((item) => item.decision?.stale)) return 'stale'
  const kept = evidence.filter((item) => item.decision?.decision !== 'rejected' || item.decision.stale)
  if (kept.length === 0) return 'unsupported'
  return kept.every((item) => item.agrees) ? 'supported' : 'contested'
}

/**
 * The entities of a list field (belligerents, places, commanders) that no
 * kept evidence names, itself or through a part of it (`FAMa` names `mali`):
 * one belligerent named does not support the whole side.
 */
function unnamedValues(ids: string[], evidence: Evidence[], byId: Map<string, Entity>): string[] {
  const named = new Set(evidence.filter((item) => item.decision?.decision !== 'rejected' || item.decision.stale).flatMap((item) => lineage(String(item.value), byId)))
  return ids.filter((id) => !named.has(id))
}

// ---------------------------------------------------------------- fields

const sameCount = (claim: ExtractedClaim, value: Quantity['value']) =>
  typeof value === 'number' ? claim.value === value : typeof claim.value === 'object' && claim.value.min === value.min && claim.value.max === value.max

function quantityTarget(field: string, kind: ClaimKind, quantity: Quantity): Target {
  return { field, kind, value: quantity.value, agrees: (claim) => sameCount(claim, quantity.value) }
}

function listTarget(field: string, kind: ClaimKind, ids: string[]): Target {
  return { field, kind, value: ids, agrees: () => true }
}

/** Every field of the record that French text can state, in a stable order. */
export function fieldTargets(record: EventRecord): Target[] {
  const targets: Target[] = []
  const { date } = record
  if (date) {
    // A day within a multi-day event agrees with its start: `lundi` of `lundi et mardi`.
    const within = (value: ExtractedClaim['value']) => typeof value === 'string' && value >= date.start && value <= (date.end ?? date.start)
    targets.push({ field: 'date.start', kind: 'date', value: date.start, agrees: (claim) => within(claim.value) })
    if (date.end) targets.push({ field: 'date.end', kind: 'date', value: date.end, agrees: (claim) => claim.value === date.end })
    if (date.startTime) targets.push({ field: 'date.startTime', kind: 'time', value: date.startTime, agrees: (claim) => claim.value === date.startTime })
    if (date.endTime) targets.push({ field: 'date.endTime', kind: 'time', value: date.endTime, agrees: (claim) => claim.value === date.endTime })
  }
  targets.push(listTarget('place', 'place', record.place.map((ref) => ref.entity)))
  for (const side of record.sides) {
    targets.push(listTarget(`sides.${side.id}.belligerents`, 'group', side.belligerents.map((ref) => ref.entity)))
    if (side.commanders.length > 0) targets.push(listTarget(`sides.${side.id}.commanders`, 'person', side.commanders.map((ref) => ref.entity)))
    if (side.strength) targets.push(quantityTarget(`sides.${side.id}.strength`, 'strength', side.strength))
    for (const kind of casualtyKinds) {
      const quantity = side.casualties[kind]
      if (quantity) targets.push(quantityTarget(`sides.${side.id}.casualties.${kind}`, kind, quantity))
    }
  }
  for (const group of record.otherCasualties) {
    for (const kind of casualtyKinds) {
      const quantity = group.casualties[kind]
      if (quantity) targets.push(quantityTarget(`otherCasualties.${group.id}.casualties.${kind}`, kind, quantity))
    }
  }
  return targets
}

// ---------------------------------------------------------------- matching

function chooseTarget(located: Located, targets: Target[], record: EventRecord, byId: Map<string, Entity>): Target | undefined {
  const { claim } = located
  const ofKind = targets.filter((target) => target.kind === claim.kind)
  switch (claim.kind) {
    case 'date':
      // The field the date states (`mardi` is the end of `lundi et mardi`), else the start, where a disagreement shows.
      return ofKind.find((target) => target.value === claim.value) ?? ofKind.find((target) => target.field === 'date.start')
    case 'time': {
      const agreeing = ofKind.find((target) => target.value === claim.value)
      if (agreeing) return agreeing
      const ending = endOfEvent.test(sentenceOf(located.block, claim.start).text)
      return ofKind.find((target) => target.field === (ending ? 'date.endTime' : 'date.startTime')) ?? ofKind[0]
    }
    case 'place':
    case 'group':
    case 'person': {
      const ids = lineage(String(claim.value), byId)
      return ofKind.find((target) => (target.value as string[]).some((id) => ids.includes(id)))
    }
    default:
      return chooseCountTarget(claim, ofKind, record, byId)
  }
}

/** The side (or group of non-combatants) a count is about, then its field of that kind. */
function chooseCountTarget(claim: ExtractedClaim, ofKind: Target[], record: EventRecord, byId: Map<string, Entity>): Target | undefined {
  const owners = new Set<string>()
  for (const side of record.sides) if (ownsClaim(claim, side.belligerents.map((ref) => ref.entity), byId)) owners.add(`sides.${side.id}.`)
  // Non-combatants, or people of no side of this event (prisoners held by one of them).
  if (claim.role === 'civilians' || owners.size === 0 || (!claim.subject && !claim.role)) {
    for (const group of record.otherCasualties) owners.add(`otherCasualties.${group.id}.`)
  }
  const candidates = ofKind.filter((target) => [...owners].some((prefix) => target.field.startsWith(prefix)))
  if (candidates.length <= 1) return candidates[0]
  const agreeing = candidates.filter((target) => target.agrees(claim))
  return agreeing.length === 1 ? agreeing[0] : undefined
}

/** Whether a side with these belligerents is whose the claim is: by entity, by role, or anyone when unknown. */
function ownsClaim(claim: ExtractedClaim, belligerents: string[], byId: Map<string, Entity>): boolean {
  if (claim.subject) {
    const ids = lineage(claim.subject, byId)
    return belligerents.some((id) => ids.includes(id) || lineage(id, byId).includes(claim.subject!))
  }
  const types = belligerents.map((id) => byId.get(id)?.type)
  switch (claim.role) {
    case 'state-forces':
      return types.some((type) => type === 'state' || type === 'armed-force')
    // In the attacks we record, the attackers are the armed groups.
    case 'armed-group':
    case 'attacker':
      return types.some((type) => type === 'group')
    case 'civilians':
      return false
    default:
      return true
  }
}

// ---------------------------------------------------------------- evidence

/** Sentences of each block, computed once per block (a block has many claims). */
const blockSentences = new WeakMap<TextBlock, ReturnType<typeof sentences>>()
function sentenceOf(block: TextBlock, at: number) {
  let list = blockSentences.get(block)
  if (!list) blockSentences.set(block, (list = sentences(block.text)))
  return sentenceAt(list, at) ?? { text: block.text, start: 0, end: block.text.length }
}

function toEvidence(target: Target, { claim, excerpt, block }: Located): Evidence {
  const sentence = sentenceOf(block, claim.start)
  const fileStart = fileOffset(block, sentence.start) ?? 0
  const fileEnd = fileOffset(block, sentence.end) ?? fileStart
  const point = location(excerpt.file).toPoint(fileStart) ?? { line: 1, column: 1 }
  const start = claim.start - sentence.start
  const end = claim.end - sentence.start
  return {
    link: contentHash([target.field, excerpt.meta.id, sentence.text, `${start}:${end}`, JSON.stringify(claim.value)].join('\n')),
    source: excerpt.meta.reference,
    excerpt: excerpt.meta.id,
    text: sentence.text,
    start,
    end,
    file: { path: excerpt.file.path, start: fileStart, end: fileEnd, line: point.line, column: point.column },
    value: claim.value,
    qualifier: claim.qualifier,
    agrees: target.agrees(claim),
  }
}

// ---------------------------------------------------------------- diagnostics

function report(excerpt: Excerpt, block: TextBlock, problem: { start: number; end: number; reason: string; ruleId: string; hint?: string }) {
  const place = location(excerpt.file)
  const start = place.toPoint(fileOffset(block, problem.start) ?? 0)
  const end = place.toPoint(fileOffset(block, problem.end) ?? 0)
  const at = start && end ? { start, end } : start
  // An impossible value is wrong content; a relative date without publication date only unresolved.
  const severity = problem.ruleId.startsWith('impossible-') ? error : warn
  once(excerpt, `${problem.ruleId}:${start?.line}:${start?.column}`, () =>
    severity(excerpt.file, problem.reason, { place: at, ruleId: problem.ruleId, hint: problem.hint }),
  )
}

/** alignEvent may run many times on one loaded event (the review server): report each problem once. */
const reported = new WeakMap<Excerpt, Set<string>>()
function once(excerpt: Excerpt, key: string, add: () => void) {
  const seen = reported.get(excerpt) ?? new Set<string>()
  reported.set(excerpt, seen)
  if (seen.has(key)) return
  seen.add(key)
  add()
}
