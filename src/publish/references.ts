/**
 * The numbered reference list. Publisher and dates are localized; a source
 * in another language than the page's says so, from its detected language
 * named by Intl ("(in French)" on the English page, "(en anglais)" on the
 * French one). Titles keep their own language in a `lang` attribute.
 */
import type { Element, ElementContent } from 'hast'
import type { Translator } from './i18n.ts'
import { referenceAnchor, type Citations } from './citations.ts'
import { date } from './format.ts'
import { element, fill, interleave, keptTemplate, text, type Template } from './template.ts'
import { displayNames } from './intl.ts'

/** Frozen, so that intl.ts finds the formatter by identity. */
const LANGUAGE_NAMES: Intl.DisplayNamesOptions = Object.freeze({ type: 'language' })

/** Names by page language and source language: a few pairs (the languages sources are written in), each asked of Intl once. */
const languageNames = new Map<string, string>()

/** `French` on an English page, `anglais` on a French one; the tag itself when Intl has no name for it. */
function languageName(pageLang: string, lang: string): string {
  const key = `${pageLang}\0${lang}`
  let name = languageNames.get(key)
  if (name === undefined) languageNames.set(key, (name = displayNames(pageLang, LANGUAGE_NAMES).of(lang) ?? lang))
  return name
}

const space = () => text(' ')
const TITLE = ['title'] as const
const PUBLISHER = ['publisher', 'language'] as const
const DATE = ['date'] as const

/** Whether the tag's primary subtag is not the page's language (`fr-CA` on a French page is not foreign). */
export function isForeign(lang: string, pageLang: string): boolean {
  return !(lang.startsWith(pageLang) && (lang.length === pageLang.length || lang[pageLang.length] === '-'))
}

export function references(translator: Translator, citations: Citations, languageOf: (id: string) => string): Element {
  const kept = (key: string, names: readonly string[], context?: string): Template => keptTemplate(translator, key, names, context)
  const entries = citations.ordered().map(({ reference }) => {
    const lang = languageOf(reference.id)
    const title: ElementContent = reference.url
      ? element('a', { href: reference.url, hrefLang: lang }, [element('cite', { lang }, reference.title)])
      : element('cite', { lang }, reference.title)
    const foreign = isForeign(lang, translator.lang)
    const language = foreign ? languageName(translator.lang, lang) : ''
    const parts: ElementContent[][] = [
      fill(kept('references.title', TITLE), [title]),
      fill(kept('references.publisher', PUBLISHER, foreign ? 'foreign' : undefined), [reference.publisher, language]),
    ]
    if (reference.published) parts.push(fill(kept('references.published', DATE), [date(translator, reference.published)]))
    parts.push(fill(kept('references.retrieved', DATE), [date(translator, reference.retrieved)]))
    return element('li', { id: referenceAnchor(reference.id) }, interleave(parts, space))
  })
  const headingId = 'section-references'
  return element('section', { ariaLabelledBy: [headingId] }, [
    element('h2', { id: headingId }, translator.t('references.heading')),
    element('ol', { className: ['references'] }, entries),
  ])
}
