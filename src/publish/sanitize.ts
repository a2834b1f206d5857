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
import type { Element, ElementContent, Properties, Root, Text } from 'hast'

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

/**
 * The element with its content sanitized (the element itself, `<body>`, is ours).
 * @param shared elements of the content that nothing will edit (see `cleanCopy`)
 */
export function sanitizeBody(body: Element, shared?: ReadonlySet<Element>): Element {
  return { ...body, children: cleanCopy(body.children, shared) ?? sanitizedChildren(body.children) }
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

/** What sanitize checks on one allowed element, looked up once per tag. */
interface TagRules {
  /**
   * Property names allowed with any value (`*` merged in). Definitions that
   * list allowed values, and `data*`, are left out: a property they would
   * decide makes the tree unsure, so it goes through sanitize.
   */
  properties: Set<string>
  /** One of these must be an ancestor (a `tr` outside a `table` is unwrapped). */
  ancestors: readonly string[] | undefined
  /** Sanitize adds required properties when missing: not worth checking. */
  required: boolean
}

const tagRules = new Map<string, TagRules>()
for (const tag of effective.tagNames ?? []) {
  const definitions = [...(effective.attributes?.[tag] ?? []), ...(effective.attributes?.['*'] ?? [])]
  tagRules.set(tag, {
    properties: new Set(definitions.filter((definition): definition is string => typeof definition === 'string' && definition !== 'data*')),
    ancestors: effective.ancestors?.[tag],
    required: Object.keys(effective.required?.[tag] ?? {}).length > 0,
  })
}

/** Properties sanitize prefixes (clobbering), hence never kept as they are. */
const clobbered = new Set(effective.clobberPrefix ? (effective.clobber ?? []) : [])
/** Allowed URL protocols, by property name. */
const protocols = new Map(Object.entries(effective.protocols ?? {}).filter((entry): entry is [string, string[]] => Boolean(entry[1]?.length)))

/**
 * The sanitized copy of `nodes` when sanitize would keep them all unchanged,
 * else undefined. A copy, not the nodes themselves, because French
 * typography then edits text nodes in place, and the caller's tree (reused
 * for Markdown, or holding one node in two places) must not see that.
 * Properties are shared: nothing after this edits them.
 */
export function cleanCopy(nodes: readonly ElementContent[], shared?: ReadonlySet<Element>): ElementContent[] | undefined {
  return copyNodes(nodes, [], shared, false)
}

/**
 * Nodes are typed as hast, but checked as if anything could be in them: sanitize does not trust the types either.
 * `shared` elements (which the caller promises nobody edits, typography included) are checked all the same but
 * kept as they are, subtree and all, rather than copied: `inShared` is true below one.
 */
function copyNodes(nodes: readonly ElementContent[], ancestors: string[], shared: ReadonlySet<Element> | undefined, inShared: boolean): ElementContent[] | undefined {
  if (!Array.isArray(nodes)) return undefined
  const copy: ElementContent[] = []
  for (const node of nodes) {
    const kept = node?.type === 'text' ? copyText(node, inShared) : node?.type === 'element' ? copyElement(node, ancestors, shared, inShared) : undefined // Comments, raw HTML: sanitize drops them.
    if (!kept) return undefined
    if (!inShared) copy.push(kept)
  }
  return inShared ? (nodes as ElementContent[]) : copy
}

function copyText(node: Text, inShared: boolean): Text | undefined {
  if (typeof node.value !== 'string') return undefined
  return inShared ? node : { type: 'text', value: node.value }
}

function copyElement(node: Element, ancestors: string[], shared: ReadonlySet<Element> | undefined, inShared: boolean): Element | undefined {
  const { tagName, properties } = node
  const rules = tagRules.get(tagName)
  if (!rules || rules.required || (rules.ancestors && !rules.ancestors.some((name) => ancestors.includes(name))) || !keptProperties(rules, properties)) return undefined
  const keep = inShared || Boolean(shared?.has(node))
  ancestors.push(tagName)
  const children = copyNodes(node.children, ancestors, shared, keep)
  ancestors.pop()
  if (!children) return undefined
  return keep ? node : { type: 'element', tagName, properties, children }
}

/** Whether sanitize keeps every property, each with the same value. */
function keptProperties(rules: TagRules, properties: Properties): boolean {
  if (!properties || typeof properties !== 'object') return false
  const prototype = Object.getPrototypeOf(properties)
  if (prototype !== Object.prototype && prototype !== null) return false
  for (const key in properties) {
    if (!rules.properties.has(key) || clobbered.has(key) || !keptValue(key, properties[key])) return false
  }
  return true
}

function keptValue(key: string, value: unknown): boolean {
  const allowed = protocols.get(key)
  if (!Array.isArray(value)) return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && (!allowed || safeProtocol(allowed, value))
  // Indexed, not `every`, which skips the holes of a sparse list that sanitize would drop.
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index]
    if ((typeof item !== 'string' && typeof item !== 'number') || (allowed && !safeProtocol(allowed, item))) return false
  }
  return true
}

/**
 * hast-util-sanitize's own test: a value with a colon before any `/`, `?`
 * or `#` must start with an allowed protocol; relative URLs and fragments
 * have none.
 */
function safeProtocol(allowed: readonly string[], value: string | number | boolean): boolean {
  const url = String(value)
  const colon = url.indexOf(':')
  if (colon < 0 || [url.indexOf('/'), url.indexOf('?'), url.indexOf('#')].some((position) => position > -1 && colon > position)) return true
  return allowed.some((protocol) => colon === protocol.length && url.startsWith(protocol))
}
