/**
 * What the review API answers: an event's fields with their French evidence
 * and decisions, counts per status, and its prose. Built from the align
 * stage's output; the only status added here is `stale`, for a field whose
 * recorded decision no longer applies as it was made (see state.ts).
 */
import type { LoadedEvent } from '../ingest/corpus.ts'
import type { EventAlignment, Evidence, FieldAlignment, FieldStatus } from '../align/types.ts'
import { contentHash } from '../record/hash.ts'
import { proseSections, type ProseSection } from './prose.ts'

export const statuses: readonly FieldStatus[] = ['supported', 'contested', 'unsupported', 'stale']

export interface EvidenceView {
  link: string
  source: string
  /** The publisher of the source, as the record's references name it. */
  sourceName: string
  excerpt: string
  text: string
  start: number
  end: number
  value: Evidence['value']
  agrees: boolean
  decision?: Evidence['decision']
}

export interface FieldView {
  field: string
  kind: FieldAlignment['kind']
  value: FieldAlignment['value']
  status: FieldStatus
  evidence: EvidenceView[]
}

export interface EventSummary {
  id: string
  title: { en: string; fr: string }
  counts: Record<FieldStatus, number>
  /** Evidence links without a current (non-stale) decision. */
  needsReview: number
  staleProse: number
}

export interface EventView extends EventSummary {
  fields: FieldView[]
  unmatched: EventAlignment['unmatched']
  prose: ProseSection[]
}

export const needsReview = (evidence: Pick<Evidence, 'decision'>) => !evidence.decision || evidence.decision.stale === true

export function fieldViews(event: LoadedEvent, alignment: EventAlignment): FieldView[] {
  const publishers = new Map(event.record.references.map((reference) => [reference.id, reference.publisher]))
  return alignment.fields.map((field) => ({
    field: field.field,
    kind: field.kind,
    value: field.value,
    status: field.evidence.some((evidence) => evidence.decision?.stale) ? 'stale' : field.status,
    evidence: field.evidence.map((evidence) => ({
      link: evidence.link,
      source: evidence.source,
      sourceName: publishers.get(evidence.source) ?? evidence.source,
      excerpt: evidence.excerpt,
      text: evidence.text,
      start: evidence.start,
      end: evidence.end,
      value: evidence.value,
      agrees: evidence.agrees,
      ...(evidence.decision ? { decision: evidence.decision } : {}),
    })),
  }))
}

function summarize(event: LoadedEvent, fields: FieldView[], staleProse: number): EventSummary {
  const counts = Object.fromEntries(statuses.map((status) => [status, 0])) as Record<FieldStatus, number>
  for (const field of fields) counts[field.status]++
  return {
    id: event.record.id,
    title: event.record.title,
    counts,
    needsReview: fields.reduce((sum, field) => sum + field.evidence.filter(needsReview).length, 0),
    staleProse,
  }
}

/** The list entry of an event: counts only, no git look-up of old English. */
export function eventSummary(event: LoadedEvent, alignment: EventAlignment): EventSummary {
  const staleProse = event.record.sections.filter((section) => section.fr && section.fr.translates !== contentHash(section.en.text)).length
  return summarize(event, fieldViews(event, alignment), staleProse)
}

export async function eventView(event: LoadedEvent, alignment: EventAlignment): Promise<EventView> {
  const fields = fieldViews(event, alignment)
  const prose = await proseSections(event)
  return { ...summarize(event, fields, prose.filter((section) => section.stale).length), fields, unmatched: alignment.unmatched, prose }
}
