import { describe, expect, it } from 'vitest'
import type { Reference } from '../../src/record/schema.ts'
import { detect, publisherLanguages, referenceLanguage, referenceNote } from '../../src/detect/index.ts'

const reference = (title: string, language: string, publisher = 'RFI'): Reference => ({
  id: 'r',
  publisher,
  title,
  language,
  retrieved: '2023-11-17',
})

describe('referenceLanguage', () => {
  it('decides short French titles that the text alone cannot', () => {
    const title = 'Bilan : 14 morts'
    expect(detect(title).lang).toBe('und')
    const result = referenceLanguage(reference(title, 'fr'))
    expect(result.lang).toBe('fra')
    // The title leans slightly away from French, so less than the declaration's 0.9 alone.
    expect(result.confidence).toBeGreaterThan(0.8)
  })

  it('keeps the declared language of an English title', () => {
    const result = referenceLanguage(reference("Examining Extremism: Jama'at Nasr al-Islam wal Muslimin", 'en', 'CSIS'))
    expect(result.lang).toBe('eng')
  })

  it('is less sure when the title contradicts the declaration', () => {
    const agreeing = referenceLanguage(reference('Attaque contre un camp militaire au Mali, au moins 14 morts', 'fr'))
    const contradicting = referenceLanguage(reference('Attack on a military camp in Mali leaves at least 14 dead', 'fr'))
    expect(contradicting.confidence).toBeLessThan(agreeing.confidence)
  })

  it('counts a publisher’s other references, not the one being judged', () => {
    const references = [reference('a', 'fr', 'Le Monde'), reference('b', 'fr', 'Le Monde'), reference('c', 'en', ' le monde ')]
    const publishers = publisherLanguages(references)
    expect(publishers.get('le monde')).toEqual(new Map([['fra', 2], ['eng', 1]]))
    // An undeclared-looking short title from a French outlet, declared `en`: the habit pulls towards French.
    const withHabit = referenceLanguage(reference('Bilan : 14 morts', 'en', 'Le Monde'), { publishers })
    const without = referenceLanguage(reference('Bilan : 14 morts', 'en', 'Le Monde'))
    expect(withHabit.lang === 'eng' ? withHabit.confidence : 0).toBeLessThan(without.confidence)
  })
})

describe('referenceNote', () => {
  const french = reference('Mali : attaque contre un camp militaire dans le nord du pays', 'fr', 'Le Monde')
  const english = reference("Examining Extremism: Jama'at Nasr al-Islam wal Muslimin", 'en', 'CSIS')
  it('names the language to note on a page in another language, and nothing on a page in the same one', () => {
    expect(referenceNote(french, 'en')).toBe('fr')
    expect(referenceNote(french, 'fr')).toBeUndefined()
    expect(referenceNote(english, 'fr')).toBe('en')
    expect(referenceNote(english, 'en')).toBeUndefined()
  })
})
