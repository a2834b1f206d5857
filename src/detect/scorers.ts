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
 * eld (Nito-ELD) is a second, independently trained n-gram detector; where
 * franc is unsure, its opinion decides (see `detect.ts`). eld has no
 * Occitan: for `oci` only franc speaks.
 */
import { asTuples } from 'trigram-utils'
import { data } from 'franc-all/data.js'
import { eld } from 'eld/small'
import { toBcp47, toIso6393, UNDETERMINED } from './languages.ts'

export interface Ranking {
  /** Best candidate, or 'und'. */
  lang: string
  /** How far ahead of the runner-up the best is, in [0, 1]. */
  margin: number
}

const NONE: Ranking = { lang: UNDETERMINED, margin: 0 }

/** franc's penalty for a trigram the language model lacks. */
const MAX_DIFFERENCE = 300

type Model = Map<string, number>
const models = new Map<string, Model>()

/** franc's model of a Latin-script language: trigram → rank. Throws for an unknown code (a programming error). */
function model(lang: string): Model {
  let found = models.get(lang)
  if (!found) {
    const source = (data.Latin as Record<string, string>)[lang]
    if (!source) throw new TypeError(`No Latin-script trigram model for \`${lang}\`: candidates must be ISO 639-3 codes franc-all knows (e.g. fra, eng, oci)`)
    found = new Map(source.split('|').map((trigram, rank) => [trigram, rank]))
    models.set(lang, found)
  }
  return found
}

/** Checks the candidates once, so that detection itself never throws. */
export function checkCandidates(candidates: readonly string[]): void {
  for (const lang of candidates) model(lang)
}

export function francRanking(text: string, candidates: readonly string[]): Ranking {
  const trigrams = asTuples(text)
  if (trigrams.length === 0 || candidates.length === 0) return NONE
  let best = { lang: UNDETERMINED, distance: Infinity }
  let second = Infinity
  for (const lang of candidates) {
    const distance = francDistance(trigrams, model(lang))
    if (distance < best.distance) {
      second = best.distance
      best = { lang, distance }
    } else if (distance < second) second = distance
  }
  const worst = trigrams.length * MAX_DIFFERENCE
  return { lang: best.lang, margin: candidates.length === 1 ? 1 : (second - best.distance) / worst }
}

/**
 * franc's `getDistance`, kept exactly (it compares the trigram's count in the
 * text with its rank in the model), so our answers are franc's answers.
 */
function francDistance(trigrams: Array<[string, number]>, model: Model): number {
  let distance = 0
  for (const [trigram, count] of trigrams) {
    const rank = model.get(trigram)
    distance += rank === undefined ? MAX_DIFFERENCE : Math.abs(count - rank - 1)
  }
  return distance
}

const eldSubsets = new Map<string, Set<string>>()

export function eldRanking(text: string, candidates: readonly string[]): Ranking {
  const allowed = eldCandidates(candidates)
  let best: [string, number] | undefined
  let second = 0
  for (const [code, score] of Object.entries(eld.detect(text).getScores())) {
    if (!allowed.has(code)) continue
    if (!best || score > best[1]) {
      second = best?.[1] ?? 0
      best = [code, score]
    } else if (score > second) second = score
  }
  if (!best) return NONE
  return { lang: toIso6393(best[0]) ?? UNDETERMINED, margin: best[1] - second }
}

/** eld's ISO 639-1 codes for the candidates, computed once per candidate list. */
function eldCandidates(candidates: readonly string[]): Set<string> {
  const key = candidates.join(',')
  let subset = eldSubsets.get(key)
  if (!subset) {
    subset = new Set(candidates.map((code) => toBcp47(code)).filter((code): code is string => Boolean(code)))
    eldSubsets.set(key, subset)
  }
  return subset
}
