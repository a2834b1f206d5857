/**
 * Fits the detection model's weights (src/detect/model.ts) on the tuning
 * split: multinomial logistic regression by full-batch gradient descent
 * (Adam) on log loss, with a little L2 so weights stay finite on separable
 * bands. A few dozen parameters: no library is worth the dependency.
 * Each example should come three times — both detectors, eld alone, franc
 * alone — so that every set of weights is fitted.
 */
import { band, probabilities, type Scores, type Weights } from '../../src/detect/model.ts'

export interface Example {
  scores: Scores
  /** Index of the true language in the candidates. */
  truth: number
}

export function fit(examples: readonly Example[], candidates: readonly string[], bands: number[], iterations = 1500): Weights {
  const k = bands.length + 1
  // Parameters laid out as [franc × k, eld × k, eldAlone × k, francAlone × k, bias × candidates].
  const params = new Float64Array(4 * k + candidates.length)
  params.fill(1, 0, 4 * k)
  const adam = { m: new Float64Array(params.length), v: new Float64Array(params.length) }
  const toWeights = (): Weights => ({
    bands,
    franc: [...params.slice(0, k)].map(round),
    eld: [...params.slice(k, 2 * k)].map(round),
    eldAlone: [...params.slice(2 * k, 3 * k)].map(round),
    francAlone: [...params.slice(3 * k, 4 * k)].map(round),
    bias: Object.fromEntries(candidates.map((lang, index) => [lang, round(params[4 * k + index]!)])),
  })
  for (let step = 1; step <= iterations; step++) {
    const gradient = new Float64Array(params.length)
    const weights = toWeights()
    for (const { scores, truth } of examples) {
      const probs = probabilities(scores, candidates, weights)
      const b = band(scores.letters, bands)
      const [francIndex, eldIndex] = scores.franc && scores.eld ? [b, k + b] : scores.eld ? [-1, 2 * k + b] : [3 * k + b, -1]
      candidates.forEach((_, index) => {
        // d(−log p_truth)/d z_index = p_index − [index = truth]
        const error = probs[index]! - (index === truth ? 1 : 0)
        if (scores.franc) gradient[francIndex]! += error * -scores.franc[index]!
        if (scores.eld) gradient[eldIndex]! += error * scores.eld[index]!
        gradient[4 * k + index]! += error
      })
    }
    for (let i = 0; i < params.length; i++) {
      const g = gradient[i]! / examples.length + 1e-4 * params[i]!
      adam.m[i] = 0.9 * adam.m[i]! + 0.1 * g
      adam.v[i] = 0.999 * adam.v[i]! + 0.001 * g * g
      const mHat = adam.m[i]! / (1 - 0.9 ** step)
      const vHat = adam.v[i]! / (1 - 0.999 ** step)
      // Weights are at most a few units; 0.05 steps converge without overshooting the small eld weights.
      params[i] = params[i]! - 0.05 * mHat / (Math.sqrt(vHat) + 1e-8)
    }
  }
  return toWeights()
}

/** Rounded so the committed JSON is short and byte-stable. */
function round(value: number): number {
  return Math.round(value * 10000) / 10000
}
