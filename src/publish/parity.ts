/**
 * Fact parity: the English and French infoboxes must state the same facts.
 * Facts are read back from the rendered trees (`<data value>`, `<time
 * datetime>`, `data-entity`), not from the record, so a template that drops
 * a number, a date or a name in one language is caught.
 */
import type { Element, ElementContent } from 'hast'

export type Fact = string

export function facts(tree: Element): Fact[] {
  const found: Fact[] = []
  const visit = (node: ElementContent) => {
    if (node.type !== 'element') return
    const properties = node.properties ?? {}
    if (node.tagName === 'data') found.push(`number ${String(properties.value)} (${String(properties.dataQualifier ?? 'exact')})`)
    if (node.tagName === 'time') found.push(`${String(properties.dateTime).includes(':') ? 'time' : 'date'} ${String(properties.dateTime)}`)
    if (properties.dataEntity !== undefined) found.push(`entity ${String(properties.dataEntity)}`)
    node.children.forEach(visit)
  }
  visit(tree)
  return found.sort()
}

export interface ParityGap {
  fact: Fact
  /** Language whose infobox lacks the fact. */
  missingIn: string
  /** Language whose infobox states it. */
  presentIn: string
}

/** Facts one language states more often than the other (multisets, so `14` twice vs once is a gap). */
export function parityGaps(a: { lang: string; facts: Fact[] }, b: { lang: string; facts: Fact[] }): ParityGap[] {
  const count = (list: Fact[]) => list.reduce((map, fact) => map.set(fact, (map.get(fact) ?? 0) + 1), new Map<Fact, number>())
  const inA = count(a.facts)
  const inB = count(b.facts)
  const gaps: ParityGap[] = []
  for (const fact of [...new Set([...a.facts, ...b.facts])].sort()) {
    const difference = (inA.get(fact) ?? 0) - (inB.get(fact) ?? 0)
    if (difference > 0) gaps.push({ fact, missingIn: b.lang, presentIn: a.lang })
    if (difference < 0) gaps.push({ fact, missingIn: a.lang, presentIn: b.lang })
  }
  return gaps
}
