/**
 * The alignment contract, shared by the align stage (which produces it), the
 * review server and XLIFF export (which show it) and the `align --json` CLI.
 */
import type { Qualifier, Range } from '../record/schema.ts'

export type ClaimKind =
  | 'killed'
  | 'injured'
  | 'captured'
  | 'missing'
  | 'strength'
  | 'vehicles'
  | 'date'
  | 'time'
  | 'place'
  | 'group'
  | 'person'

/** What a French sentence states, and where. */
export interface ExtractedClaim {
  kind: ClaimKind
  /** Counts are numbers or ranges; dates `YYYY-MM-DD`; times `HH:MM`; places and groups glossary ids. */
  value: number | Range | string
  qualifier: Qualifier
  /** Glossary id of whose figure it is (a side's belligerent or armed force), when known. */
  subject?: string
  /**
   * Whose figure it is when the text names no entity, only a kind of
   * combatant (`soldats`, `jihadistes`, `assaillants`); alignment resolves it
   * to a side. Added after the first contract; optional.
   */
  role?: 'state-forces' | 'armed-group' | 'attacker' | 'civilians'
  /** `statement`: the date dates a claim or a report (`revendiquée le 29 janvier`), not the event. */
  refersTo?: 'statement'
  /** Character offsets into the text that was given to the extractor. */
  start: number
  end: number
}

/**
 * - `supported`: the evidence kept (not rejected) agrees with the field;
 * - `contested`: kept evidence disagrees (every value kept, with its source);
 * - `unsupported`: no French evidence, or all of it rejected;
 * - `stale`: at least one evidence decision was recorded against another
 *   value of the field or another span of the excerpt, so the field needs
 *   review again; it wins over the three others.
 */
export type FieldStatus = 'supported' | 'contested' | 'unsupported' | 'stale'

export interface Decision {
  decision: 'approved' | 'rejected'
  note?: string
}

/** One French statement linked to one field of the record. */
export interface Evidence {
  /** Stable id of the link: a content hash of field, excerpt span and stated value. */
  link: string
  /** Reference id of the source the excerpt paraphrases. */
  source: string
  /** Excerpt id. */
  excerpt: string
  /** The sentence that states the value. */
  text: string
  /** Offsets of the stated value within `text`. */
  start: number
  end: number
  /** Where the sentence sits in the excerpt file (for diagnostics and editors). */
  file: { path: string; start: number; end: number; line: number; column: number }
  value: ExtractedClaim['value']
  qualifier: Qualifier
  /** Whether the stated value agrees with the record's field. */
  agrees: boolean
  decision?: Decision & { stale?: boolean }
}

/** One field of the record with its French evidence. */
export interface FieldAlignment {
  /** Path-like key, e.g. `sides.malian-forces.casualties.injured`, `date.start`, `place`. */
  field: string
  kind: ClaimKind
  /** The record's value for the field. */
  value: ExtractedClaim['value'] | string[]
  /**
   * `stale` when any evidence decision is stale; see FieldStatus. A list field
   * (belligerents, places, commanders) is `supported` only when each of its
   * entities is named by kept evidence; otherwise `unsupported`, with `unnamed`.
   */
  status: FieldStatus
  evidence: Evidence[]
  /** List fields only: the entities no kept evidence names. Added after the first contract; optional. */
  unnamed?: string[]
}

export interface EventAlignment {
  event: string
  fields: FieldAlignment[]
  /** Claims that match no field: the record may be missing something. */
  unmatched: Array<ExtractedClaim & { excerpt: string; text: string }>
}
