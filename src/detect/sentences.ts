/**
 * Sentences and quotations of a paragraph, as offsets into its text.
 *
 * Sentences come from parse-latin (the unified collective's Latin-script
 * parser, which knows `M.` is not a sentence end). Two French habits it
 * splits wrongly are mended here: a sentence ending inside « … » (the
 * quotation continues), and an abbreviated month before a year
 * (`27 janv. 2018`), where the next "sentence" starts with a digit or a
 * lowercase letter.
 */
import { ParseLatin } from 'parse-latin'

export interface Span {
  start: number
  end: number
  text: string
}

const parser = new ParseLatin()

export function sentences(text: string): Span[] {
  const found: Span[] = []
  for (const paragraph of parser.parse(text).children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const node of paragraph.children) {
      if (node.type !== 'SentenceNode' || !node.position) continue
      const start = node.position.start.offset!
      const end = node.position.end.offset!
      const previous = found.at(-1)
      if (previous && continues(previous.text, text.slice(start, end))) {
        previous.end = end
        previous.text = text.slice(previous.start, end)
      } else found.push({ start, end, text: text.slice(start, end) })
    }
  }
  return found
}

function continues(previous: string, next: string): boolean {
  const unclosed = count(previous, /[«“]/g) > count(previous, /[»”]/g)
  return unclosed || /^[\p{Ll}\p{N}»”]/u.test(next)
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0
}

/**
 * Quoted spans: « … », “ … ” and "…" (inner text, without the marks).
 * Unbalanced marks quote nothing.
 */
export function quotations(text: string): Span[] {
  const spans: Span[] = []
  const pattern = /«\s*([^«»]+?)\s*»|“([^“”]+)”|"([^"]+)"/g
  for (const match of text.matchAll(pattern)) {
    const inner = match[1] ?? match[2] ?? match[3] ?? ''
    const start = match.index + match[0].indexOf(inner)
    spans.push({ start, end: start + inner.length, text: inner })
  }
  return spans
}

/** Whether most of `span` lies inside one of `quotes`. */
export function isQuoted(span: Span, quotes: readonly Span[]): boolean {
  return quotes.some((quote) => {
    const overlap = Math.min(span.end, quote.end) - Math.max(span.start, quote.start)
    return overlap > 0.6 * (span.end - span.start)
  })
}
