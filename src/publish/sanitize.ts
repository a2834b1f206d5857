/**
 * The only elements and attributes a published page body may contain. Every
 * body passes through hast-util-sanitize with this schema after it is built,
 * so nothing from a record (prose, titles, names) can add a script, an event
 * handler or a `javascript:` link, whatever the stages before did.
 */
import { sanitize, type Schema } from 'hast-util-sanitize'
import type { Element, Root } from 'hast'

const common = ['className', 'id', 'lang', 'ariaLabel', 'ariaLabelledBy', 'role', 'dataEntity', 'dataStatus', 'dataQualifier', 'dataLabel', 'hrefLang']

export const schema: Schema = {
  strip: ['script', 'style', 'template', 'iframe', 'object', 'embed'],
  clobberPrefix: '',
  clobber: [],
  tagNames: [
    'a', 'article', 'blockquote', 'br', 'caption', 'cite', 'data', 'div', 'em', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
    'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'section', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'th',
    'thead', 'time', 'tr', 'ul',
  ],
  attributes: {
    '*': common,
    a: ['href', 'rel'],
    data: ['value'],
    time: ['dateTime'],
    th: ['scope', 'colSpan'],
    td: ['colSpan'],
    ol: ['start'],
  },
  protocols: { href: ['http', 'https'] },
  required: {},
}

/** The element with its content sanitized (the element itself, `<body>`, is ours). */
export function sanitizeBody(body: Element): Element {
  const clean = sanitize({ type: 'root', children: body.children } as Root, schema) as Root
  return { ...body, children: clean.children as Element['children'] }
}
