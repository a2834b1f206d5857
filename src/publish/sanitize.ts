/**
 * The only elements and attributes a published page body may contain. Every
 * body passes through hast-util-sanitize with this schema after it is built,
 * so nothing from a record (prose, titles, names) can add a script, an event
 * handler or a `javascript:` link, whatever the stages before did.
 *
 * Sanitizing rebuilds the whole tree (every node, every property through
 * its definition lookups), about a third of serializing a page, while the
 * bodies we build are nearly always clean already. So `sanitizeBody` first
 * checks, conservatively, that sanitize would keep every node and every
 * property as it is, and then only copies the tree; anything it is unsure of
 * goes through sanitize as before. tests/publish/html-direct.test.ts checks
 * the copy equals sanitize's output on real and on hostile generated trees.
 */
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize'
import type { Element, ElementContent, Properties, Root } from 'hast'

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
  return { ...body, children: cleanCopy(body.children) ?? sanitizedChildren(body.children) }
}

/** Always through hast-util-sanitize: the reference the clean check is tested against. */
export function librarySanitizeBody(body: Element): Element {
  return { ...body, children: sanitizedChildren(body.children) }
}

function sanitizedChildren(children: ElementContent[]): ElementContent[] {
  return (sanitize({ type: 'root', children } as Root, schema) as Root).children as ElementContent[]
}

/**
 * The rules sanitize applies: it fills every top-level key our schema leaves
 * out from its default schema, which is how `ancestors` (a `tr` outside a
 * `table` is unwrapped) applies to us.
 */
const effective: Schema = { ...defaultSchema, ...schema }

const allowedTags = new Set(effective.tagNames ?? [])

/**
 * Property names allowed as any value, per tag (`*` merged in). Definitions
 * that list allowed values, and `data*`, are left out: a property they
 * would decide makes the tree unsure, so it goes through sanitize.
 */
const allowedProperties = new Map<string, Set<string>>()
for (const tag of allowedTags) {
  const definitions = [...(effective.attributes?.[tag] ?? []), ...(effective.attributes?.['*'] ?? [])]
  allowedProperties.set(tag, new Set(definitions.filter((definition): definition is string => typeof definition === 'string' && definition !== 'data*')))
}

/** Properties sanitize prefixes (clobbering), hence never kept as they are. */
const clobbered = new Set(effective.clobberPrefix ? (effective.clobber ?? []) : [])

/**
 * The sanitized copy of `nodes` when sanitize would keep them all unchanged,
 * else undefined. A copy, not the nodes themselves, because French
 * typography then edits text nodes in place, and the caller's tree (reused
 * for Markdown, or holding one node in two places) must not see that.
 * Properties are shared: nothing after this edits them.
 */
export function cleanCopy(nodes: readonly ElementContent[]): ElementContent[] | undefined {
  return copyNodes(nodes, [])
}

function copyNodes(nodes: unknown, ancestors: string[]): ElementContent[] | undefined {
  if (!Array.isArray(nodes)) return undefined
  const copy: ElementContent[] = new Array(nodes.length)
  for (let index = 0; index < nodes.length; index++) {
    const node: unknown = nodes[index]
    if (!node || typeof node !== 'object') return undefined
    const { type } = node as { type?: unknown }
    if (type === 'text') {
      const { value } = node as { value?: unknown }
      if (typeof value !== 'string') return undefined
      copy[index] = { type: 'text', value }
    } else if (type === 'element') {
      const element = copyElement(node as Element, ancestors)
      if (!element) return undefined
      copy[index] = element
    } else return undefined // Comments, doctypes, raw HTML: sanitize drops them.
  }
  return copy
}

function copyElement(node: Element, ancestors: string[]): Element | undefined {
  const { tagName, properties } = node
  if (typeof tagName !== 'string' || !allowedTags.has(tagName) || !hasRequiredAncestor(tagName, ancestors) || !keptProperties(tagName, properties)) return undefined
  ancestors.push(tagName)
  const children = copyNodes(node.children, ancestors)
  ancestors.pop()
  return children && { type: 'element', tagName, properties, children }
}

function hasRequiredAncestor(tagName: string, ancestors: readonly string[]): boolean {
  const required = effective.ancestors?.[tagName]
  return !required || required.some((name) => ancestors.includes(name))
}

/** Whether sanitize keeps every property of a `tagName` element, each with the same value. */
function keptProperties(tagName: string, properties: unknown): properties is Properties {
  if (!properties || typeof properties !== 'object') return false
  const prototype = Object.getPrototypeOf(properties)
  if (prototype !== Object.prototype && prototype !== null) return false
  if (effective.required?.[tagName] && Object.keys(effective.required[tagName]!).length > 0) return false
  const allowed = allowedProperties.get(tagName)!
  for (const key in properties) {
    if (!allowed.has(key) || clobbered.has(key) || !keptValue(key, (properties as Record<string, unknown>)[key])) return false
  }
  return true
}

function keptValue(key: string, value: unknown): boolean {
  if (Array.isArray(value)) return value.every((item) => (typeof item === 'string' || typeof item === 'number') && safeProtocol(key, item))
  return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && safeProtocol(key, value)
}

/**
 * hast-util-sanitize's own test: a value with a colon before any `/`, `?`
 * or `#` must start with an allowed protocol; relative URLs and fragments
 * have none.
 */
function safeProtocol(key: string, value: string | number | boolean): boolean {
  const protocols = Object.hasOwn(effective.protocols ?? {}, key) ? effective.protocols![key] : undefined
  if (!protocols || protocols.length === 0) return true
  const url = String(value)
  const colon = url.indexOf(':')
  if (colon < 0 || [url.indexOf('/'), url.indexOf('?'), url.indexOf('#')].some((position) => position > -1 && colon > position)) return true
  return protocols.some((protocol) => colon === protocol.length && url.startsWith(protocol))
}
