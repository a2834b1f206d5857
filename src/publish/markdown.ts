/**
 * Markdown for CMSs that import it: the same rendered article, converted tree
 * to tree (hast → mdast). The infobox is flattened first into a two-column
 * table of labelled rows, because a GFM table cell holds one line: a list in
 * it, or a row with more cells than the header, breaks the table on import.
 */
import type { Element, ElementContent } from 'hast'
import { toMdast } from 'hast-util-to-mdast'
import { toMarkdown } from 'mdast-util-to-markdown'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { flatInfobox } from './infobox-data.ts'
import rehypeFrenchTypography from './typography.ts'
import { directMarkdown } from './markdown-direct.ts'

/**
 * Items of one cell joined inline. A semicolon separates names that contain
 * commas (`Groupe d'autodéfense touareg Imghad et alliés`); French typography
 * then puts its narrow no-break space before it.
 */
const ITEM_SEPARATOR = '; '

/**
 * Made once: `toMarkdown` compiles each extension's unsafe-character
 * patterns into regular expressions and caches them on the pattern objects,
 * so fresh extensions per page meant compiling them all again for every page.
 */
const EXTENSIONS = [gfmToMarkdown()]

export function articleMarkdown(article: Element): string {
  const lang = typeof article.properties.lang === 'string' ? article.properties.lang : 'en'
  const children = article.children.map((child): ElementContent => (isInfobox(child) ? flatInfobox(child, ITEM_SEPARATOR) : child))
  const flat: Element = { ...article, children }
  // The article has its typography already: only the flattened infobox (new text, new separators) needs it.
  rehypeFrenchTypography({ lang, done: new Set(article.children.filter((child): child is Element => child.type === 'element')) })(flat)
  // The direct writer knows our page tree and gives the same bytes; anything it does not know goes through the libraries.
  return directMarkdown(flat) ?? libraryMarkdown(flat)
}

/** hast → mdast → Markdown with GFM: the reference the direct writer is checked against. */
export function libraryMarkdown(article: Element): string {
  const tree = toMdast({ type: 'root', children: [article] })
  return toMarkdown(tree, { extensions: EXTENSIONS })
}

function isInfobox(node: ElementContent): node is Element {
  return node.type === 'element' && node.tagName === 'table' && Array.isArray(node.properties.className) && node.properties.className.includes('infobox')
}
