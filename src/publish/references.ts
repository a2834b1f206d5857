/**
 * The numbered reference list. Publisher and dates are localized; a source
 * in another language than the page's says so, from its detected language
 * named by Intl ("(in French)" on the English page, "(en anglais)" on the
 * French one). Titles keep their own language in a `lang` attribute.
 */
import { h } from 'hastscript'
import type { Element, ElementContent } from 'hast'
import type { Translator } from './i18n.ts'
import { referenceAnchor, type Citations } from './citations.ts'
import { date } from './format.ts'
import { render, text } from './template.ts'
import { displayNames } from './intl.ts'

export function references(translator: Translator, citations: Citations, languageOf: (id: string) => string): Element {
  const entries = citations.ordered().map(({ reference }) => {
    const lang = languageOf(reference.id)
    const title: ElementContent = reference.url
      ? h('a', { href: reference.url, hrefLang: lang }, [h('cite', { lang }, reference.title)])
      : h('cite', { lang }, reference.title)
    const foreign = lang.split('-')[0] !== translator.lang
    const language = foreign ? (displayNames(translator.lang, { type: 'language' }).of(lang) ?? lang) : ''
    const parts: ElementContent[][] = [
      render(translator, 'references.title', { title }),
      render(translator, 'references.publisher', { publisher: reference.publisher, language }, foreign ? { context: 'foreign' } : {}),
    ]
    if (reference.published) parts.push(render(translator, 'references.published', { date: date(translator, reference.published) }))
    parts.push(render(translator, 'references.retrieved', { date: date(translator, reference.retrieved) }))
    return h('li', { id: referenceAnchor(reference.id) }, parts.flatMap((part, index) => (index === 0 ? part : [text(' '), ...part])))
  })
  const headingId = 'section-references'
  return h('section', { ariaLabelledBy: headingId }, [
    h('h2', { id: headingId }, translator.t('references.heading')),
    h('ol', { className: ['references'] }, entries),
  ])
}
