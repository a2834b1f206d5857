import { describe, expect, it } from 'vitest'
import { foreignSpans } from '../../src/detect/spans.ts'
import { isQuoted, quotations, sentences } from '../../src/detect/sentences.ts'

describe('sentences', () => {
  it('keeps French abbreviations and quotations inside their sentence', () => {
    const text = 'M. Dupont est arrivé le 27 janv. 2018 à Soumpi. Il a dit « Bonjour. Ça va ? » puis il est parti. Fin.'
    expect(sentences(text).map((span) => span.text)).toEqual([
      'M. Dupont est arrivé le 27 janv. 2018 à Soumpi.',
      'Il a dit « Bonjour. Ça va ? » puis il est parti.',
      'Fin.',
    ])
    for (const span of sentences(text)) expect(text.slice(span.start, span.end)).toBe(span.text)
  })

  it('finds quotations in French and English marks, and ignores unbalanced ones', () => {
    const text = 'Il a dit « We will win » puis “Never again” et "done", mais « rien'
    expect(quotations(text).map((span) => span.text)).toEqual(['We will win', 'Never again', 'done'])
    expect(isQuoted({ start: 11, end: 22, text: 'We will win' }, quotations(text))).toBe(true)
  })
})

describe('foreignSpans', () => {
  it('finds English sentences in French prose without flagging names', () => {
    const text =
      "Le Groupe de soutien à l'islam et aux musulmans (GSIM, ou JNIM selon son acronyme arabe) est né en 2017. " +
      'The group has at times cooperated with Tuareg rebel movements in the north. ' +
      'Il lui est arrivé de s’allier à des mouvements rebelles touaregs.'
    const spans = foreignSpans(text, 'fra')
    expect(spans.map((span) => [span.lang, span.quoted, span.text])).toEqual([
      ['eng', false, 'The group has at times cooperated with Tuareg rebel movements in the north.'],
    ])
  })
})
