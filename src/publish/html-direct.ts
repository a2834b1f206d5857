/**
 * A direct hast → HTML writer for the known tree of a page (head we build,
 * sanitized body), giving the very bytes of hast-util-to-html with
 * `upperDoctype` and its other defaults, at a fraction of the cost: the
 * library looks every property up in property-information and sends every
 * text and attribute value through stringify-entities with a fresh options
 * object, ~1 ms per page in a cold build.
 *
 * What it copies from hast-util-to-html 9 (lib/handle/*.js) for these trees:
 * optional tags are never omitted; void elements without content get no
 * closing tag and no `/`; text is written raw in `<script>` and `<style>`
 * and elsewhere has only `&` and `<` escaped, as `&#x26;` and `&#x3C;`;
 * attribute values are double-quoted with `"` `&` `'` `` ` `` and NUL
 * escaped the same way; null, undefined, false and NaN properties are left
 * out, `true` writes the bare name, and lists are joined with spaces (none
 * of our attributes is comma-separated or boolean).
 *
 * It only accepts what it knows: the elements a page is made of and the
 * properties in ATTRIBUTES. Anything else (an unknown element or property,
 * a comment, raw HTML, a value that is not a string, number, boolean or
 * list of strings and numbers) makes `directHtml` return undefined and the
 * caller falls back to hast-util-to-html. tests/publish/html-direct.test.ts
 * checks the two agree, on real and on generated trees.
 */
import type { Element, Properties, Root, RootContent } from 'hast'

/** Thrown inside the writer when the tree leaves the known subset. */
const UNSUPPORTED = Symbol('unsupported')

/** Why the last tree was refused (for tests and profiling). */
export let refusal = ''

function bail(why: string): never {
  refusal = why
  throw UNSUPPORTED
}

/** Elements written `<name …>` then content then `</name>`. */
const NORMAL = [
  'html', 'head', 'body', 'title',
  'a', 'article', 'blockquote', 'caption', 'cite', 'data', 'div', 'em', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'li', 'main', 'nav', 'ol', 'p', 'section', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'th',
  'thead', 'time', 'tr', 'ul',
]
/** Void elements (html-void-elements): no closing tag when they have no content. */
const VOID = ['meta', 'link', 'br', 'hr']
/** Text inside these is written as it is. */
const RAW_TEXT = ['script', 'style']

type Kind = 'normal' | 'void' | 'raw'
const KINDS = new Map<string, Kind>([
  ...NORMAL.map((tag): [string, Kind] => [tag, 'normal']),
  ...VOID.map((tag): [string, Kind] => [tag, 'void']),
  ...RAW_TEXT.map((tag): [string, Kind] => [tag, 'raw']),
])

/**
 * hast property name → HTML attribute name (a Map: `constructor` is no attribute), as property-information's
 * `find` gives it; none of these is boolean, overloaded boolean or
 * comma-separated there (the test checks it against the library).
 */
export const ATTRIBUTES: ReadonlyMap<string, string> = new Map(Object.entries({
  ariaLabel: 'aria-label',
  ariaLabelledBy: 'aria-labelledby',
  charSet: 'charset',
  className: 'class',
  colSpan: 'colspan',
  content: 'content',
  dataEntity: 'data-entity',
  dataLabel: 'data-label',
  dataQualifier: 'data-qualifier',
  dataStatus: 'data-status',
  dateTime: 'datetime',
  href: 'href',
  hrefLang: 'hreflang',
  httpEquiv: 'http-equiv',
  id: 'id',
  lang: 'lang',
  name: 'name',
  rel: 'rel',
  role: 'role',
  scope: 'scope',
  start: 'start',
  title: 'title',
  type: 'type',
  value: 'value',
}))

const TEXT_ESCAPED = /[&<]/g
/** Without `g`, so that testing keeps no state between calls. */
const TEXT_NEEDS_ESCAPING = /[&<]/
const TEXT_REFERENCES: Record<string, string> = { '&': '&#x26;', '<': '&#x3C;' }
const ATTRIBUTE_ESCAPED = /["&'`\0]/g
const ATTRIBUTE_NEEDS_ESCAPING = /["&'`\0]/
const ATTRIBUTE_REFERENCES: Record<string, string> = { '"': '&#x22;', '&': '&#x26;', "'": '&#x27;', '`': '&#x60;', '\0': '&#x0;' }

/** The document as HTML, or undefined when the tree holds anything the writer does not know to write identically. */
export function directHtml(tree: Root): string | undefined {
  refusal = ''
  try {
    return nodes(tree.children, false)
  } catch (cause) {
    if (cause === UNSUPPORTED) return undefined
    throw cause
  }
}

function nodes(children: readonly RootContent[], rawText: boolean): string {
  if (!Array.isArray(children)) bail('children')
  let html = ''
  for (const node of children) {
    if (node.type === 'text') html += rawText ? textValue(node.value) : text(textValue(node.value))
    else if (node.type === 'element') html += element(node)
    else if (node.type === 'doctype') html += '<!DOCTYPE html>'
    else bail(node.type)
  }
  return html
}

function element(node: Element): string {
  const kind = KINDS.get(node.tagName) ?? bail(`<${node.tagName}>`)
  const content = nodes(node.children, kind === 'raw')
  const open = `<${node.tagName}${attributes(node.properties)}>`
  // A void element with content is written as a normal one, as hast-util-to-html does.
  return kind === 'void' && content === '' ? open : `${open}${content}</${node.tagName}>`
}

function attributes(properties: Properties | undefined): string {
  let html = ''
  for (const key in properties) {
    const raw = properties[key]
    // Skipped before the name is looked up, as the library does (it throws on a name like `constructor` with any other value).
    if (raw === null || raw === undefined) continue
    const name = ATTRIBUTES.get(key) ?? bail(`property ${key}`)
    const value = attributeValue(raw)
    if (value === undefined) continue
    html += value === true ? ` ${name}` : ` ${name}="${ATTRIBUTE_NEEDS_ESCAPING.test(value) ? value.replace(ATTRIBUTE_ESCAPED, attributeReference) : value}"`
  }
  return html
}

/** The value as written before escaping, `true` for a bare name, undefined for no attribute. */
function attributeValue(value: unknown): string | true | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : String(value)
  if (typeof value === 'boolean') return value || undefined
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) return value.join(' ').trim()
  return bail('property value')
}

function textValue(value: unknown): string {
  return typeof value === 'string' ? value : bail('text value')
}

function text(value: string): string {
  return TEXT_NEEDS_ESCAPING.test(value) ? value.replace(TEXT_ESCAPED, textReference) : value
}

function textReference(character: string): string {
  return TEXT_REFERENCES[character]!
}

function attributeReference(character: string): string {
  return ATTRIBUTE_REFERENCES[character]!
}
