/**
 * Language codes. Detection speaks ISO 639-3 (franc's codes); records and
 * HTML speak BCP 47, whose primary subtag is the ISO 639-1 code when one
 * exists and the 639-3 code otherwise. The `iso-639-3` package holds the
 * official table, so no mapping is written by hand here.
 */
import { iso6393, iso6393To1 } from 'iso-639-3'

/** "Unknown": too short, no letters, or no candidate fits. */
export const UNDETERMINED = 'und'

/**
 * The Latin-script languages a French newsroom meets. Neighbours of French
 * are candidates on purpose: restricting franc to `fra` and `eng` makes
 * Italian, Spanish, Portuguese, Catalan and Occitan come out as French.
 */
export const DEFAULT_CANDIDATES: readonly string[] = ['fra', 'eng', 'spa', 'ita', 'por', 'deu', 'nld', 'cat', 'oci']

const twoLetter: Record<string, string> = iso6393To1
const fromTwoLetter = new Map(Object.entries(twoLetter).map(([three, two]) => [two, three]))
const allCodes = new Set(iso6393.map((language) => language.iso6393))

/** 'fra' → 'fr', 'eng' → 'en'; a code without a 2-letter form is its own BCP 47 tag. */
export function toBcp47(code: string): string | undefined {
  const three = code.toLowerCase()
  if (three === UNDETERMINED) return UNDETERMINED
  return twoLetter[three] ?? (allCodes.has(three) ? three : undefined)
}

/** 'fr' → 'fra', 'fr-CA' → 'fra', 'oci' → 'oci'; undefined when unknown. */
export function toIso6393(bcp47: string): string | undefined {
  const primary = bcp47.toLowerCase().split(/[-_]/)[0] ?? ''
  if (primary === UNDETERMINED) return UNDETERMINED
  if (primary.length === 2) return fromTwoLetter.get(primary)
  return allCodes.has(primary) ? primary : undefined
}
