/**
 * Foreign spans in prose of a known language: sentences (and quotations) in
 * another language. A sentence inside a quotation is a quoted span — its
 * language is marked for publishing (`lang` attribute), not reported as an
 * error; an unquoted one is text left behind.
 */
import { detect, type DetectOptions } from './detect.ts'
import type { Detection } from './evidence.ts'
import { UNDETERMINED } from './languages.ts'
import { isQuoted, quotations, sentences, type Span } from './sentences.ts'

export interface ForeignSpan extends Span, Detection {
  quoted: boolean
}

/**
 * The surrounding prose is evidence: a sentence of a French paragraph is
 * French unless its own text says otherwise clearly. This vote keeps names
 * and short clauses from being flagged.
 */
export const CONTEXT_CONFIDENCE = 0.6
/** Only spans at least this confident are reported or marked. */
export const REPORT_CONFIDENCE = 0.8

/** @param expected ISO 639-3 language of the prose */
export function foreignSpans(text: string, expected: string, options: DetectOptions = {}): ForeignSpan[] {
  const quotes = quotations(text)
  const found: ForeignSpan[] = []
  const consider = (span: Span, quoted: boolean) => {
    const detection = detect(span.text, { ...options, evidence: [{ lang: expected, confidence: CONTEXT_CONFIDENCE, source: 'context' }] })
    if (detection.lang !== UNDETERMINED && detection.lang !== expected && detection.confidence >= REPORT_CONFIDENCE) {
      found.push({ ...span, ...detection, quoted })
    }
  }
  for (const sentence of sentences(text)) consider(sentence, isQuoted(sentence, quotes))
  for (const quote of quotes) {
    if (!found.some((span) => span.start <= quote.start && quote.end <= span.end)) consider(quote, true)
  }
  return found.sort((a, b) => a.start - b.start)
}
