/**
 * Confidence of a text vote: how often franc's answer was right, on the
 * tuning split of bench/langid, for texts of this length, this margin and
 * this agreement with eld. `bench/langid/calibrate.ts` fills the table.
 */
export interface TextFeatures {
  letters: number
  /** franc's lead over its runner-up. */
  margin: number
  /** Whether eld, asked, named the same language. */
  agreement: 'agree' | 'disagree' | 'alone'
}

// Provisional until calibrated: grows with margin × √length.
export function textConfidence(features: TextFeatures): number {
  const strength = features.margin * Math.sqrt(features.letters) * 20
  const base = 1 / (1 + Math.exp(-(strength - 1)))
  return features.agreement === 'disagree' ? base / 2 : base
}
