/** Markdown for CMSs that import it: the same rendered article, converted tree to tree (hast → mdast). */
import type { Element } from 'hast'
import { toMdast } from 'hast-util-to-mdast'
import { toMarkdown } from 'mdast-util-to-markdown'
import { gfmToMarkdown } from 'mdast-util-gfm'

export function articleMarkdown(article: Element): string {
  const tree = toMdast({ type: 'root', children: [article] })
  return toMarkdown(tree, { extensions: [gfmToMarkdown()] })
}
