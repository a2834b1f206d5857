/**
 * A cheap look at an excerpt that says when parsing its Markdown can wait.
 * A build needs only an excerpt's front matter (its id, reference and
 * language) and the knowledge that the parse would report nothing; the
 * tree and text blocks serve detection and alignment, which a build does
 * not run. remark-parse costs ~1 ms per excerpt, the look below a few
 * microseconds, and most excerpts are plain paragraphs under a front matter.
 *
 * The look is conservative: it answers only when the file has a closed YAML
 * front matter exactly as micromark-extension-frontmatter reads it, and a
 * body with at least one line that can only be paragraph text; anything
 * else (carriage returns, NUL, code fences, HTML, setext underlines,
 * definitions) gets undefined and the full parse. tests/ingest/excerpt-fast.test.ts
 * checks the answers against remark on real, broken and generated excerpts.
 */

export interface QuickFrontMatter {
  /** The YAML text, as remark-frontmatter's `yaml` node value. */
  value: string
  /** Where parseExcerpt places it in the file. */
  offset: number
}

/** `---`, optional spaces or tabs, then a line feed: the opening fence (line 1, column 1). */
const OPENING = /^---[ \t]*\n/
/** The first closing fence after the opening one. */
const CLOSING = /^---[ \t]*$/m
/**
 * Body lines that could make remark read the text otherwise than as
 * paragraphs: fences, HTML, definitions (whose titles run over lines) and
 * setext underlines (which turn the paragraph above into a heading).
 */
const NOT_PROSE = /^ {0,3}(?:[`~<[]|(?:=+|-+)[ \t]*$)/m
/** A line that starts with a letter at column 1: paragraph text, given the exclusions above. */
const PROSE_LINE = /^\p{L}/mu

/** The front matter of an excerpt whose Markdown parse would find it and a non-empty paragraph and report nothing; else undefined. */
export function quickFrontMatter(text: string): QuickFrontMatter | undefined {
  if (text.includes('\r') || text.includes('\0')) return undefined
  const opening = OPENING.exec(text)
  if (!opening) return undefined
  const rest = text.slice(opening[0].length)
  const closing = CLOSING.exec(rest)
  if (!closing) return undefined
  // The value runs to the line ending before the closing fence (none when the fence follows at once).
  const value = closing.index === 0 ? '' : rest.slice(0, closing.index - 1)
  const body = rest.slice(closing.index + closing[0].length)
  if (NOT_PROSE.test(body) || !PROSE_LINE.test(body)) return undefined
  // Same rule as parseExcerpt's frontMatterOffset (the node starts at offset 0).
  return { value, offset: text.indexOf(value) }
}
