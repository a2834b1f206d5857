/**
 * The language of a reference: its title's detection, its declared
 * `language`, and the usual language of its publisher, combined as
 * independent votes (see evidence.ts):
 *
 * - declared `language`: confidence 0.9 — an editor's statement, usually
 *   right, occasionally a copy-paste slip;
 * - the publisher's other references in this corpus: (k + 1) / (n + 2) for
 *   k of n in the language (Laplace's rule), capped at 0.85 since outlets
 *   publish in more than one language;
 * - the title: the text vote with its calibrated confidence, even for
 *   titles too short for `detect` to answer alone.
 *
 * A short French title from a French outlet declared `fr` is therefore
 * French with high confidence; an English title declared `fr` lowers the
 * confidence, and `detectCorpus` reports the disagreement.
 */
import type { Reference } from '../record/schema.ts'
import { detect, type DetectOptions } from './detect.ts'
import type { Detection, Vote } from './evidence.ts'
import { toBcp47, toIso6393, UNDETERMINED } from './languages.ts'

export const DECLARED_CONFIDENCE = 0.9
export const PUBLISHER_CONFIDENCE_CAP = 0.85

/** publisher → ISO 639-3 language → number of references. */
export type PublisherLanguages = Map<string, Map<string, number>>

export interface ReferenceOptions extends Omit<DetectOptions, 'evidence'> {
  /** Counts from `publisherLanguages(allReferences)`; omit to ignore publishers. */
  publishers?: PublisherLanguages
}

/** Counts the declared languages of every publisher's references. */
export function publisherLanguages(references: Iterable<Reference>): PublisherLanguages {
  const counts: PublisherLanguages = new Map()
  for (const reference of references) {
    const lang = toIso6393(reference.language)
    if (!lang) continue
    const key = publisherKey(reference.publisher)
    const languages = counts.get(key) ?? new Map<string, number>()
    languages.set(lang, (languages.get(lang) ?? 0) + 1)
    counts.set(key, languages)
  }
  return counts
}

export function referenceLanguage(reference: Reference, options: ReferenceOptions = {}): Detection {
  const { publishers, ...detectOptions } = options
  return detect(reference.title, { ...detectOptions, evidence: referenceEvidence(reference, publishers) })
}

/** The votes beside the title: the declared language and the publisher's habit. */
export function referenceEvidence(reference: Reference, publishers?: PublisherLanguages): Vote[] {
  const votes: Vote[] = []
  const declared = toIso6393(reference.language)
  if (declared) votes.push({ lang: declared, confidence: DECLARED_CONFIDENCE, source: 'declared' })
  const habit = publishers && publisherHabit(reference, declared, publishers)
  if (habit) votes.push(habit)
  return votes
}

/** The publisher's usual language from its *other* references, so the declaration is not counted twice. */
function publisherHabit(reference: Reference, declared: string | undefined, publishers: PublisherLanguages): Vote | undefined {
  const counts = new Map(publishers.get(publisherKey(reference.publisher)) ?? [])
  if (declared && counts.has(declared)) counts.set(declared, counts.get(declared)! - 1)
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0)
  if (total === 0) return undefined
  const [lang, count] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!
  return { lang, confidence: Math.min(PUBLISHER_CONFIDENCE_CAP, (count + 1) / (total + 2)), source: 'publisher' }
}

function publisherKey(publisher: string): string {
  return publisher.normalize('NFC').trim().toLowerCase()
}

/**
 * For publishing: the BCP 47 language to note after a reference on a page in
 * `page` ("(in French)" on the English page, "(en anglais)" on the French
 * one), or undefined when the reference is in the page's language or its
 * language is unknown. The words themselves live in the locales.
 */
export function referenceNote(reference: Reference, page: string, options: ReferenceOptions = {}): string | undefined {
  const { lang } = referenceLanguage(reference, options)
  const tag = lang === UNDETERMINED ? undefined : toBcp47(lang)
  return tag && tag !== toBcp47(toIso6393(page) ?? page) ? tag : undefined
}
