/**
 * `detectCorpus`: language diagnostics over loaded sources, as positioned
 * vfile messages, and the foreign spans and reference languages that
 * publishing needs.
 *
 * - an excerpt whose text is not in its declared language;
 * - an unquoted sentence in another language inside an excerpt (a quoted one
 *   is a span to mark, not a problem);
 * - English left in the French prose of the record (and French in the English);
 * - a French section that is a copy of the English one;
 * - a reference title that is confidently not in the declared language.
 *
 * Detection is probabilistic, so disagreements are warnings; only an exact
 * copy of the English text as the French translation is an error.
 */
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import type { Corpus, LoadedEvent } from '../ingest/corpus.ts'
import { fileOffset, type TextBlock } from '../ingest/excerpt.ts'
import { positionAt, type Path } from '../ingest/yaml.ts'
import { contentHash } from '../record/hash.ts'
import { error, warn } from '../diagnostics/index.ts'
import type { Excerpt } from '../ingest/excerpt.ts'
import { detect, type DetectOptions } from './detect.ts'
import type { Detection } from './evidence.ts'
import { toBcp47, toIso6393, UNDETERMINED } from './languages.ts'
import { publisherLanguages, referenceLanguage } from './reference.ts'
import { foreignSpans, REPORT_CONFIDENCE, type ForeignSpan } from './spans.ts'

export interface CorpusLanguages {
  /** Excerpt id → what its text is, and its foreign spans (offsets into the file). */
  excerpts: Map<string, { detection: Detection; spans: ForeignSpan[] }>
  /** `event-id/reference-id` → the reference's language. */
  references: Map<string, Detection>
  /** `event-id/section-id/fr` (or `/en`) → foreign spans, offsets into that text. */
  sections: Map<string, ForeignSpan[]>
}

export function detectCorpus(corpus: Corpus, options: DetectOptions = {}): CorpusLanguages {
  const result: CorpusLanguages = { excerpts: new Map(), references: new Map(), sections: new Map() }
  const publishers = publisherLanguages(corpus.events.flatMap((event) => event.record.references))
  for (const event of corpus.events) {
    for (const excerpt of event.excerpts) result.excerpts.set(excerpt.meta.id, checkExcerpt(excerpt, options))
    checkSections(event, result, options)
    event.record.references.forEach((reference, index) => {
      const key = `${event.record.id}/${reference.id}`
      result.references.set(key, referenceLanguage(reference, { ...options, publishers }))
      checkTitle(event, index, options)
    })
  }
  return result
}

const languageName = (code: string) => toBcp47(code) ?? code

function checkExcerpt(excerpt: Excerpt, options: DetectOptions) {
  const { file, meta } = excerpt
  const declared = toIso6393(meta.language) ?? UNDETERMINED
  const detection = detect(excerpt.blocks.map((block) => block.text).join('\n'), options)
  const mismatch = detection.lang !== UNDETERMINED && detection.lang !== declared && detection.confidence >= REPORT_CONFIDENCE
  if (mismatch) {
    warn(file, `Excerpt is declared \`${meta.language}\` but its text reads as \`${languageName(detection.lang)}\` (confidence ${detection.confidence.toFixed(2)})`, {
      place: positionAt(excerpt.frontMatter, ['language']),
      ruleId: 'excerpt-language-mismatch',
      hint: `set \`language: ${languageName(detection.lang)}\` or check that the right text was pasted`,
    })
  }
  const spans: ForeignSpan[] = []
  // A whole excerpt in another language is one problem, not one per sentence.
  if (declared === UNDETERMINED || mismatch) return { detection, spans }
  for (const block of excerpt.blocks) {
    for (const span of foreignSpans(block.text, declared, options)) {
      const start = fileOffset(block, span.start) ?? 0
      const end = fileOffset(block, span.end) ?? start
      spans.push({ ...span, start, end })
      if (!span.quoted) reportSentence(file, block, span, meta.language)
    }
  }
  return { detection, spans }
}

function reportSentence(file: VFile, block: TextBlock, span: ForeignSpan, declared: string) {
  const place = location(file)
  const start = place.toPoint(fileOffset(block, span.start) ?? 0)
  const end = place.toPoint(fileOffset(block, span.end) ?? 0)
  warn(file, `Sentence in \`${languageName(span.lang)}\` inside a \`${declared}\` excerpt: “${clip(span.text)}”`, {
    place: start && end ? { start, end } : start,
    ruleId: 'foreign-sentence',
    hint: 'translate it, or put it in quotation marks « … » if the source quotes it',
  })
}

function checkSections(event: LoadedEvent, result: CorpusLanguages, options: DetectOptions) {
  const { record, source } = event
  record.sections.forEach((section, index) => {
    const copied = section.fr ? checkCopy(event, index) : false
    for (const language of ['en', 'fr'] as const) {
      const text = section[language]?.text
      // A copied section is reported once, as such.
      if (!text || (language === 'fr' && copied)) continue
      const path: Path = ['sections', index, language, 'text']
      const spans = foreignSpans(text, toIso6393(language)!, options)
      result.sections.set(`${record.id}/${section.id}/${language}`, spans)
      for (const span of spans.filter((found) => !found.quoted)) {
        warn(source.file, `${language === 'fr' ? 'French' : 'English'} section \`${section.id}\` has a sentence in \`${languageName(span.lang)}\`: “${clip(span.text)}”`, {
          place: placeInScalar(event, path, span.text),
          ruleId: 'foreign-sentence',
          hint: language === 'fr' ? 'translate what was left in English' : 'translate it into English',
        })
      }
    }
  })
}

/** Reports a French section that is the English text (or English prose); true when it did. */
function checkCopy(event: LoadedEvent, index: number): boolean {
  const section = event.record.sections[index]!
  const french = section.fr!.text
  const copied = contentHash(french) === contentHash(section.en.text)
  const detection = copied ? undefined : detect(french)
  if (copied || (detection?.lang === 'eng' && detection.confidence >= REPORT_CONFIDENCE)) {
    error(event.source.file, `French section \`${section.id}\` is ${copied ? 'a copy of' : 'written in English, like'} the English text, not a translation`, {
      place: positionAt(event.source, ['sections', index, 'fr', 'text']),
      ruleId: 'untranslated-section',
      hint: 'translate the English text into French (or remove `fr` until it is translated)',
    })
    return true
  }
  return false
}

function checkTitle(event: LoadedEvent, index: number, options: DetectOptions) {
  const reference = event.record.references[index]!
  const declared = toIso6393(reference.language)
  const detection = detect(reference.title, options)
  if (!declared || detection.lang === UNDETERMINED || detection.lang === declared || detection.confidence < REPORT_CONFIDENCE) return
  warn(event.source.file, `Title of reference \`${reference.id}\` reads as \`${languageName(detection.lang)}\`, but its language is \`${reference.language}\``, {
    place: positionAt(event.source, ['references', index, 'language']),
    ruleId: 'reference-language-mismatch',
    hint: 'check `language`: the page will label the reference with it',
  })
}

/**
 * Where a span of a YAML string sits in the file. Folded scalars break lines,
 * so the span's opening words (up to the first line break the YAML might
 * have added) are searched within the scalar's range; failing that, the
 * scalar itself is the place.
 */
function placeInScalar(event: LoadedEvent, path: Path, spanText: string) {
  const whole = positionAt(event.source, path)
  if (!('start' in whole) || whole.start.offset === undefined || whole.end.offset === undefined) return whole
  const raw = String(event.source.file.value).slice(whole.start.offset, whole.end.offset)
  const opening = spanText.split(/\s+/).slice(0, 4).join(' ')
  const at = raw.indexOf(opening)
  if (at === -1) return whole
  const point = location(event.source.file).toPoint(whole.start.offset + at)
  return point ?? whole
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine
}
