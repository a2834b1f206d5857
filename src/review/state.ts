/**
 * Review state: a translator's decision on each evidence link, stored in the
 * event's folder as `review-state.json` (sorted keys, one decision per
 * object, two-space indent: small, readable git diffs).
 *
 * A decision is keyed by the evidence `link` (a content hash of field,
 * excerpt, sentence, span and stated value) and remembers a hash of the
 * field's value when it was made. On re-alignment:
 * - same link, same field value: the decision applies;
 * - same link, field value changed: the decision is shown `stale`;
 * - link gone (the sentence or span changed) but the same field and
 *   excerpt still have evidence: the decision is shown `stale` on it.
 *
 * Writes are atomic (temp file, fsync, rename) and serialized per file
 * within the process, so concurrent `recordDecision` calls lose nothing.
 */
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { contentHash } from '../record/hash.ts'
import { writeAtomic } from './atomic-write.ts'
import type { Decision, Evidence, FieldAlignment } from '../align/types.ts'

export const REVIEW_STATE_FILE = 'review-state.json'

/** What a decision was made about, to tell later whether it still applies. */
export interface DecisionContext {
  field: string
  excerpt: string
  /** Hash of the record's field value when the decision was made. */
  fieldValue: string
}

export interface StoredDecision extends Decision, DecisionContext {}

export interface ReviewState {
  version: 1
  /** By evidence link. */
  decisions: Record<string, StoredDecision>
}

export const emptyState = (): ReviewState => ({ version: 1, decisions: {} })

/** The context to pass to `recordDecision` for a piece of evidence of a field. */
export function decisionContext(field: Pick<FieldAlignment, 'field' | 'value'>, evidence: Pick<Evidence, 'excerpt'>): DecisionContext {
  return { field: field.field, excerpt: evidence.excerpt, fieldValue: valueHash(field.value) }
}

export function valueHash(value: FieldAlignment['value']): string {
  return contentHash(JSON.stringify(value))
}

/** A review file that cannot be read, with where in it and why, for a positioned message. */
export class ReviewStateError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly ruleId: 'review-state-invalid' | 'review-state-version',
    /** Character offset in the file where the problem is. */
    readonly offset = 0,
  ) {
    super(message)
  }
}

function parseState(text: string, path: string): ReviewState {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (cause) {
    const reason = (cause as Error).message
    const at = /position (\d+)/.exec(reason)
    throw new ReviewStateError(`${basename(path)} is not valid JSON (${reason.replace(/ in JSON at position \d+.*$/, '')}); fix it, or delete it to start the review afresh (it holds review decisions)`, path, 'review-state-invalid', at ? Number(at[1]) : 0)
  }
  const state = data as ReviewState
  const shape = 'expected {"version": 1, "decisions": {...}}'
  if (!state || typeof state !== 'object' || Array.isArray(state) || !('version' in state)) {
    throw new ReviewStateError(`${basename(path)} is not a review state (${shape}); fix it, or delete it to start the review afresh`, path, 'review-state-invalid')
  }
  if (state.version !== 1) {
    // There is one format so far; another number comes from a newer Passerelle or from a hand edit.
    throw new ReviewStateError(`${basename(path)} has format version ${JSON.stringify(state.version)}, and this Passerelle reads version 1; use the Passerelle that wrote it, or delete the file to start the review afresh`, path, 'review-state-version', Math.max(0, text.indexOf('"version"')))
  }
  if (typeof state.decisions !== 'object' || state.decisions === null || Array.isArray(state.decisions)) {
    throw new ReviewStateError(`${basename(path)} is not a review state (${shape}); fix it, or delete it to start the review afresh`, path, 'review-state-invalid', Math.max(0, text.indexOf('"decisions"')))
  }
  return state
}

/** The event's decisions; an empty state when the file does not exist yet. */
export async function readReviewState(eventDir: string): Promise<ReviewState> {
  const path = join(eventDir, REVIEW_STATE_FILE)
  try {
    return parseState(await readFile(path, 'utf8'), path)
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return emptyState()
    throw cause
  }
}

/** Synchronous twin of `readReviewState`, for `alignEvent`. */
export function readReviewStateSync(eventDir: string): ReviewState {
  const path = join(eventDir, REVIEW_STATE_FILE)
  try {
    return parseState(readFileSync(path, 'utf8'), path)
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return emptyState()
    throw cause
  }
}

/** Sorted keys at every level: the same state always serializes to the same bytes. */
export function serializeState(state: ReviewState): string {
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted)
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted((value as Record<string, unknown>)[key])]))
    }
    return value
  }
  return JSON.stringify(sorted(state), null, 2) + '\n'
}

/** Per-file queue: each write waits for the previous one on the same file. */
const queues = new Map<string, Promise<unknown>>()

function serialize<T>(path: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(path) ?? Promise.resolve()
  const next = previous.then(task, task)
  const settled = next.then(
    () => undefined,
    () => undefined,
  )
  queues.set(path, settled)
  void settled.then(() => {
    if (queues.get(path) === settled) queues.delete(path)
  })
  return next
}

/**
 * Records (or replaces) the decision on one evidence link and returns the
 * new state. Safe under concurrency within one process.
 */
export async function recordDecision(
  eventDir: string,
  link: string,
  decision: Decision,
  context: DecisionContext,
): Promise<ReviewState> {
  if (decision.decision !== 'approved' && decision.decision !== 'rejected') {
    throw new Error(`decision must be \`approved\` or \`rejected\`, not \`${String(decision.decision)}\``)
  }
  if (!/^[0-9a-f]{12}$/.test(link)) throw new Error(`\`${link}\` is not an evidence link (12 hex digits)`)
  const path = resolve(eventDir, REVIEW_STATE_FILE)
  return serialize(path, async () => {
    const state = await readReviewState(eventDir)
    const stored: StoredDecision = { decision: decision.decision, field: context.field, excerpt: context.excerpt, fieldValue: context.fieldValue }
    if (decision.note?.trim()) stored.note = decision.note.trim()
    state.decisions[link] = stored
    await writeAtomic(path, serializeState(state))
    return state
  })
}

/** Removes the decision on a link (e.g. to undo); a no-op when there is none. */
export async function clearDecision(eventDir: string, link: string): Promise<ReviewState> {
  const path = resolve(eventDir, REVIEW_STATE_FILE)
  return serialize(path, async () => {
    const state = await readReviewState(eventDir)
    if (!(link in state.decisions)) return state
    delete state.decisions[link]
    await writeAtomic(path, serializeState(state))
    return state
  })
}

/**
 * Fills `evidence.decision` from the state, marking `stale` what no longer
 * applies as it was made. Mutates and returns `fields`.
 */
export function applyDecisions<T extends Pick<FieldAlignment, 'field' | 'value' | 'evidence'>>(fields: T[], state: ReviewState): T[] {
  const current = new Set(fields.flatMap((field) => field.evidence.map((item) => item.link)))
  const orphans = Object.entries(state.decisions).filter(([link]) => !current.has(link))
  for (const field of fields) {
    const fieldValue = valueHash(field.value)
    for (const item of field.evidence) {
      const stored = state.decisions[item.link]
      if (stored) {
        item.decision = toDecision(stored, stored.fieldValue !== fieldValue || stored.field !== field.field)
        continue
      }
      // The sentence or span changed: the old decision is shown, as stale, on the new evidence.
      const index = orphans.findIndex(([, old]) => old.field === field.field && old.excerpt === item.excerpt)
      if (index !== -1) {
        item.decision = toDecision(orphans[index]![1], true)
        orphans.splice(index, 1)
      }
    }
  }
  return fields
}

function toDecision(stored: StoredDecision, stale: boolean): NonNullable<Evidence['decision']> {
  const decision: NonNullable<Evidence['decision']> = { decision: stored.decision }
  if (stored.note) decision.note = stored.note
  if (stale) decision.stale = true
  return decision
}
