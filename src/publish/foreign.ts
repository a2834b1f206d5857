/**
 * Marks sentences written in another language than the page: an English
 * quotation in French prose becomes `<span lang="en">…</span>`, so screen
 * readers switch voice, hyphenation and spell-checkers follow, and French
 * typography leaves it alone. Detection is the detect stage's
 * (`foreignSpans`, which weighs the surrounding language as evidence so names
 * and short clauses are not flagged).
 */
import type { Element, ElementContent, Root, Text } from 'hast'
import { foreignSpans } from '../detect/spans.ts'
import { toBcp47, toIso6393 } from '../detect/languages.ts'

export interface ForeignOptions {
  /** BCP 47 language of the surrounding prose (`fr`, `en`). */
  lang: string
}

/** Shorter runs of text hold no sentence worth a detection. */
const MIN_LENGTH = 20

export default function rehypeForeignSpans(options: ForeignOptions) {
  const expected = toIso6393(options.lang)
  return (tree: Root) => {
    if (expected) markChildren(tree, expected)
  }
}

function markChildren(parent: Root | Element, expected: string) {
  const children: Array<Root['children'][number]> = []
  for (const child of parent.children) {
    if (child.type === 'text' && child.value.length >= MIN_LENGTH) children.push(...split(child, expected))
    else {
      // An element that already declares its language is the author's call.
      if (child.type === 'element' && child.properties?.lang === undefined) markChildren(child, expected)
      children.push(child)
    }
  }
  parent.children = children as typeof parent.children
}

function split(node: Text, expected: string): ElementContent[] {
  const spans = foreignSpans(node.value, expected)
  if (spans.length === 0) return [node]
  const parts: ElementContent[] = []
  let last = 0
  for (const span of spans) {
    if (span.start < last) continue
    if (span.start > last) parts.push({ type: 'text', value: node.value.slice(last, span.start) })
    const lang = toBcp47(span.lang) ?? span.lang
    parts.push({ type: 'element', tagName: 'span', properties: { lang }, children: [{ type: 'text', value: node.value.slice(span.start, span.end) }] })
    last = span.end
  }
  if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) })
  return parts
}
