/**
 * The per-call work hoisted out of article rendering (issue #8) must give
 * what the per-call code gave: `element` what `h` builds, a remembered day
 * what Intl writes, a remembered list shape what Intl lists, a frozen option
 * object the formatter an equal fresh one gets.
 */
import { describe, expect, it } from 'vitest'
import { h } from 'hastscript'
import { VFile } from 'vfile'
import type { ElementContent } from 'hast'
import { element, list, plain, text } from '../../src/publish/template.ts'
import { createTranslator, loadLocales } from '../../src/publish/i18n.ts'
import { dateText } from '../../src/publish/format.ts'
import { dateTimeFormat, listFormat } from '../../src/publish/intl.ts'
import { grammaticalContext } from '../../src/publish/grammar.ts'
import type { Entity } from '../../src/record/schema.ts'

describe('element', () => {
  const child: ElementContent = { type: 'text', value: '[1]' }
  const shapes: Array<[string, Record<string, string | number | string[]>, string | ElementContent[]]> = [
    ['time', { dateTime: '2019-11-01' }, '1 November 2019'],
    ['data', { value: '17', dataQualifier: 'atLeast' }, '17'],
    ['span', { dataEntity: 'jnim' }, ''],
    ['sup', { className: ['citation'] }, [child]],
    ['a', { href: '#ref-a', ariaLabel: 'Reference 1' }, [child, { type: 'text', value: ' ' }]],
    ['td', { colSpan: 2 }, []],
    ['td', { dataLabel: '' }, [h('ul', [h('li', 'x')])]],
    ['th', { scope: 'colgroup', colSpan: 3 }, 'Belligerents'],
    ['cite', { lang: 'fr' }, 'Attaque contre un camp'],
    ['li', { id: 'ref-a' }, []],
  ]
  it.each(shapes)('builds <%s> as h does', (tagName, properties, children) => {
    expect(element(tagName, { ...properties }, children)).toEqual(h(tagName, { ...properties }, children))
  })

  it('does not share the children array it was given', () => {
    const children: ElementContent[] = [text('a')]
    const node = element('p', {}, children)
    children.push(text('b'))
    expect(node.children).toHaveLength(1)
  })
})

describe('dateText', () => {
  const expected = (lang: string, iso: string, firstOfMonth: string) =>
    new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })
      .formatToParts(new Date(`${iso}T00:00:00Z`))
      .map((part) => (part.type === 'day' && Number(part.value) === 1 ? firstOfMonth : part.value))
      .join('')
  const days = Array.from({ length: 400 }, (_, index) => new Date(Date.UTC(2019, 11, 1) + index * 86_400_000).toISOString().slice(0, 10))

  it('writes every day as Intl does, the first of a month from the locale, asked again or not', async () => {
    const { translators } = await loadLocales()
    for (const lang of ['en', 'fr'] as const) {
      const first = translators[lang].t('date.firstOfMonth')
      for (const iso of days) expect(dateText(translators[lang], iso)).toBe(expected(lang, iso, first))
      for (const iso of days) expect(dateText(translators[lang], iso)).toBe(expected(lang, iso, first))
    }
  })

  it('keeps the days of one locale away from another of the same language', () => {
    const own = (firstOfMonth: string) => createTranslator('fr', { date: { firstOfMonth } }, new VFile({ path: 'publish.json' }))
    expect(dateText(own('1er'), '2020-03-01')).toBe('1er mars 2020')
    expect(dateText(own('premier'), '2020-03-01')).toBe('premier mars 2020')
  })
})

describe('list', () => {
  const items = (count: number) => Array.from({ length: count }, (_, index) => [text(`item${index}`)])
  const words = (count: number) => Array.from({ length: count }, (_, index) => `item${index}`)

  it('joins any number of items as Intl does, whatever count came before', () => {
    for (const lang of ['en', 'fr']) {
      for (const type of ['conjunction', 'disjunction'] as const) {
        const intl = new Intl.ListFormat(lang, { style: 'long', type })
        for (const count of [3, 1, 0, 2, 5, 3, 2]) expect(plain(list(lang, items(count), type))).toBe(intl.format(words(count)))
      }
    }
  })

  it('puts each item in its own place, nodes and all', () => {
    const nodes = list('en', [[h('b', 'a')], [text('b')], [h('i', 'c')]])
    expect(nodes.map((node) => node.type === 'element' ? node.tagName : node.value)).toEqual(['b', ', b, and ', 'i'])
  })
})

describe('Intl formatters', () => {
  it('finds a frozen option object by identity and gives what an equal fresh object gets', () => {
    const frozen = Object.freeze({ dateStyle: 'long', timeZone: 'UTC' } as const)
    expect(dateTimeFormat('fr', frozen)).toBe(dateTimeFormat('fr', frozen))
    expect(dateTimeFormat('fr', frozen)).toBe(dateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }))
    expect(dateTimeFormat('en', frozen)).not.toBe(dateTimeFormat('fr', frozen))
    expect(listFormat('fr', Object.freeze({ style: 'long', type: 'disjunction' } as const)).format(['a', 'b'])).toBe('a ou b')
  })
})

describe('translator', () => {
  it('answers has and t from one lookup, and reports a missing key once', () => {
    const file = new VFile({ path: 'publish.json' })
    const tr = createTranslator('en', { a: 'A {{x}}', b_f: 'B' }, file)
    expect(tr.has('a')).toBe(true)
    expect(tr.t('a', { x: '1' })).toBe('A 1')
    expect(tr.t('a', { x: '2' })).toBe('A 2')
    expect(tr.has('b', { context: 'f' })).toBe(true)
    expect(tr.has('b')).toBe(false)
    expect(tr.t('b', { context: 'f' })).toBe('B')
    expect(tr.t('missing')).toBe('')
    expect(tr.t('missing')).toBe('')
    expect(tr.has('missing')).toBe(false)
    expect(file.messages).toHaveLength(1)
    expect(file.messages[0]!.reason).toMatch(/^Missing translation `missing` \(namespace `publish`, language `en`\)/)
  })
})

describe('grammaticalContext', () => {
  const place = (fr: Entity['fr']): Entity => ({ id: 'kidal', type: 'place', en: { name: 'Kidal Region', aliases: [] }, fr }) as Entity

  it('answers each entity from its own labels, asked once or again', () => {
    const town = place({ name: 'Kidal', aliases: [] })
    const region = place({ name: 'région de Kidal', gender: 'f', aliases: [] })
    const plural = place({ name: 'environs de Kidal', number: 'plural', aliases: [] })
    for (let round = 0; round < 2; round++) {
      expect(grammaticalContext('fr', 'in', town)).toBeUndefined()
      expect(grammaticalContext('fr', 'in', region)).toBe('within_f')
      expect(grammaticalContext('fr', 'of', region)).toBe('f')
      expect(grammaticalContext('fr', 'bare', region)).toBeUndefined()
      expect(grammaticalContext('fr', 'in', plural)).toBe('within_plural')
      expect(grammaticalContext('en', 'def', region)).toBeUndefined()
    }
  })
})
