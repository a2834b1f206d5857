/**
 * The memos that make rendering cheaper must never change an answer: Intl
 * formatters kept per (locale, options), and i18next lookups remembered per
 * key and options.
 */
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { dateTimeFormat, displayNames, numberFormat } from '../../src/publish/intl.ts'
import { createTranslator } from '../../src/publish/i18n.ts'

describe('Intl formatters kept per locale and options', () => {
  it('gives one formatter per (locale, options) and the answers of a fresh one', () => {
    const options = { dateStyle: 'long', timeZone: 'UTC' } as const
    expect(dateTimeFormat('fr', options)).toBe(dateTimeFormat('fr', { ...options }))
    expect(dateTimeFormat('fr', options)).not.toBe(dateTimeFormat('en', options))
    const day = new Date('2018-01-27T00:00:00Z')
    expect(dateTimeFormat('fr', options).format(day)).toBe(new Intl.DateTimeFormat('fr', options).format(day))
    expect(numberFormat('fr', { useGrouping: 'min2' }).format(12345)).toBe('12\u202f345')
    expect(numberFormat('fr', { useGrouping: 'min2' }).format(1234)).toBe('1234')
    expect(numberFormat('en', { useGrouping: 'auto' }).format(1234)).toBe('1,234')
    expect(displayNames('en', { type: 'language' }).of('fr')).toBe('French')
    expect(displayNames('fr', { type: 'language' }).of('en')).toBe('anglais')
  })
})

describe('remembered translations', () => {
  const resources = { killed_one: '{{count}} killed (one)', killed_other: '{{count}} killed', greet: 'Hello {{name}}', when: 'at {{time}}', when_am: 'at {{time}} a.m.' }
  const translator = () => createTranslator('en', resources, new VFile({ path: 'en/publish.json' }))

  it('answers by count, context and values, asked in any order and again', () => {
    const tr = translator()
    for (let round = 0; round < 2; round++) {
      expect(tr.t('killed', { count: 1 })).toBe('1 killed (one)')
      expect(tr.t('killed', { count: 2 })).toBe('2 killed')
      expect(tr.t('greet', { name: 'Soumpi' })).toBe('Hello Soumpi')
      expect(tr.t('greet', { name: 'Mali' })).toBe('Hello Mali')
      expect(tr.t('when', { time: '4', context: 'am' })).toBe('at 4 a.m.')
      expect(tr.t('when', { context: 'am', time: '5' })).toBe('at 5 a.m.')
      expect(tr.t('when', { time: '4' })).toBe('at 4')
    }
  })

  it('tells the number 1 from the string "1"', () => {
    const tr = translator()
    expect(tr.t('killed', { count: 1 })).toBe('1 killed (one)')
    // i18next reads a string count as a number too: whatever it answers, the memo must give the same.
    expect(tr.t('killed', { count: '1' as unknown as number })).toBe(translator().t('killed', { count: '1' as unknown as number }))
  })

  it('still reports a missing key once, whatever the memo', () => {
    const file = new VFile({ path: 'en/publish.json' })
    const tr = createTranslator('en', resources, file)
    expect(tr.t('nowhere')).toBe('')
    expect(tr.t('nowhere')).toBe('')
    expect(tr.has('nowhere')).toBe(false)
    expect(file.messages.map((message) => message.ruleId)).toEqual(['locale-missing-key'])
  })
})
