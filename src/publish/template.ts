/**
 * Templates with nodes in them. i18next interpolates strings, but an infobox
 * value mixes words with `<data>` numbers and citation links. Each node is
 * passed to i18next as a private-use placeholder, and the translated string
 * is split back into text and nodes: the words stay in `locales/`, the
 * structure stays a tree.
 */
import type { ElementContent } from 'hast'
import type { TOptions } from 'i18next'
import type { Translator } from './i18n.ts'
import { listFormat } from './intl.ts'

export type Part = string | ElementContent | ElementContent[]
export type Nodes = ElementContent[]

const OPEN = '\uE000'
const CLOSE = '\uE001'
const PLACEHOLDER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g')

export function text(value: string): ElementContent {
  return { type: 'text', value }
}

export function toNodes(part: Part): Nodes {
  if (typeof part === 'string') return part ? [text(part)] : []
  return Array.isArray(part) ? part : [part]
}

/** Translates `key`, putting each part where its `{{name}}` placeholder is. */
export function render(translator: Translator, key: string, parts: Record<string, Part> = {}, options: TOptions = {}): Nodes {
  const values: Part[] = []
  const placeholders: Record<string, string> = {}
  for (const [name, part] of Object.entries(parts)) {
    placeholders[name] = `${OPEN}${values.length}${CLOSE}`
    values.push(part)
  }
  const translated = translator.t(key, { ...options, ...placeholders })
  const nodes: Nodes = []
  let last = 0
  for (const match of translated.matchAll(PLACEHOLDER)) {
    if (match.index > last) nodes.push(text(translated.slice(last, match.index)))
    nodes.push(...toNodes(values[Number(match[1])]!))
    last = match.index + match[0].length
  }
  if (last < translated.length) nodes.push(text(translated.slice(last)))
  return mergeText(nodes)
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

/** Items joined the way the language lists them (`a, b and c` / `a, b et c`), via Intl. */
export function list(lang: string, items: Nodes[], type: Intl.ListFormatType = 'conjunction', style: Intl.ListFormatStyle = 'long'): Nodes {
  const format = listFormat(lang, { style, type })
  const marks = items.map((_, index) => `${OPEN}${index}${CLOSE}`)
  const nodes: Nodes = []
  for (const part of format.formatToParts(marks)) {
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
  return mergeText(items.flatMap((item, index) => (index === 0 ? item : [text(separator), ...item])))
}
