/**
 * Citations: references are numbered in the order a page first cites them,
 * and every use links to its entry in the reference list. Prose cites with
 * Pandoc's `[@id]` (or `[@a; @b]`); `rehypeCitations` turns those into links
 * in the tree (after sanitizing, so the links are ours, never the author's).
 */
import type { Element, ElementContent, Root, Text } from 'hast'
import { SKIP, visit } from 'unist-util-visit'
import type { Reference } from '../record/schema.ts'
import type { Translator } from './i18n.ts'
import { element, fill, keptTemplate, text } from './template.ts'

export class Citations {
  readonly #numbers = new Map<string, number>()
  readonly #known: Map<string, Reference>
  /** Ids cited that the record does not list. */
  readonly unknown = new Set<string>()

  constructor(
    readonly translator: Translator,
    references: readonly Reference[],
  ) {
    this.#known = new Map(references.map((reference) => [reference.id, reference]))
  }

  number(id: string): number {
    let number = this.#numbers.get(id)
    if (number === undefined) {
      number = this.#numbers.size + 1
      this.#numbers.set(id, number)
    }
    return number
  }

  /** Superscript links for these reference ids (unknown ids are recorded, not shown). */
  cite(ids: readonly string[]): Element[] {
    const marks: Array<{ number: number; mark: Element }> = []
    for (const id of new Set(ids)) {
      if (!this.#known.has(id)) {
        this.unknown.add(id)
        continue
      }
      const number = this.number(id)
      const label = citationLabel(this.translator, number)
      const mark = fill(keptTemplate(this.translator, 'references.citation', NUMBER), [String(number)])
      marks.push({ number, mark: element('sup', { className: ['citation'] }, [element('a', { href: `#${referenceAnchor(id)}`, ariaLabel: label }, mark)]) })
    }
    // Numbers are given in order of first use; a group of marks reads in ascending order.
    return marks.sort((a, b) => a.number - b.number).map(({ mark }) => mark)
  }

  /** Every reference: cited ones in citation order, then the uncited in record order. */
  ordered(): Array<{ reference: Reference; number: number }> {
    for (const id of this.#known.keys()) this.number(id)
    return [...this.#numbers.entries()]
      .filter(([id]) => this.#known.has(id))
      .map(([id, number]) => ({ reference: this.#known.get(id)!, number }))
      .sort((a, b) => a.number - b.number)
  }
}

const NUMBER = ['number'] as const

/**
 * Citation labels (`Reference 3`) per translator and number: a page cites
 * its references again and again, and the numbers are bounded by the
 * longest reference list, so the set stays small.
 */
const labels = new WeakMap<Translator, string[]>()

function citationLabel(translator: Translator, number: number): string {
  let byNumber = labels.get(translator)
  if (!byNumber) labels.set(translator, (byNumber = []))
  return (byNumber[number] ??= translator.t('references.citationLabel', { number }))
}

export function referenceAnchor(id: string): string {
  return `ref-${id}`
}

const CITATION = /\s*\[(@[a-z0-9]+(?:-[a-z0-9]+)*(?:\s*;\s*@[a-z0-9]+(?:-[a-z0-9]+)*)*)\]/g

/** Splits one text into text and citation marks. */
export function citeText(value: string, citations: Citations): ElementContent[] {
  const nodes: ElementContent[] = []
  let last = 0
  for (const match of value.matchAll(CITATION)) {
    if (match.index > last) nodes.push(text(value.slice(last, match.index)))
    const ids = match[1]!.split(';').map((id) => id.trim().slice(1))
    nodes.push(...citations.cite(ids))
    last = match.index + match[0].length
  }
  if (last === 0) return [text(value)]
  if (last < value.length) nodes.push(text(value.slice(last)))
  return nodes
}

/** Unified plugin: `[@id]` in text becomes a numbered citation link. */
export function rehypeCitations(options: { citations: Citations }) {
  return (tree: Root) => {
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || !node.value.includes('[@')) return
      const nodes = citeText(node.value, options.citations)
      parent.children.splice(index, 1, ...(nodes as typeof parent.children))
      return [SKIP, index + nodes.length]
    })
  }
}
