/**
 * A complete HTML document: `<html lang>`, alternates to the pages that
 * exist, the feed, JSON-LD, and a sanitized body. French pages get French
 * typography on the tree just before serializing.
 */
import { h } from 'hastscript'
import type { Element, ElementContent, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import rehypeFrenchTypography from './typography.ts'
import { librarySanitizeBody, sanitizeBody } from './sanitize.ts'
import { directHtml } from './html-direct.ts'
import { STYLE } from './style.ts'

export interface Alternate {
  hreflang: string
  href: string
}

export interface DocumentOptions {
  lang: string
  title: string
  description: string
  canonical: string
  alternates: Alternate[]
  feed?: { title: string; href: string }
  jsonLd?: unknown
  body: ElementContent[]
  /**
   * Elements of `body` that already carry the typography of their language
   * (the rendered article, which the Markdown and the JSON share): not
   * walked again, so not copied either.
   */
  typographed?: ReadonlySet<Element>
}

/** JSON inside `<script>`: `<` escaped so that no string can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

/** `sanitize`: how the body is made safe; the default skips hast-util-sanitize for bodies it would leave unchanged. */
export function documentTree(options: DocumentOptions, sanitize: (body: Element, shared?: ReadonlySet<Element>) => Element = sanitizeBody): Root {
  const head: ElementContent[] = [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { httpEquiv: 'Content-Security-Policy', content: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'" }),
    h('title', options.title),
    h('meta', { name: 'description', content: options.description }),
    h('link', { rel: 'canonical', href: options.canonical }),
    ...options.alternates.map((alternate) => h('link', { rel: 'alternate', hrefLang: alternate.hreflang, href: alternate.href })),
  ]
  if (options.feed) head.push(h('link', { rel: 'alternate', type: 'application/atom+xml', title: options.feed.title, href: options.feed.href }))
  head.push(h('style', STYLE))
  if (options.jsonLd) head.push(h('script', { type: 'application/ld+json' }, scriptJson(options.jsonLd)))
  const body = sanitize(h('body', options.body), options.typographed)
  if (options.lang === 'fr') {
    rehypeFrenchTypography({ lang: 'fr', done: options.typographed })(body)
    // The title is text in the head: same rules.
    rehypeFrenchTypography({ lang: 'fr' })(head[3] as Element)
  }
  return { type: 'root', children: [{ type: 'doctype' }, h('html', { lang: options.lang }, [h('head', head), body])] }
}

export function toDocument(options: DocumentOptions): string {
  const tree = documentTree(options)
  // The direct writer knows our page tree and gives the same bytes; anything it does not know goes through the library.
  return (directHtml(tree) ?? libraryHtml(tree)) + '\n'
}

/** Always sanitize, then hast-util-to-html: the reference both fast paths are checked against. */
export function libraryDocument(options: DocumentOptions): string {
  return libraryHtml(documentTree(options, librarySanitizeBody)) + '\n'
}

export function libraryHtml(tree: Root): string {
  return toHtml(tree, { upperDoctype: true })
}
