/**
 * French sentences of a paragraph, with offsets. Intl.Segmenter does the
 * work; it splits after abbreviations (`M. Diallo`, `gén. Traoré`), so a
 * break after a known abbreviation or before a lowercase letter is undone.
 */
import { abbreviations } from './lexicon.ts'

export interface Sentence {
  text: string
  start: number
  end: number
}

const segmenter = new Intl.Segmenter('fr', { granularity: 'sentence' })
const endsWithAbbreviation = new RegExp(`(?:^|[\\s(])(?:${abbreviations.map((a) => a.replace(/[.]/g, '\\.')).join('|')})\\.\\s*$`, 'u')

export function sentences(text: string): Sentence[] {
  const found: Sentence[] = []
  for (const { segment, index } of segmenter.segment(text)) {
    const previous = found.at(-1)
    if (previous && (endsWithAbbreviation.test(previous.text) || /^\s*\p{Ll}/u.test(segment))) {
      previous.text += segment
      previous.end = index + segment.length
    } else {
      found.push({ text: segment, start: index, end: index + segment.length })
    }
  }
  // Trailing spaces belong to no sentence: trim so highlighting is exact.
  return found.map((sentence) => {
    const trimmed = sentence.text.trimEnd()
    return { text: trimmed, start: sentence.start, end: sentence.start + trimmed.length }
  })
}

/** The sentence holding offset `at`. */
export function sentenceAt(list: Sentence[], at: number): Sentence | undefined {
  return list.find((sentence) => at >= sentence.start && at < sentence.end) ?? list.at(-1)
}
