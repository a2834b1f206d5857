/**
 * Language detection: franc (with eld's second opinion on short texts), a
 * calibrated confidence, evidence beyond the string, and diagnostics over
 * the corpus. ISO 639-3 codes throughout; `toBcp47` for HTML and records.
 */
export { detect, type DetectOptions } from './detect.ts'
export { combine, type Detection, type Vote } from './evidence.ts'
export { referenceLanguage, referenceNote, publisherLanguages, type PublisherLanguages, type ReferenceOptions } from './reference.ts'
export { toBcp47, toIso6393, DEFAULT_CANDIDATES, UNDETERMINED } from './languages.ts'
export { detectCorpus } from './corpus.ts'
