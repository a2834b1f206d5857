/**
 * Preparing text for detection. Everything the detectors see passes through
 * here, so bad input (lone surrogates, megabytes of text, emoji, digits
 * only) gets one defined treatment and cannot crash a detector.
 */

/**
 * franc reads at most 2048 characters; reading a little more lets the letter
 * count see past leading digits and markup without scanning megabytes.
 */
export const MAX_SAMPLE = 2048

/**
 * Tokens that are not words of any language: URLs, e-mail addresses, paths,
 * code (`--freeze`, `#include`, `a_b`, `f()`), tokens with digits, and
 * all-capital words (acronyms such as JNIM or GSIM, and headings). Their
 * trigrams only add noise: they are blanked before detection.
 */
const notWords = /(?:https?:\/\/|www\.)\S+|\S+@\S+|\S*[\\/_<>{}=#|\[\]()$%*+~^`]\S*|(?<!\S)-{1,2}\S+|\S*\p{N}\S*|(?<![\p{L}\p{M}'’])\p{Lu}[\p{Lu}\p{M}]+(?![\p{Ll}\p{M}])/gu

/**
 * Three or more words in capitals in a row are a heading or a kicker
 * ("POUR ALLER PLUS LOIN", "BACK TO BASICS", a headline in capitals), not
 * acronyms: they are lowercased so their words count, where a lone
 * all-capital word (JNIM, FAMA) is still blanked below. Two in a row stay
 * blanked: "JNIM GSIM" is more likely than a two-word heading.
 */
const capitalRun = /(?<![\p{L}\p{M}])\p{Lu}[\p{Lu}\p{M}'’-]*(?:[ \t]+\p{Lu}[\p{Lu}\p{M}'’-]*){2,}(?![\p{Ll}\p{M}])/gu

const nonLetter = /\P{L}+/gu
const nonLatin = /\P{Script=Latin}+/gu

export interface Sample {
  /** Well-formed, at most MAX_SAMPLE code units, cut on a word boundary, non-words blanked. */
  text: string
  /** Letters in `text` (any script). */
  letters: number
  /** Share of those letters that are Latin script (0 when none). */
  latinShare: number
}

export function sample(input: string): Sample {
  // toWellFormed replaces lone surrogates with U+FFFD; slicing first keeps 5 MB inputs cheap.
  let text = String(input ?? '').slice(0, MAX_SAMPLE + 64)
  if (text.length > MAX_SAMPLE) {
    const cut = text.lastIndexOf(' ', MAX_SAMPLE)
    text = text.slice(0, cut > MAX_SAMPLE / 2 ? cut : MAX_SAMPLE)
  }
  text = text.toWellFormed().replace(capitalRun, (run) => run.toLowerCase()).replace(notWords, ' ')
  const letters = count(text, nonLetter)
  return { text, letters, latinShare: letters === 0 ? 0 : count(text, nonLatin) / letters }
}

/**
 * Code points of `text` outside `outside`: removing runs is cheaper than
 * collecting every match (detection runs per sentence, thousands a second).
 * Latin-script characters are all letters or marks, so the Latin count is
 * close enough to a count of Latin letters for a share.
 */
function count(text: string, outside: RegExp): number {
  let points = 0
  for (const _ of text.replace(outside, '')) points++
  return points
}
