/**
 * `detect(text)`: the language of one text, with a calibrated confidence.
 *
 * 1. The text is sampled (well-formed, at most 2048 characters); text with
 *    no letters, or mostly non-Latin letters, gives no text vote.
 * 2. eld scores every candidate; when eld alone is not sure (or the text
 *    could be Occitan, which eld does not know), franc does too. The model
 *    (model.ts) turns the scores into probabilities fitted on the tuning
 *    split: the best language is the text vote, its probability the
 *    confidence. Under 20 characters the probabilities are softened
 *    (model.ts, SHORT_TEXT): very short texts should rarely reach 0.8.
 *    The confidence reported is then recalibrated per length bucket
 *    (model.ts, RECALIBRATION) so that "≥ 0.8" is rarely wrong.
 * 3. Under `minLetters` letters the text alone never decides: the answer is
 *    'und' unless other evidence (options.evidence) is given, in which case
 *    the text vote is combined with it (see evidence.ts).
 * 4. An answer less confident than `minConfidence` becomes 'und'.
 */
import { DEFAULT_CANDIDATES } from './languages.ts'
import { sample } from './text.ts'
import { checkCandidates } from './scorers.ts'
import { combine, UNKNOWN, type Detection, type Vote } from './evidence.ts'
import { probabilities, recalibrate, score, soften, SHORT_TEXT } from './model.ts'

export interface DetectOptions {
  /** ISO 639-3 codes of the languages to choose from (default: DEFAULT_CANDIDATES). */
  candidates?: readonly string[]
  /** Under this many letters, text alone answers 'und' (default 12). */
  minLetters?: number
  /** Answers below this confidence become 'und' (default 0.5). */
  minConfidence?: number
  /** Other evidence: a declared language, a publisher's usual language. */
  evidence?: readonly Vote[]
}

export const DEFAULT_MIN_LETTERS = 12
export const DEFAULT_MIN_CONFIDENCE = 0.5

export function detect(text: string, options: DetectOptions = {}): Detection {
  const candidates = options.candidates ?? DEFAULT_CANDIDATES
  checkCandidates(candidates)
  const vote = textVote(text, candidates)
  const minLetters = options.minLetters ?? DEFAULT_MIN_LETTERS
  const evidence = options.evidence ?? []
  let result: Detection
  if (evidence.length > 0) {
    result = combine(vote ? [vote.vote, ...evidence] : evidence, candidates)
  } else {
    result = vote && vote.letters >= minLetters ? { lang: vote.vote.lang, confidence: vote.vote.confidence } : UNKNOWN
  }
  return result.confidence >= (options.minConfidence ?? DEFAULT_MIN_CONFIDENCE) ? result : UNKNOWN
}

/** What the text alone says, or undefined when it says nothing (no Latin letters). */
export function textVote(text: string, candidates: readonly string[]): { vote: Vote; letters: number } | undefined {
  const { text: sampled, letters, latinShare } = sample(text)
  if (letters === 0 || latinShare < 0.5) return undefined
  const scores = score(sampled, letters, candidates)
  if (!scores) return undefined
  const probs = probabilities(scores, candidates)
  if (text.length < SHORT_TEXT.below) soften(probs, SHORT_TEXT.temperature)
  let best = 0
  for (let index = 1; index < probs.length; index++) if (probs[index]! > probs[best]!) best = index
  return { vote: { lang: candidates[best]!, confidence: recalibrate(probs[best]!, text.length), source: 'text' }, letters }
}
