/**
 * Templates kept per translator (citation marks, reference entries) must
 * give what `render` gives, and a kept template must not be handed to a
 * call that names its parts differently.
 */
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { createTranslator, loadLocales } from '../../src/publish/i18n.ts'
import type { ElementContent } from 'hast'
import type { TOptions } from 'i18next'
import type { Translator } from '../../src/publish/i18n.ts'
import { element, fill, interleave, keptTemplate, render, type Part } from '../../src/publish/template.ts'
import { isForeign } from '../../src/publish/references.ts'
import { titleAgreement } from '../../src/publish/grammar.ts'
import type { EventRecord } from '../../src/record/schema.ts'

const locales = await loadLocales()

/** The oracle: one translation with private-use placeholders, split back into text and parts, adjacent texts merged. */
function translated(translator: Translator, key: string, parts: Record<string, Part>, options: TOptions): ElementContent[] {
  const names = Object.keys(parts)
  const words = translator.t(key, { ...options, ...Object.fromEntries(names.map((name, index) => [name, `\uE000${index}\uE001`])) })
  const nodes: ElementContent[] = []
  // split with a capturing group alternates text and placeholder indexes.
  words.split(/\uE000(\d+)\uE001/).forEach((piece, index) => {
    if (index % 2 === 0) {
      if (piece) nodes.push({ type: 'text', value: piece })
      return
    }
    const part = parts[names[Number(piece)]!]!
    nodes.push(...(typeof part === 'string' ? (part ? [{ type: 'text' as const, value: part }] : []) : Array.isArray(part) ? part : [part]))
  })
  return nodes.reduce<ElementContent[]>((merged, node) => {
    const last = merged.at(-1)
    if (node.type === 'text' && last?.type === 'text') merged[merged.length - 1] = { type: 'text', value: last.value + node.value }
    else merged.push(node.type === 'text' ? { ...node } : node)
    return merged
  }, [])
}

describe('render with options other than a context', () => {
  it.each([
    ['casualty.killed', { value: '14' }, { count: 14 }],
    ['casualty.killed', { value: '1' }, { count: 1 }],
    ['infobox.unknown', {}, { context: 'strength', count: 2 }],
  ] as const)('translates %s each time as before', (key, parts, options) => {
    for (const lang of ['en', 'fr'] as const) {
      const translator = locales.translators[lang]
      expect(render(translator, key, { ...parts }, { ...options })).toEqual(translated(translator, key, { ...parts }, { ...options }))
    }
  })
})

describe('keptTemplate', () => {
  const cite = element('cite', { lang: 'fr' }, 'Attaque contre un camp')
  const cases: Array<[key: string, parts: Record<string, Part>, context?: string]> = [
    ['references.citation', { number: '3' }],
    ['references.title', { title: cite }],
    ['references.publisher', { publisher: 'RFI', language: '' }],
    ['references.publisher', { publisher: 'Reuters', language: 'anglais' }, 'foreign'],
    ['references.retrieved', { date: element('time', { dateTime: '2019-01-27' }, '27 janvier 2019') }],
    ['infobox.unknown', {}, 'strength'],
  ]
  for (const lang of ['en', 'fr'] as const) {
    it.each(cases)(`fills %s as render does (${lang})`, (key, parts, context) => {
      const translator = locales.translators[lang]
      const names = Object.keys(parts)
      const kept = keptTemplate(translator, key, names, context)
      const options = context === undefined ? {} : { context }
      expect(fill(kept, Object.values(parts))).toEqual(translated(translator, key, parts, options))
      expect(render(translator, key, parts, options)).toEqual(translated(translator, key, parts, options))
      expect(keptTemplate(translator, key, [...names], context)).toBe(kept)
    })
  }

  it('translates again for other part names, and per translator', () => {
    const resources = { t: { pair: '{{a}} then {{b}}' } }
    const one = createTranslator('en', resources, new VFile())
    const other = createTranslator('en', { t: { pair: '{{b}} before {{a}}' } }, new VFile())
    const [a, b] = [element('i', {}, 'A'), element('b', {}, 'B')]
    expect(fill(keptTemplate(one, 't.pair', ['a', 'b']), [a, b])).toEqual([a, { type: 'text', value: ' then ' }, b])
    expect(fill(keptTemplate(one, 't.pair', ['b', 'a']), [b, a])).toEqual([a, { type: 'text', value: ' then ' }, b])
    expect(fill(keptTemplate(other, 't.pair', ['a', 'b']), [a, b])).toEqual([b, { type: 'text', value: ' before ' }, a])
  })

  it('reports a missing key once, and fills nothing', () => {
    const file = new VFile({ path: 'publish.json' })
    const translator = createTranslator('fr', {}, file)
    expect(fill(keptTemplate(translator, 'references.title', ['title']), ['x'])).toEqual([])
    expect(fill(keptTemplate(translator, 'references.title', ['title']), ['x'])).toEqual([])
    expect(file.messages.map((message) => message.ruleId)).toEqual(['locale-missing-key'])
  })
})

describe('isForeign', () => {
  it.each(['en', 'fr', 'fr-CA', 'en-GB', 'es', 'fra', 'f', 'frr', 'und', ''])('agrees with the primary subtag of %j', (tag) => {
    for (const page of ['en', 'fr']) expect(isForeign(tag, page)).toBe(tag.split('-')[0] !== page)
  })
})

describe('titleAgreement kept per record', () => {
  it('follows the title and kind the record has now', () => {
    const fr = locales.translators.fr
    const record = { title: { en: 'Soumpi attack', fr: 'Attaque de Soumpi' }, kind: 'attack' } as unknown as EventRecord
    expect(titleAgreement(fr, record)).toBe('f')
    expect(titleAgreement(fr, record)).toBe('f')
    record.title.fr = 'Attaques de Soumpi'
    expect(titleAgreement(fr, record)).toBe('f_plural')
    record.title.fr = 'Combats de Soumpi'
    expect(titleAgreement(fr, record)).toBe('m_plural')
    record.title.fr = 'Prise de Soumpi'
    expect(titleAgreement(fr, record)).toBe('f')
    ;(record as { kind: string }).kind = 'unknown-kind'
    expect(titleAgreement(fr, record)).toBeUndefined()
  })
})

describe('interleave', () => {
  it('puts a fresh node between two parts, as the flatMap it replaced', () => {
    const parts = [[element('b', {}, 'a')], [], [{ type: 'text' as const, value: 'c' }, element('i', {}, 'd')]]
    const joined = interleave(parts, () => ({ type: 'text', value: ' ' }))
    expect(joined).toEqual(parts.flatMap((part, index) => (index === 0 ? part : [{ type: 'text' as const, value: ' ' }, ...part])))
    expect(joined[1]).not.toBe(joined[2])
    expect(joined[0]).toBe(parts[0]![0])
    expect(interleave([], () => ({ type: 'text', value: ' ' }))).toEqual([])
  })
})
