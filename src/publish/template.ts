/**
 * Templates with nodes in them. i18next interpolates strings, but an infobox
 * value mixes words with `<data>` numbers and citation links. Each node is
 * passed to i18next as a private-use placeholder, and the translated string
 * is split back into text and nodes: the words stay in `locales/`, the
 * structure stays a tree.
 */
import type { Element, ElementContent, Properties } from 'hast'
import type { TOptions } from 'i18next'
import type { Translator } from './i18n.ts'
import { listFormat } from './intl.ts'

export type Part = string | ElementContent | ElementContent[]
export type Nodes = ElementContent[]

const OPEN = '\uE000'
const CLOSE = '\uE001'
const PLACEHOLDER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g')

/** The placeholders a template can hold, made once: a template has a handful of parts. */
const PLACEHOLDERS = Array.from({ length: 16 }, (_, index) => `${OPEN}${index}${CLOSE}`)

function placeholder(index: number): string {
  return PLACEHOLDERS[index] ?? `${OPEN}${index}${CLOSE}`
}

export function text(value: string): ElementContent {
  return { type: 'text', value }
}

/**
 * The element `h(tagName, properties, children)` builds, for properties
 * already in hast's form (`className` an array, `colSpan` a number, no
 * nullish value). `h` parses the selector and looks every property up in
 * the HTML schema (a regular expression for each `data*` one) on every call;
 * the elements built per name, figure, date and citation of a page need none of it.
 */
export function element(tagName: string, properties: Properties = {}, children: string | readonly ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children: typeof children === 'string' ? [text(children)] : [...children] }
}

export function toNodes(part: Part): Nodes {
  if (typeof part === 'string') return part ? [text(part)] : []
  return Array.isArray(part) ? part : [part]
}

/** Translates `key`, putting each part where its `{{name}}` placeholder is. */
export function render(translator: Translator, key: string, parts: Record<string, Part> = {}, options: TOptions = {}): Nodes {
  const values: Part[] = []
  const context = onlyContext(options)
  if (context !== OTHER_OPTIONS) {
    // No option but a context: the translation depends on the key, the context and the part names alone, kept per translator.
    const names: string[] = []
    for (const name in parts) {
      names.push(name)
      values.push(parts[name]!)
    }
    return fill(keptTemplate(translator, key, names, context), values)
  }
  // Options first, placeholders after (a placeholder wins over an option of the same name). Copied key by key:
  // adding keys to a spread copy (`{ ...options }`) costs V8 some forty times more, and this runs for every template.
  const withPlaceholders: TOptions = {}
  for (const name in options) withPlaceholders[name] = options[name]
  for (const name in parts) {
    withPlaceholders[name] = placeholder(values.length)
    values.push(parts[name]!)
  }
  return fill(split(translator.t(key, withPlaceholders)), values)
}

const OTHER_OPTIONS = Symbol('other options')

/** undefined for no options, the context for `{ context: string }` alone, OTHER_OPTIONS for anything else (a count, say). */
function onlyContext(options: TOptions): string | undefined | typeof OTHER_OPTIONS {
  let context: string | undefined | typeof OTHER_OPTIONS
  for (const name in options) {
    const value = options[name]
    if (name !== 'context' || typeof value !== 'string') return OTHER_OPTIONS
    context = value
  }
  return context
}

/** A translated template cut at its placeholders: literal text, and the index of the part each placeholder stands for. */
export type Template = ReadonlyArray<string | number>

function split(translated: string): Template {
  // Most templates are words only, or a sentence around one value: no need to search for placeholders in them.
  if (!translated.includes(OPEN)) return translated ? [translated] : []
  const segments: Array<string | number> = []
  let last = 0
  // `exec` on the one global expression, not `matchAll`, which clones the expression on every call.
  PLACEHOLDER.lastIndex = 0
  for (let match = PLACEHOLDER.exec(translated); match; match = PLACEHOLDER.exec(translated)) {
    if (match.index > last) segments.push(translated.slice(last, match.index))
    segments.push(Number(match[1]))
    last = match.index + match[0].length
  }
  if (last < translated.length) segments.push(translated.slice(last))
  return segments
}

/** The template's text with `parts[i]` where placeholder i is, as render gives it. */
export function fill(template: Template, parts: readonly Part[]): Nodes {
  if (template.length === 1 && typeof template[0] === 'string') return [text(template[0])]
  const nodes: Nodes = []
  for (const segment of template) {
    if (typeof segment === 'string') nodes.push(text(segment))
    else nodes.push(...toNodes(parts[segment]!))
  }
  return mergeText(nodes)
}

/**
 * Templates kept per translator, key and context: a page fills the same
 * templates with the same part names again and again (citation marks,
 * reference entries, every infobox value). Keys and contexts come from the
 * code and the locale, so the set is bounded by the locale's keys (capped
 * all the same); a translator's words never change once loaded, so a kept
 * template is what translating again would give.
 */
interface Kept {
  names: readonly string[]
  template: Template
}
const templates = new WeakMap<Translator, { size: number; byKey: Map<string, Map<string | undefined, Kept>> }>()
const TEMPLATE_LIMIT = 10_000

/** `render(translator, key, parts, context === undefined ? {} : { context })` for parts named `names`, in that order, as a template. */
export function keptTemplate(translator: Translator, key: string, names: readonly string[], context?: string): Template {
  let kept = templates.get(translator)
  if (!kept) templates.set(translator, (kept = { size: 0, byKey: new Map() }))
  let byContext = kept.byKey.get(key)
  if (!byContext) kept.byKey.set(key, (byContext = new Map()))
  const found = byContext.get(context)
  if (found && sameNames(found.names, names)) return found.template
  const options: TOptions = context === undefined ? {} : { context }
  names.forEach((name, index) => (options[name] = placeholder(index)))
  const template = split(translator.t(key, options))
  if (!found) {
    // A safety valve the bundled locales never reach: start over rather than grow without end.
    if (++kept.size > TEMPLATE_LIMIT) templates.delete(translator)
    else byContext.set(context, { names: [...names], template })
  }
  return template
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((name, index) => name === b[index]))
}

/**
 * The parts one after the other with a fresh `between()` node between two:
 * a loop, because `flatMap` with spread copies was the hottest line of a
 * reference list.
 */
export function interleave(parts: readonly Nodes[], between: () => ElementContent): Nodes {
  const nodes: Nodes = []
  for (let index = 0; index < parts.length; index++) {
    if (index > 0) nodes.push(between())
    for (const node of parts[index]!) nodes.push(node)
  }
  return nodes
}

/** Adjacent text nodes merged, so that typography sees whole words. */
export function mergeText(nodes: Nodes): Nodes {
  const merged: Nodes = []
  for (const node of nodes) {
    const previous = merged.at(-1)
    if (node.type === 'text' && previous?.type === 'text') previous.value += node.value
    else merged.push(node.type === 'text' ? { ...node } : node)
  }
  return merged
}

/** Every list setting as a frozen object, which intl.ts finds by identity instead of serializing it per call. */
const LIST_OPTIONS = Object.fromEntries(
  (['conjunction', 'disjunction', 'unit'] as const).map((type) => [
    type,
    Object.fromEntries((['long', 'short', 'narrow'] as const).map((style) => [style, Object.freeze({ style, type })])),
  ]),
) as Record<Intl.ListFormatType, Record<Intl.ListFormatStyle, Intl.ListFormatOptions>>

/**
 * A list of `count` placeholders as the formatter writes it. Items enter as
 * placeholders, so the parts depend on the count alone: kept per formatter
 * and count (lists are short: the belligerents of a side, the sites of an event).
 */
type ListPart = ReturnType<Intl.ListFormat['formatToParts']>[number]
const shapes = new WeakMap<Intl.ListFormat, Array<readonly ListPart[]>>()

function listShape(format: Intl.ListFormat, count: number): readonly ListPart[] {
  let byCount = shapes.get(format)
  if (!byCount) shapes.set(format, (byCount = []))
  return (byCount[count] ??= format.formatToParts(Array.from({ length: count }, (_, index) => placeholder(index))))
}

/** Items joined the way the language lists them (`a, b and c` / `a, b et c`), via Intl. */
export function list(lang: string, items: Nodes[], type: Intl.ListFormatType = 'conjunction', style: Intl.ListFormatStyle = 'long'): Nodes {
  const nodes: Nodes = []
  for (const part of listShape(listFormat(lang, LIST_OPTIONS[type][style]), items.length)) {
    if (part.type === 'literal') nodes.push(text(part.value))
    else nodes.push(...items[Number(part.value.slice(1, -1))]!)
  }
  return mergeText(nodes)
}

/** Plain text of nodes, citation marks left out (for titles, descriptions, feeds and JSON). */
export function plain(nodes: readonly ElementContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.value
      if (node.type !== 'element') return ''
      const className = node.properties?.className
      if (Array.isArray(className) && className.includes('citation')) return ''
      return plain(node.children)
    })
    .join('')
}

/** Items separated by the locale's `grammar.listSeparator` (a comma), for `Soumpi, Mali`-style places. */
export function joinWith(translator: Translator, items: Nodes[]): Nodes {
  const separator = translator.t('grammar.listSeparator')
  return mergeText(interleave(items, () => text(separator)))
}
