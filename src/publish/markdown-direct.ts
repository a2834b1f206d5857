/**
 * A direct hast → Markdown writer for the small, known tree of an article
 * page, giving the very bytes that hast-util-to-mdast + mdast-util-to-markdown
 * (with GFM) give for it, at a fraction of the cost: those two clone the
 * tree, minify its whitespace, build an mdast and then test every text
 * against some sixty escaping patterns, ~10 ms per page in a cold build.
 *
 * Written by hand because no library serializes hast to Markdown without
 * the mdast round trip. It only accepts what it knows it writes the same
 * way: text made of letters, digits, spaces and the punctuation that no
 * Markdown escaping rule ever touches in our contexts, and the elements an
 * article is made of. Anything else (a `*` or `[` in prose, a line that
 * would start with `1.`, an unknown element, whitespace the minifier would
 * move) makes `directMarkdown` return undefined, and the caller falls back
 * to the libraries. tests/publish/markdown-direct.test.ts checks the two
 * agree on every page it accepts, on real and on generated trees.
 */
import type { Element, ElementContent, RootContent } from 'hast'

/** Thrown inside the writer when the tree leaves the known subset. */
const UNSUPPORTED = Symbol('unsupported')

/** Why the last tree was refused (for tests and profiling). */
export let refusal = ''

function bail(why = 'unsupported'): never {
  refusal = why
  throw UNSUPPORTED
}

/**
 * Characters of text the writer passes through: none is in any of
 * mdast-util-to-markdown's unsafe patterns except `.` `:` (GFM autolink
 * literals, checked per block), `-` `+` `=` and digits before `.`/`)`
 * (only at the start of a line, checked per paragraph and list item).
 * Every character from U+00A0 up is outside every pattern (they are all ASCII).
 */
const SAFE_CHARS = `A-Za-z0-9 ,.;:'"()?%/+=$\\-\\u00A0-\\uFFFF`
const SAFE_TEXT = new RegExp(`^[${SAFE_CHARS}]*$`)
const UNSAFE_CHAR = new RegExp(`[^${SAFE_CHARS}]`)
/** What GFM would turn into an autolink literal, so escapes: `www.x`, `https:/`. */
const AUTOLINK_LIKE = /[Ww]\.[-.\w]|[ps]:\//
/** What would start a list, heading, table delimiter... at the start of a line. */
const LINE_START_SYNTAX = /^(?:[-+=:]|\d+[.)])/
/** Link targets written raw: no character mdast-util-to-markdown escapes or wraps in `<>` there. */
const SAFE_URL = /^[A-Za-z0-9\-._~:/?#@!$'*+,;=%[\]]+$/
/** Citation marks (`[1]`): the one bracketed link text, escaped as `\[1\]`. */
const CITATION_LABEL = /^\[(\d+)\]$/
/** Letters and digits: attention markers (`**`) around them need no character reference. */
const WORD_EDGE = /^[\p{L}\p{N}](?:.*[\p{L}\p{N}])?$/su

const FLOW_CONTAINERS = new Set(['article', 'section', 'div', 'header', 'footer', 'main'])
/** Inline elements hast-util-to-mdast replaces by their children. */
const TRANSPARENT = new Set(['span', 'sup', 'sub', 'data', 'time', 'cite'])
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 }

interface Block {
  markdown: string
  list: boolean
}

/** The article as Markdown, or undefined when the tree holds anything the writer does not know to write identically. */
export function directMarkdown(article: Element): string | undefined {
  refusal = ''
  try {
    const blocks: Block[] = []
    flow(article.children, blocks)
    if (blocks.length === 0) return undefined
    // Two lists in a row make mdast-util-to-markdown switch bullets: not worth copying.
    if (blocks.some((block, index) => block.list && blocks[index - 1]?.list)) return (refusal = 'adjacent lists'), undefined
    return blocks.map((block) => block.markdown).join('\n\n') + '\n'
  } catch (cause) {
    if (cause === UNSUPPORTED) return undefined
    throw cause
  }
}

function flow(nodes: ReadonlyArray<ElementContent | RootContent>, blocks: Block[]) {
  for (const node of nodes) {
    if (node.type === 'text') {
      // Whitespace between blocks is dropped; text loose in a container becomes an implicit paragraph: not ours.
      if (/^[ \t\n\f\r]*$/.test(node.value)) continue
      bail('text in a flow container')
    }
    if (node.type !== 'element') bail(`flow ${node.type}`)
    const tag = node.tagName
    if (FLOW_CONTAINERS.has(tag)) flow(node.children, blocks)
    else if (tag in HEADINGS) blocks.push({ markdown: `${'#'.repeat(HEADINGS[tag]!)} ${phrasing(node.children, false)}`, list: false })
    else if (tag === 'p') blocks.push({ markdown: phrasing(node.children, true), list: false })
    else if (tag === 'table') blocks.push({ markdown: table(node), list: false })
    else if (tag === 'ul' || tag === 'ol') blocks.push({ markdown: list(node), list: true })
    else bail(`flow <${tag}>`)
  }
}

/** A run of inline content in one block: the Markdown written and the plain text it stands for. */
interface Run {
  out: string[]
  plain: string
  inLink: boolean
}

/**
 * One block's inline content. `lineStart`: the block begins a line of its
 * own (paragraph, list item), where `1.` or `-` would start a list.
 */
function phrasing(nodes: readonly ElementContent[], lineStart: boolean): string {
  const run: Run = { out: [], plain: '', inLink: false }
  inline(nodes, run)
  // Empty blocks, or a space the minifier would trim at the end.
  if (run.plain === '' || run.plain.endsWith(' ')) bail('empty block or trailing space')
  if (AUTOLINK_LIKE.test(run.plain)) bail('autolink literal')
  if (lineStart && LINE_START_SYNTAX.test(run.plain)) bail('syntax at line start')
  return run.out.join('')
}

function inline(nodes: readonly ElementContent[], run: Run) {
  for (const node of nodes) {
    if (node.type === 'text') text(node.value, run)
    else if (node.type !== 'element') bail(`inline ${node.type}`)
    else if (TRANSPARENT.has(node.tagName)) inline(node.children, run)
    else if (node.tagName === 'a') link(node, run)
    else if (node.tagName === 'strong') attention(node, '**', run)
    else if (node.tagName === 'em') attention(node, '*', run)
    else bail(`inline <${node.tagName}>`)
  }
}

function text(value: string, run: Run) {
  if (!SAFE_TEXT.test(value)) bail(`character ${JSON.stringify(UNSAFE_CHAR.exec(value)?.[0])}`)
  if (value.includes('  ')) bail('double space')
  // A leading space after a space, or at the start of the block, is one the minifier removes.
  if (value.startsWith(' ') && (run.plain === '' || run.plain.endsWith(' '))) bail('collapsible space')
  run.out.push(value)
  run.plain += value
}

function attention(node: Element, marker: string, run: Run) {
  const [only, ...rest] = node.children
  if (rest.length > 0 || only?.type !== 'text' || !WORD_EDGE.test(only.value)) bail('attention content')
  // Markers next to markers (`*a**b*`) make mdast-util-to-markdown switch to `_`.
  if (run.out.at(-1)?.endsWith('*')) bail('adjacent attention')
  run.out.push(marker)
  text(only.value, run)
  run.out.push(marker)
}

function link(node: Element, run: Run) {
  const { href, title } = node.properties
  if (run.inLink || typeof href !== 'string' || !SAFE_URL.test(href) || (title !== undefined && title !== null)) bail('link target')
  const [only, ...rest] = node.children
  const citation = rest.length === 0 && only?.type === 'text' ? CITATION_LABEL.exec(only.value) : null
  let label: string
  const plainBefore = run.plain
  if (citation) {
    label = `\\[${citation[1]}\\]`
    run.plain += only!.type === 'text' ? only!.value : ''
  } else {
    const start = run.out.length
    run.inLink = true
    inline(node.children, run)
    run.inLink = false
    label = run.out.splice(start).join('')
  }
  const shown = run.plain.slice(plainBefore.length)
  // An empty label, or one equal to the URL (written as an autolink `<…>`), is not ours.
  if (shown === '' || shown === href) bail('link label')
  run.out.push(`[${label}](${href})`)
}

/** A GFM table, as markdown-table lays it out: cells padded to the widest of their column. */
function table(node: Element): string {
  const rows = rowsOf(node)
  if (rows.length === 0 || !rows[0]!.some((cell) => cell.tagName === 'th')) bail('headless table')
  const cells = rows.map((row) => row.map((cell) => phrasingOrEmpty(cell.children)))
  const columns = Math.max(...cells.map((row) => row.length))
  for (const row of cells) while (row.length < columns) row.push('')
  const widths = Array.from({ length: columns }, (_, column) => Math.max(1, ...cells.map((row) => row[column]!.length)))
  const line = (row: string[]) => `| ${row.map((cell, column) => cell + ' '.repeat(widths[column]! - cell.length)).join(' | ')} |`
  return [line(cells[0]!), line(widths.map((width) => '-'.repeat(width))), ...cells.slice(1).map(line)].join('\n')
}

function rowsOf(node: Element): Element[][] {
  const rows: Element[][] = []
  for (const child of elementsOf(node.children)) {
    if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') rows.push(...rowsOf(child))
    else if (child.tagName === 'tr') rows.push(elementsOf(child.children).map(cellOf))
    else bail(`table <${child.tagName}>`)
  }
  return rows
}

function cellOf(cell: Element): Element {
  const { colSpan, rowSpan, align } = cell.properties
  if ((cell.tagName !== 'td' && cell.tagName !== 'th') || colSpan !== undefined || rowSpan !== undefined || align !== undefined) bail('table cell')
  return cell
}

/** Element children, whitespace between them skipped; any other text is not ours. */
function elementsOf(nodes: readonly ElementContent[]): Element[] {
  return nodes.filter((node): node is Element => {
    if (node.type === 'element') return true
    if (node.type === 'text' && /^[ \t\n\f\r]*$/.test(node.value)) return false
    return bail('text between elements')
  })
}

function phrasingOrEmpty(nodes: readonly ElementContent[]): string {
  return nodes.length === 0 ? '' : phrasing(nodes, false)
}

function list(node: Element): string {
  if (node.properties.start !== undefined) bail('list start')
  const items = elementsOf(node.children)
  if (items.length === 0 || items.some((item) => item.tagName !== 'li')) bail('list items')
  return items.map((item, index) => `${node.tagName === 'ol' ? `${index + 1}.` : '*'} ${phrasing(item.children, true)}`).join('\n')
}
