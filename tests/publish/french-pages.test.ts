/**
 * What a francophone reader checks on every French page: no English outside
 * what is marked as English (source titles, untranslated sections), and the
 * French spacing and quotes. Read from the rendered articles of all events.
 */
import { describe, expect, it } from 'vitest'
import type { ElementContent } from 'hast'
import { article, bundled } from './render.ts'

/** Text outside elements marked with another language. */
function frenchText(nodes: readonly ElementContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.value
      if (node.type !== 'element') return ''
      const lang = node.properties.lang
      if (typeof lang === 'string' && !lang.startsWith('fr')) return ' '
      return frenchText(node.children) + ' '
    })
    .join('')
}

// Words our templates or data could leak from English (none is also French).
const ENGLISH = /\b(the|and|of|with|against|killed|injured|captured|missing|unknown|side|according|attack|attacks|battle|ambush|raid on|took place|pitted|repelled|victory|in french|in english)\b/i

describe('every French page', async () => {
  const { corpus } = await bundled()
  const ids = corpus.events.map((event) => event.record.id).sort()

  it.each(ids)('%s has no English outside marked spans, and French spacing', async (id) => {
    const text = frenchText([(await article(id, 'fr')).article])
    expect(text.match(ENGLISH)?.[0]).toBeUndefined()
    // No ordinary space before the high punctuation, nor inside guillemets; no straight quotes.
    expect(text).not.toMatch(/ [;:!?»]|« |["“”](?![^«]*»)/)
    expect(text).not.toMatch(/\d{5}/)
  })
})
