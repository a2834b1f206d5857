/**
 * eld's scores (Nito-ELD, `large` table since round 4) for a few languages, computed as
 * eld computes them but only for those languages.
 *
 * `eld.detect()` sums every n-gram's score over all 60 of its languages
 * before dropping all but the subset, and `eld/small` holds ~150 MB per
 * process; eld's remedy, a subset database, can only be saved from a web
 * browser. eld-table.json is that subset, made from eld's own files by
 * bench/langid/eld-table.ts (with eld's separators and byte dictionary).
 * The steps below follow eld 2.1's languageDetector.js and LanguageResult.js
 * line for line; tests/detect/eld.test.ts checks them against `eld.detect()`.
 */
import table from './eld-table.json' with { type: 'json' }

/** eld's ISO 639-1 codes of the languages in the table. */
export const ELD_LANGUAGES: readonly string[] = table.languages

const separators = new RegExp(table.separators.source, table.separators.flags)
const dictionary: readonly string[] = table.dictionary
/**
 * n-gram → [language, score, language, score...], read in place from the
 * parsed table: copying its 138,000 entries into a Map of typed arrays cost
 * more than half a second in every thread that loads detection (each build
 * worker does), for lookups no faster. Own properties only, so that an
 * n-gram such as `constructor` never finds Object.prototype's.
 */
const ngrams: Readonly<Record<string, readonly number[]>> = table.ngrams
const hasOwn = Object.prototype.hasOwnProperty

/** eld subtracts this from every stored n-gram score to keep its files small. */
const BASE_NGRAM_SCORE = 53
/** eld's scale: it reports s / (s + 25) for the mean n-gram score s. */
const SCALE = 25

/**
 * What `eld.detect(text).getScores()[code]` would be for each language
 * (table index → score, in (0, 1)); 0 where eld would leave the language
 * out. Undefined when eld would score none of `wanted`.
 * `wanted`: table indexes to score (the others are skipped).
 */
export function eldScores(text: string, wanted: Int8Array): Float64Array | undefined {
  const grams = byteNgrams(words(text.substring(0, 1000)))
  const sums = new Float64Array(ELD_LANGUAGES.length)
  for (const gram of grams) {
    if (!hasOwn.call(ngrams, gram)) continue
    const pairs = ngrams[gram]!
    for (let index = 0; index < pairs.length; index += 2) {
      const language = pairs[index]!
      if (wanted[language]) sums[language] = sums[language]! + pairs[index + 1]! + BASE_NGRAM_SCORE
    }
  }
  let any = false
  for (let language = 0; language < sums.length; language++) {
    if (!(sums[language]! > 0)) continue
    const score = sums[language]! / grams.size
    sums[language] = score / (score + SCALE)
    any = true
  }
  return any ? sums : undefined
}

/** eld's textProcessor: separators to spaces, lower case, each word as UTF-8 bytes (one character per byte). */
function words(text: string): string[] {
  const normalised = text.replace(separators, ' ').trim().toLowerCase()
  const found: string[] = []
  let encoded = ''
  let bytes = 0
  for (let index = 0; index < normalised.length; index++) {
    let code = normalised.charCodeAt(index)
    if (code < 0x80) {
      if (code === 32) {
        if (encoded !== '') found.push(encoded)
        encoded = ''
        if (bytes > 350) break // eld cuts at the first space after 350 bytes
      } else {
        encoded += normalised[index]
      }
      bytes++
    } else if (code < 0x800) {
      encoded += dictionary[0xc0 | (code >> 6)]! + dictionary[0x80 | (code & 0x3f)]!
      bytes += 2
    } else if (code < 0xd800 || code >= 0xe000) {
      encoded += dictionary[0xe0 | (code >> 12)]! + dictionary[0x80 | ((code >> 6) & 0x3f)]! + dictionary[0x80 | (code & 0x3f)]!
      bytes += 3
    } else {
      index++
      code = 0x10000 + (((code & 0x3ff) << 10) | (normalised.charCodeAt(index) & 0x3ff))
      encoded +=
        dictionary[0xf0 | (code >> 18)]! + dictionary[0x80 | ((code >> 12) & 0x3f)]! + dictionary[0x80 | ((code >> 6) & 0x3f)]! + dictionary[0x80 | (code & 0x3f)]!
      bytes += 4
    }
    if (bytes > 380) break // …and anywhere after 380
  }
  if (encoded !== '') found.push(encoded)
  return found
}

/** eld's getByteNgrams: 4-byte n-grams with a stride of 3, word starts and ends marked by a space. */
function byteNgrams(words: string[]): Set<string> {
  const grams = new Set<string>()
  for (const word of words) {
    const length = Math.min(word.length, 70)
    let start = 0
    for (; start + 4 < length; start += 3) grams.add((start === 0 ? ' ' : '') + word.substring(start, start + 4))
    grams.add((start === 0 ? ' ' : '') + word.substring(length !== 3 ? length - 4 : 0) + ' ')
  }
  return grams
}
