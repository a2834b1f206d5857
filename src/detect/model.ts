/**
 * From detector scores to probabilities: a small multinomial logistic model
 * (softmax over the candidates) fitted on the tuning split of bench/langid
 * by `npm run bench:langid -- --calibrate`. For candidate L,
 *
 *   z(L) = bias(L) − franc(k) · francGap(L) + eld(k) · eldGap(L)
 *
 * where k is the text's length band (in letters): short texts get small
 * weights, so their probabilities stay spread out. eld costs as much as
 * franc, so it is asked only when franc alone (weights `francAlone(k)`, no
 * eld term) is not already sure and the text is short. Fitting by log loss is
 * what makes the probabilities calibrated (Platt scaling, with two
 * detectors); the benchmark prints how often answers at each confidence are
 * right on held-out text.
 */
import calibration from './calibration.json' with { type: 'json' }
import { eldGaps, francGaps, type Gaps } from './scorers.ts'

export interface Weights {
  /** Upper bounds (exclusive) of the length bands, in letters; the last band is open. */
  bands: number[]
  /** Per band (bands.length + 1 values). */
  franc: number[]
  eld: number[]
  /** franc's weight when eld was not asked. */
  francAlone: number[]
  /** Per language (ISO 639-3); languages without one get 0. */
  bias: Record<string, number>
}

export const WEIGHTS: Weights = calibration

/** From this many letters eld is not asked: it adds little there (0.4 point at 100–300 characters) and costs as much as franc. */
export const FRANC_ALONE_LETTERS = 60
/** franc alone at this probability is not second-guessed. */
export const SURE = 0.97

export interface Scores {
  letters: number
  franc: Gaps
  /** Absent for long texts and when eld knows none of the candidates. */
  eld: Gaps | undefined
}

/** Both detectors' scores; `eld` only when franc alone is unsure on a short text (or `withEld`). */
export function score(text: string, letters: number, candidates: readonly string[], withEld = false, weights: Weights = WEIGHTS): Scores | undefined {
  const franc = francGaps(text, candidates)
  if (!franc) return undefined
  const alone: Scores = { letters, franc, eld: undefined }
  if (!withEld && (letters >= FRANC_ALONE_LETTERS || Math.max(...probabilities(alone, candidates, weights)) >= SURE)) return alone
  return { letters, franc, eld: eldGaps(text, candidates) }
}

export function band(letters: number, bands: readonly number[]): number {
  const index = bands.findIndex((bound) => letters < bound)
  return index === -1 ? bands.length : index
}

/** Softmax probabilities over `candidates`, in their order. */
export function probabilities(scores: Scores, candidates: readonly string[], weights: Weights = WEIGHTS): Float64Array {
  const k = band(scores.letters, weights.bands)
  const logits = candidates.map((lang, index) => {
    const franc = (scores.eld ? weights.franc[k]! : weights.francAlone[k]!) * scores.franc[index]!
    const eld = scores.eld ? weights.eld[k]! * scores.eld[index]! : 0
    return (weights.bias[lang] ?? 0) - franc + eld
  })
  const top = Math.max(...logits)
  const exps = logits.map((logit) => Math.exp(logit - top))
  const total = exps.reduce((sum, value) => sum + value, 0)
  return Float64Array.from(exps, (value) => value / total)
}
