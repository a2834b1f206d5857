/**
 * French numbers in running text: digits (`14`, `1 000`, `1.000`), words
 * (`quatorze`, `dix-huit`, `vingt et un`, `quatre-vingt-dix`) and
 * approximate nouns (`une trentaine`), each with its character span.
 *
 * Written by hand rather than with fr-compromise: tried on our cases, it
 * parses words well but reads `1 000` as 1, ignores `une trentaine`, and
 * gives no character offsets without a second pass; French cardinals are a
 * closed, small grammar that a short, tested parser covers exactly.
 */
import { approximateNouns } from './lexicon.ts'

export interface NumberMatch {
  value: number
  start: number
  end: number
  /** `une trentaine` is about 30; plain numbers are exact. */
  approximate: boolean
  /** Written as the single word `un`/`une`, which is usually an article. */
  article: boolean
}

export interface NumberProblem {
  start: number
  end: number
  text: string
}

const units: Record<string, number> = {
  zéro: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
  dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16,
}
const tens: Record<string, number> = { vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60 }
const multipliers: Record<string, number> = { cent: 100, cents: 100, mille: 1000, million: 1e6, millions: 1e6 }

const wordList = [...Object.keys(units), ...Object.keys(tens), ...Object.keys(multipliers)].sort((a, b) => b.length - a.length)
const word = `(?:${wordList.join('|')})`
/** Letters or digits on either side mean we are inside another word. */
const edgeBefore = '(?<![\\p{L}\\p{N}]|\\d[.,])'
const edgeAfter = '(?![\\p{L}\\p{N}])'
const join = `(?:[\\s\\u00a0-]+(?:et[\\s\\u00a0-]+)?)`
const digits = `\\d{1,3}(?:[\\u0020\\u00a0\\u202f.]\\d{3})+(?![\\d,])|\\d+(?![.,]\\d)`
// `une « cinquantaine d'hommes armés »`: a quotation may open between the article and the noun.
const approx = `(?:une?|un|quelques?)\\s*[«"“]?\\s*(${Object.keys(approximateNouns).join('|')})`

const numberPattern = new RegExp(
  `${edgeBefore}(?:(${approx})|(${digits})|(${word}(?:${join}${word})*))${edgeAfter}`,
  'giu',
)

const repeatedInDigits = /^\s*\((\d{1,3}(?:[\s\u00a0\u202f.]\d{3})*)\)/u

/** Every number in `text`, left to right, plus the word sequences that are not valid numbers. */
export function findNumbers(text: string): { numbers: NumberMatch[]; problems: NumberProblem[] } {
  const numbers: NumberMatch[] = []
  const problems: NumberProblem[] = []
  /** End of the last `(04)` read as a repetition: the digits inside are not a second number. */
  let repeatedUntil = 0
  for (const match of text.matchAll(numberPattern)) {
    const start = match.index
    const end = start + match[0].length
    if (start < repeatedUntil) continue
    if (match[2] !== undefined) {
      numbers.push({ value: approximateNouns[match[2].toLowerCase()]!, start, end, approximate: true, article: false })
    } else if (match[3] !== undefined) {
      numbers.push({ value: Number(match[3].replace(/[\s\u00a0\u202f.]/g, '')), start, end, approximate: false, article: false })
    } else {
      // `et` joins `vingt et un` but also two figures (`quatorze et dix-huit`): split there.
      for (const part of splitWordRuns(match[0], start)) {
        const value = parseFrenchNumber(part.text)
        const partEnd = part.start + part.text.length
        if (value === undefined) {
          problems.push({ start: part.start, end: partEnd, text: part.text })
          continue
        }
        // `quatre (04) soldats`: the West African press repeats a figure in digits; one number, spanning both.
        const repeated = repeatedInDigits.exec(text.slice(partEnd))
        const repeats = repeated !== null && Number(repeated[1]!.replace(/[\s\u00a0\u202f.]/g, '')) === value
        if (repeats) repeatedUntil = partEnd + repeated[0].length
        numbers.push({ value, start: part.start, end: repeats ? repeatedUntil : partEnd, approximate: false, article: !repeats && /^une?$/i.test(part.text) })
      }
    }
  }
  return { numbers, problems }
}

/** Splits `quatorze et dix-huit` into two runs; keeps `vingt et un`, `soixante et onze`. */
function splitWordRuns(text: string, offset: number): Array<{ text: string; start: number }> {
  const runs: Array<{ text: string; start: number }> = []
  let runStart = 0
  for (const match of text.matchAll(/[\s\u00a0-]+et[\s\u00a0-]+/giu)) {
    const before = text.slice(runStart, match.index).toLowerCase().split(/[\s\u00a0-]+/).at(-1) ?? ''
    const after = text.slice(match.index + match[0].length).toLowerCase().split(/[\s\u00a0-]+/)[0] ?? ''
    const joinsUnit = (before in tens) && (after === 'un' || after === 'une' || after === 'onze')
    if (!joinsUnit) {
      runs.push({ text: text.slice(runStart, match.index), start: offset + runStart })
      runStart = match.index + match[0].length
    }
  }
  runs.push({ text: text.slice(runStart), start: offset + runStart })
  return runs
}

/**
 * The value of French number words, or undefined when they do not form a
 * number (`vingt trente`, `deux deux`): a figure we cannot trust.
 */
export function parseFrenchNumber(text: string): number | undefined {
  const tokens = text.toLowerCase().split(/[\s\u00a0-]+/).filter((token) => token && token !== 'et')
  if (tokens.length === 0) return undefined
  let total = 0
  let current = 0
  /** The previous additive word of the current group below 100 (undefined at a group start). */
  let last: number | undefined
  for (const [index, token] of tokens.entries()) {
    if (token in units) {
      const value = units[token]!
      if (last !== undefined && !unitMayFollow(last, value)) return undefined
      current += value
      last = value
    } else if (token in tens) {
      if (token.startsWith('vingt') && last === 4 && tokens[index - 1] === 'quatre') {
        current += 80 - 4 // `quatre-vingt(s)`: four twenties
        last = 80
      } else {
        if (last !== undefined) return undefined
        current += tens[token]!
        last = tens[token]
      }
    } else if (multipliers[token] === 100) {
      if (current >= 10 || (current === 1 && last !== undefined)) return undefined // `cent cent`, `un cent`
      current = (current || 1) * 100
      last = undefined
    } else {
      const scale = multipliers[token]!
      if (total !== 0 && total < scale * 1000 && total % (scale * 1000) < scale) return undefined // `mille mille`
      total += (current || 1) * scale
      current = 0
      last = undefined
    }
  }
  return total + current
}

/** Whether a unit word may follow the previous word: `dix-sept`, `vingt et un`, `soixante-douze`. */
function unitMayFollow(previous: number, value: number): boolean {
  if (previous === 10) return value >= 7 && value <= 9
  if (previous === 60 || previous === 80) return value >= 1 && value <= 16
  if (previous >= 20 && previous <= 50) return value >= 1 && value <= 9
  return false
}
