/**
 * One event in one language: infobox, generated lead, prose sections,
 * references and related events, as a hast `<article>` plus the facts that
 * parity compares and the plain data the JSON output carries.
 */
import type { Element, ElementContent } from 'hast'
import type { Entity, EventRecord, Glossary, Language } from '../record/schema.ts'
import type { Translator } from './i18n.ts'
import { Citations } from './citations.ts'
import { infobox, type InfoboxContext } from './infobox.ts'
import { lead } from './lead.ts'
import { section, sectionStatus } from './sections.ts'
import { references } from './references.ts'
import { facts, type Fact } from './parity.ts'
import { lookup, type EntityLookup } from './grammar.ts'
import { articlePath, relativeHref } from './urls.ts'
import { element, plain } from './template.ts'
import { infoboxJson } from './infobox-data.ts'
import rehypeFrenchTypography from './typography.ts'

export interface RenderedArticle {
  record: EventRecord
  lang: Language
  path: string
  article: Element
  infobox: Element
  lead: Element
  /** The lead as plain text: the page's description and the feeds' summary. */
  leadText: string
  facts: Fact[]
  /** Reference ids cited in prose that the record does not list. */
  unknownCitations: string[]
  data: Record<string, unknown>
}

export interface ArticleInput {
  record: EventRecord
  translator: Translator
  glossary: Glossary
  /** Records by id, for related-event links. */
  events: Map<string, EventRecord>
  /** BCP 47 language of a reference of this record. */
  languageOf: (referenceId: string) => string
  /** The glossary by id, when the caller has built it already (building it walks the whole glossary). */
  entity?: EntityLookup
}

export function renderArticle(input: ArticleInput): RenderedArticle {
  const { record, translator } = input
  const lang = translator.lang
  const citations = new Citations(translator, record.references)
  const context: InfoboxContext = { translator, citations, entity: input.entity ?? lookup(input.glossary.entities) }
  const box = infobox(context, record)
  const leadParagraph = lead(context, record)
  const statuses = record.sections.map((item) => sectionStatus(item, lang))
  const sections = record.sections.map((item, index) => section(translator, citations, item, statuses[index]))
  const referenceList = references(translator, citations, input.languageOf)
  const path = articlePath(record, lang)
  const related = relatedEvents(translator, record, input.events, path)
  const article = element('article', { lang }, [element('h1', {}, record.title[lang]), box, leadParagraph, ...sections, referenceList, ...related])
  // Typography on the article itself, so that the Markdown, the JSON, the description and the feeds carry it too, not only the HTML.
  rehypeFrenchTypography({ lang })(article)
  const leadText = plain([leadParagraph])
  const boxFacts = facts(box)
  return {
    record,
    lang,
    path,
    article,
    infobox: box,
    lead: leadParagraph,
    leadText,
    facts: boxFacts,
    unknownCitations: [...citations.unknown].sort(),
    data: {
      id: record.id,
      lang,
      slug: record.slug[lang],
      title: record.title[lang],
      lead: leadText,
      infobox: infoboxJson(box),
      facts: boxFacts,
      sections: record.sections.map((item, index) => ({
        id: item.id,
        heading: translator.t(`section.${item.id}`),
        status: statuses[index],
        lang: statuses[index] === 'missing' ? 'en' : lang,
        text: plain((sections[index]!.children as ElementContent[]).filter((child) => child.type === 'element' && child.tagName === 'div')),
      })),
      references: citations.ordered().map(({ reference, number }) => ({ number, ...reference, language: input.languageOf(reference.id) })),
      related: record.related.filter((id) => input.events.has(id)).map((id) => ({ id, title: input.events.get(id)!.title[lang], path: articlePath(input.events.get(id)!, lang) })),
    },
  }
}

function relatedEvents(translator: Translator, record: EventRecord, events: Map<string, EventRecord>, from: string): Element[] {
  const items = record.related.flatMap((id) => {
    const other = events.get(id)
    return other ? [element('li', {}, [element('a', { href: relativeHref(from, articlePath(other, translator.lang)) }, other.title[translator.lang])])] : []
  })
  if (items.length === 0) return []
  return [element('section', { ariaLabelledBy: ['section-related'] }, [element('h2', { id: 'section-related' }, translator.t('related.heading')), element('ul', {}, items)])]
}

export type { Entity }
