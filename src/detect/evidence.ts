/**
 * Combining evidence about a text's language.
 *
 * Each piece of evidence is a vote: a language and how often a vote of this
 * kind is right (its calibrated confidence). Votes are combined as
 * independent observations (naive Bayes) over the candidate languages with
 * a uniform prior: a vote for L with confidence c multiplies L's weight by c
 * and every other candidate's by (1 − c) / (n − 1). The answer is the
 * heaviest language; its confidence is its share of the total weight.
 *
 * So two agreeing votes reinforce each other, a strong vote outweighs a weak
 * one, and two strong votes that disagree leave a confidence near 0.5 that
 * the caller can refuse. A vote for a language outside the candidates joins
 * them (a declared `language: sw` is evidence too).
 */
import { UNDETERMINED } from './languages.ts'

export interface Vote {
  /** ISO 639-3 code. */
  lang: string
  /** Probability, in (0, 1), that a vote like this one is right. */
  confidence: number
  /** Where the vote comes from: `text`, `declared`, `publisher`... */
  source: string
}

export interface Detection {
  /** ISO 639-3 code, or 'und'. */
  lang: string
  /** In [0, 1]: how often answers like this one are right (0 for 'und'). */
  confidence: number
}

export const UNKNOWN: Detection = Object.freeze({ lang: UNDETERMINED, confidence: 0 })

/** Keeps every vote strictly between 0 and 1, so no single vote is a veto. */
const FLOOR = 0.01

export function combine(votes: readonly Vote[], candidates: readonly string[]): Detection {
  const useful = votes.filter((vote) => vote.lang !== UNDETERMINED && vote.confidence > 0)
  if (useful.length === 0) return UNKNOWN
  const languages = [...new Set([...candidates, ...useful.map((vote) => vote.lang)])]
  const others = Math.max(1, languages.length - 1)
  const weights = languages.map((lang) => {
    let logWeight = 0
    for (const vote of useful) {
      const confidence = Math.min(1 - FLOOR, Math.max(FLOOR, vote.confidence))
      logWeight += Math.log(vote.lang === lang ? confidence : (1 - confidence) / others)
    }
    return logWeight
  })
  const top = Math.max(...weights)
  const total = weights.reduce((sum, weight) => sum + Math.exp(weight - top), 0)
  const index = weights.indexOf(top)
  return { lang: languages[index]!, confidence: 1 / total }
}
