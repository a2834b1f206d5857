/**
 * What a browser would execute in a published page: parsed with parse5 (as a
 * browser parses it, so a `</script>` smuggled into text is seen as markup),
 * then every script, event handler and script URL is listed. The JSON-LD
 * block is data, not script, and is allowed.
 */
import { fromHtml } from 'hast-util-from-html'
import { visit } from 'unist-util-visit'
import type { Element } from 'hast'
import type { Html } from 'mdast'
import { unified } from 'unified'
import remarkParse from 'remark-parse'

const markdownParser = unified().use(remarkParse)

const DATA_SCRIPT = 'application/ld+json'
const EMBEDDING = new Set(['iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'form', 'svg', 'math'])
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'data', 'poster', 'srcSet']
const SCRIPT_URL = /^\s*(?:javascript|vbscript|data):/i

/** Every executable construct in the page, described; [] when the page is inert. */
export function executableContent(html: string): string[] {
  const found: string[] = []
  visit(fromHtml(html), 'element', (node: Element) => {
    const properties = node.properties ?? {}
    if (node.tagName === 'script' && properties.type !== DATA_SCRIPT) found.push(`<script> (type ${String(properties.type ?? 'none')})`)
    if (EMBEDDING.has(node.tagName)) found.push(`<${node.tagName}>`)
    if (node.tagName === 'meta' && String(properties.httpEquiv ?? '').toLowerCase() === 'refresh') found.push('<meta http-equiv=refresh>')
    for (const [name, value] of Object.entries(properties)) {
      if (/^on/i.test(name)) found.push(`event handler ${name} on <${node.tagName}>`)
      if (URL_ATTRIBUTES.includes(name) && SCRIPT_URL.test(String(value))) found.push(`script URL in ${name} on <${node.tagName}>: ${String(value)}`)
    }
  })
  return found
}

/**
 * Raw HTML in published Markdown: a CMS that renders Markdown with HTML
 * enabled would run it, so content must reach `index.md` escaped (`\<`).
 */
export function rawHtmlInMarkdown(markdown: string): string[] {
  // Most published pages escape every `<`: a sound shortcut past the parse, the slowest part of the check (see HTML_OPENING).
  if (!mayHoldRawHtml(markdown)) return []
  const found: string[] = []
  visit(markdownParser.parse(markdown), 'html', (node: Html) => {
    found.push(node.value)
  })
  return found
}

/**
 * A `<` that can open raw HTML: one after an even run of backslashes (none
 * included), so that no backslash escape consumes it, and followed by an
 * ASCII letter, `!`, `?` or `/`. CommonMark raw HTML, block or inline (tags,
 * comments, processing instructions, declarations, CDATA), always begins so;
 * an escaped `\<` is literal text wherever it stands (in a code span or
 * block it is code, and no HTML either), and so is `< ` (French typography
 * turns `<!--` in text into `<\u202F!--`). A property in properties.test.ts
 * checks that the parse finds no HTML in Markdown without one.
 */
const HTML_OPENING = /(?:^|[^\\])(?:\\\\)*<[A-Za-z!?/]/

/** False only when the Markdown cannot hold raw HTML; true means "parse to know". */
export function mayHoldRawHtml(markdown: string): boolean {
  return HTML_OPENING.test(markdown)
}
