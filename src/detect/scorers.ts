/**
 * The two detectors, each restricted to the candidate languages.
 *
 * franc ranks languages by the distance between the text's trigrams and each
 * language's 300 most frequent ones. We use franc-all's trained models (they
 * include Occitan) and trigram-utils (franc's own tokenizer) but sum the
 * distances here: `francAll()` re-detects the script with some thirty regular
 * expressions and re-filters its 400-language table on every call, which
 * halves throughput, and it only exposes scores normalised so that the best
 * is always 1. The distance below is franc's `getDistance`, unchanged.
 *
 * eld (Nito-ELD) is a second, independently trained n-gram detector. It is
 * asked first (see model.ts): on natural prose it is the more accurate and
 * the cheaper of the two. eld has no Occitan: for `oci` only franc speaks.
 */
import { asDictionary } from 'trigram-utils'
import { data } from 'franc-all/data.js'
import { eldScores, ELD_LANGUAGES } from './eld.ts'
import { toBcp47 } from './languages.ts'

/** Per candidate, in `candidates` order: how far behind the best each language is (0 for the best). */
export type Gaps = Float64Array

/** franc's penalty for a trigram the language model lacks. */
const MAX_DIFFERENCE = 300

/**
 * The candidates' models merged into one table: trigram → its rank in each
 * candidate's model (MISSING where absent). One hash lookup per trigram
 * instead of one per trigram and language keeps nine candidates cheap.
 */
interface Table {
  ranks: Map<string, Int16Array>
  size: number
}
const MISSING = -1
const tables = new Map<string, Table>()

/** Throws for an unknown code: candidates are a programming choice, not content. */
function table(candidates: readonly string[]): Table {
  const key = candidates.join(',')
  let found = tables.get(key)
  if (!found) {
    const ranks = new Map<string, Int16Array>()
    candidates.forEach((lang, index) => {
      const source = (data.Latin as Record<string, string>)[lang]
      if (!source) throw new TypeError(`No Latin-script trigram model for \`${lang}\`: candidates must be ISO 639-3 codes franc-all knows (e.g. fra, eng, oci)`)
      source.split('|').forEach((trigram, rank) => {
        let row = ranks.get(trigram)
        if (!row) ranks.set(trigram, (row = new Int16Array(candidates.length).fill(MISSING)))
        row[index] = rank
      })
    })
    found = { ranks, size: candidates.length }
    tables.set(key, found)
  }
  return found
}

/** Checks the candidates once, so that detection itself never throws. */
export function checkCandidates(candidates: readonly string[]): void {
  if (candidates.length === 0) throw new TypeError('At least one candidate language is needed')
  table(candidates)
}

/**
 * franc's distance of every candidate minus the best one, per trigram and
 * in units of the largest difference, times √(trigrams): 0 for franc's
 * answer. The √ makes it grow with the evidence, as a z-score does, so a
 * long text with a small per-trigram lead still counts as clear.
 * Undefined when the text has no trigrams.
 */
export function francGaps(text: string, candidates: readonly string[]): Gaps | undefined {
  // franc sorts the trigrams (asTuples), but its distance does not depend on their order.
  const trigrams = Object.entries(asDictionary(text))
  if (trigrams.length === 0) return undefined
  const distances = francDistances(trigrams, table(candidates))
  const best = Math.min(...distances)
  const scale = MAX_DIFFERENCE * Math.sqrt(trigrams.length)
  return distances.map((distance) => (distance - best) / scale)
}

/**
 * franc's `getDistance` for every candidate at once, kept exactly (it
 * compares the trigram's count in the text with its rank in the model), so
 * the best candidate is franc's answer.
 */
function francDistances(trigrams: Array<[string, number]>, { ranks, size }: Table): Float64Array {
  const distances = new Float64Array(size)
  for (const [trigram, count] of trigrams) {
    const row = ranks.get(trigram)
    for (let index = 0; index < size; index++) {
      const rank = row ? row[index]! : MISSING
      distances[index] = distances[index]! + (rank === MISSING ? MAX_DIFFERENCE : Math.abs(count - rank - 1))
    }
  }
  return distances
}

/**
 * eld's evidence for every candidate minus the best candidate's (0 for
 * eld's answer, negative behind it). eld reports s / (s + 25) for its
 * per-n-gram score s; the gap is taken on s / 25 (the odds of what eld
 * reports), which grows with the evidence instead of flattening near 1. A
 * language eld leaves out of its results has s = 0.
 *
 * eld has no Occitan. A candidate eld does not know takes the gap of its
 * nearest language eld does know (ELD_PROXY): eld reads 80% of the Occitan
 * strings of the tuning set as Catalan and 9% as French, so Occitan is
 * "as likely as Catalan" for eld. A text eld finds Catalan-like therefore
 * never looks sure to eld alone, and franc — which knows Occitan — is asked.
 * Without a proxy the worst gap seen is used.
 * Undefined when eld scores no candidate.
 */
export function eldGaps(text: string, candidates: readonly string[]): Gaps | undefined {
  const { slots, wanted } = eldSlots(candidates)
  const scores = eldScores(text, wanted)
  if (!scores) return undefined // eld scored none of the candidates
  const values = new Float64Array(slots.length)
  let best = -Infinity
  let floor = Infinity
  for (let index = 0; index < slots.length; index++) {
    const slot = slots[index]!
    if (slot < 0) continue
    const share = Math.min(scores[slot]!, 0.999999)
    values[index] = share / (1 - share)
    best = Math.max(best, values[index]!)
    floor = Math.min(floor, values[index]!)
  }
  if (best <= 0) return undefined
  for (let index = 0; index < slots.length; index++) values[index] = (slots[index]! < 0 ? floor : values[index]!) - best
  return values
}

/** For a candidate eld does not know, the language eld mistakes it for. */
export const ELD_PROXY: Readonly<Record<string, string>> = { oci: 'cat' }

interface EldSlots {
  /** Per candidate, the index in eld's table of the language that stands for it (itself, or its ELD_PROXY); -1 when none. */
  slots: Int16Array
  /** Per index of eld's table, 1 when some candidate needs it. */
  wanted: Int8Array
}
const eldSlotsCache = new Map<string, EldSlots>()
function eldSlots(candidates: readonly string[]): EldSlots {
  const key = candidates.join(',')
  let found = eldSlotsCache.get(key)
  if (!found) {
    const slotOf = (lang: string | undefined) => (lang === undefined ? -1 : ELD_LANGUAGES.indexOf(toBcp47(lang) ?? ''))
    const slots = Int16Array.from(candidates, (lang) => {
      const own = slotOf(lang)
      return own >= 0 ? own : slotOf(ELD_PROXY[lang])
    })
    const wanted = new Int8Array(ELD_LANGUAGES.length)
    for (const slot of slots) if (slot >= 0) wanted[slot] = 1
    found = { slots, wanted }
    eldSlotsCache.set(key, found)
  }
  return found
}
