/**
 * The whole site from a loaded corpus: both articles of every event, the
 * per-language index pages, a root language chooser, the sitemap and the
 * feeds, as a map of output paths to contents. Nothing is written here;
 * problems (missing translations, parity gaps, unknown citations) become
 * positioned messages on the files they concern.
 */
import { h } from 'hastscript'
import type { Element, ElementContent } from 'hast'
import type { VFile } from 'vfile'
import { languages, type EventRecord, type Language } from '../record/schema.ts'
import type { Corpus } from '../ingest/corpus.ts'
import { positionAt } from '../ingest/yaml.ts'
import { error } from '../diagnostics/index.ts'
import type { Locales, Translator } from './i18n.ts'
import { renderArticle, type RenderedArticle } from './article.ts'
import { parityGaps } from './parity.ts'
import { referenceLanguages } from './languages.ts'
import { toDocument, type Alternate } from './page.ts'
import { articleJsonLd } from './jsonld.ts'
import { atom, sitemap, type SitemapEntry } from './feeds.ts'
import { articleMarkdown } from './markdown.ts'
import { date } from './format.ts'
import { lookup } from './grammar.ts'
import { absolute, articlePath, feedPath, indexPath, relativeHref } from './urls.ts'
import { element, render } from './template.ts'
import type { Outputs } from './write.ts'

export interface SiteOptions {
  baseUrl: string
}

/** Events by date, undated last, then by id: the order of index pages and feeds. */
export function chronological(records: readonly EventRecord[]): EventRecord[] {
  return [...records].sort((a, b) => {
    if (a.date && b.date && a.date.start !== b.date.start) return a.date.start < b.date.start ? -1 : 1
    if (!a.date !== !b.date) return a.date ? -1 : 1
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  })
}

/** The newest date the record states (event dates, publication and retrieval of its sources). */
export function lastModified(record: EventRecord): string {
  // The greatest string as `sort().at(-1)` finds it, without the arrays: the feeds and the sitemap ask for every event.
  let newest: string | undefined
  const consider = (value: string | undefined) => {
    if (value && (newest === undefined || value > newest)) newest = value
  }
  consider(record.date?.start)
  consider(record.date?.end)
  for (const reference of record.references) (consider(reference.published), consider(reference.retrieved))
  // A record with no date at all gets the epoch: a fixed value keeps builds byte-identical.
  return newest ?? '1970-01-01'
}

/** What rendering one event needs beside its own record. */
export interface EventContext {
  locales: Locales
  glossary: Corpus['glossary']
  baseUrl: string
  /** Records by id, for related-event links (only the related ones are needed). */
  events: Map<string, EventRecord>
  /** BCP 47 language of a reference, by `recordId/referenceId`. */
  referenceLanguage: Map<string, string>
}

/** One event's pages in both languages, and the plain-text leads the feeds quote. */
export interface EventPages {
  outputs: Array<[path: string, content: string]>
  leads: Record<Language, string>
  pair: Record<Language, RenderedArticle>
}

export function publishSite(corpus: Corpus, locales: Locales, options: SiteOptions): { outputs: Outputs; files: VFile[] } {
  const outputs: Outputs = new Map()
  const records = corpus.events.map((event) => event.record)
  const context: EventContext = {
    locales,
    glossary: corpus.glossary,
    baseUrl: options.baseUrl,
    events: new Map(records.map((record) => [record.id, record])),
    referenceLanguage: referenceLanguages(records),
  }
  const leads = new Map<string, Record<Language, string>>()
  for (const event of corpus.events) {
    const pages = eventPages(event.record, context)
    reportProblems(event.source, pages.pair)
    leads.set(event.record.id, pages.leads)
    for (const [path, content] of pages.outputs) outputs.set(path, content)
  }
  for (const [path, content] of sitePages(records, leads, locales, options)) outputs.set(path, content)
  return { outputs, files: [...corpus.files, ...Object.values(locales.files)] }
}

/** Both articles of one event: HTML page, Markdown and JSON per language. */
export function eventPages(record: EventRecord, context: EventContext): EventPages {
  const { locales, glossary } = context
  const entity = lookup(glossary.entities)
  const url = (path: string) => absolute(context.baseUrl, path)
  const alternates: Alternate[] = [
    ...languages.map((lang) => ({ hreflang: lang, href: url(articlePath(record, lang)) })),
    { hreflang: 'x-default', href: url(articlePath(record, 'en')) },
  ]
  const pair = {} as Record<Language, RenderedArticle>
  const referenceLanguage = new Map(record.references.map((reference) => [reference.id, context.referenceLanguage.get(`${record.id}/${reference.id}`) ?? 'und']))
  for (const lang of languages) {
    pair[lang] = renderArticle({
      record,
      translator: locales.translators[lang],
      glossary,
      events: context.events,
      languageOf: (id) => referenceLanguage.get(id) ?? 'und',
      entity,
    })
  }
  const modified = lastModified(record)
  const outputs: EventPages['outputs'] = []
  const leads = {} as Record<Language, string>
  for (const lang of languages) {
    const article = pair[lang]
    const translator = locales.translators[lang]
    const other = languages.find((candidate) => candidate !== lang)!
    const description = article.leadText
    leads[lang] = description
    const jsonLd = articleJsonLd({
      record,
      lang,
      url: url(article.path),
      description,
      modified,
      place: record.place.map((ref) => entity(ref.entity)).filter((value) => value !== undefined),
      participants: record.sides.flatMap((side) => side.belligerents.map((ref) => entity(ref.entity))).filter((value) => value !== undefined),
      siteName: translator.t('site.name'),
    })
    outputs.push([
      `${article.path}index.html`,
      toDocument({
        lang,
        title: `${record.title[lang]} – ${translator.t('site.name')}`,
        description,
        canonical: url(article.path),
        alternates,
        feed: { title: translator.t('site.feedTitle'), href: relativeHref(article.path, feedPath(lang)) },
        jsonLd,
        body: chrome(translator, locales.translators[other], article.path, articlePath(record, other), [article.article]),
        typographed: new Set([article.article]),
      }),
    ])
    outputs.push([`${article.path}index.md`, articleMarkdown(article.article)])
    outputs.push([`${article.path}index.json`, JSON.stringify({ ...article.data, url: url(article.path), alternates, modified }, null, 2) + '\n'])
  }
  return { outputs, leads, pair }
}

/**
 * The pages about all events that quote no lead (indexes, root language
 * chooser, sitemap): a build makes them while the workers still render the
 * events whose leads the feeds need.
 */
export interface LeadFreePages {
  ordered: EventRecord[]
  indexes: Record<Language, string>
  root: string
  sitemap: string
}

export function leadFreePages(records: readonly EventRecord[], locales: Locales, options: SiteOptions): LeadFreePages {
  const url = (path: string) => absolute(options.baseUrl, path)
  const ordered = chronological(records)
  const indexes = {} as Record<Language, string>
  for (const lang of languages) {
    const other = languages.find((candidate) => candidate !== lang)!
    indexes[lang] = indexPage(locales.translators[lang], locales.translators[other], ordered, url)
  }
  return { ordered, indexes, root: rootPage(locales, url), sitemap: sitemap(sitemapEntries(ordered, url)) }
}

/** The pages about all events: per-language indexes and feeds, the root language chooser and the sitemap. */
export function sitePages(
  records: readonly EventRecord[],
  leads: ReadonlyMap<string, Record<Language, string>>,
  locales: Locales,
  options: SiteOptions,
  leadFree: LeadFreePages = leadFreePages(records, locales, options),
): Array<[string, string]> {
  const pages: Array<[string, string]> = []
  const url = (path: string) => absolute(options.baseUrl, path)
  const { ordered } = leadFree
  for (const lang of languages) {
    const translator = locales.translators[lang]
    pages.push([`${indexPath(lang)}index.html`, leadFree.indexes[lang]])
    const newestFirst = [...ordered.filter((record) => record.date)].reverse().concat(ordered.filter((record) => !record.date))
    pages.push([
      feedPath(lang),
      atom({
        lang,
        title: translator.t('site.feedTitle'),
        selfUrl: url(feedPath(lang)),
        siteUrl: url(indexPath(lang)),
        author: translator.t('site.name'),
        entries: newestFirst.map((record) => ({
          title: record.title[lang],
          url: url(articlePath(record, lang)),
          updated: lastModified(record),
          summary: leads.get(record.id)![lang],
        })),
      }),
    ])
  }
  pages.push(['index.html', leadFree.root])
  pages.push(['sitemap.xml', leadFree.sitemap])
  return pages
}

export function reportProblems(source: Corpus['events'][number]['source'], pair: Record<Language, RenderedArticle>) {
  for (const gap of parityGaps({ lang: 'en', facts: pair.en.facts }, { lang: 'fr', facts: pair.fr.facts })) {
    error(source.file, `Fact parity: the ${gap.presentIn} infobox states \`${gap.fact}\` but the ${gap.missingIn} infobox does not`, {
      place: positionAt(source, ['id']),
      ruleId: 'fact-parity',
      hint: `check the ${gap.missingIn} templates in locales/${gap.missingIn}/publish.json and the record's values`,
    })
  }
  const sections = pair.en.record.sections
  for (const id of new Set([...pair.en.unknownCitations, ...pair.fr.unknownCitations])) {
    const index = sections.findIndex((item) => item.en.text.includes(`@${id}`) || item.fr?.text.includes(`@${id}`))
    error(source.file, `Prose cites \`[@${id}]\`, which is not in \`references\``, {
      place: positionAt(source, index >= 0 ? ['sections', index] : ['sections']),
      ruleId: 'missing-reference',
      hint: 'add the reference to the record or fix the id',
    })
  }
}

/** Skip link, language switcher and navigation around the page content (built as `h` builds them, without its schema lookups: twice per event). */
function chrome(translator: Translator, otherTranslator: Translator, from: string, otherPath: string, content: ElementContent[]): ElementContent[] {
  return [
    element('a', { className: ['skip'], href: '#content' }, translator.t('site.skipToContent')),
    element('header', {}, [
      element('nav', { ariaLabel: translator.t('site.navigation') }, [
        element('a', { href: relativeHref(from, indexPath(translator.lang)) }, translator.t('site.allEvents')),
        element('a', { href: relativeHref(from, otherPath), hrefLang: otherTranslator.lang, lang: otherTranslator.lang, rel: ['alternate'] }, otherTranslator.t('site.switchTo')),
      ]),
    ]),
    element('main', { id: 'content' }, content),
    element('footer', {}, [element('p', {}, translator.t('footer.source'))]),
  ]
}

function indexPage(translator: Translator, otherTranslator: Translator, ordered: EventRecord[], url: (path: string) => string): string {
  const lang = translator.lang
  const from = indexPath(lang)
  const items = ordered.map((record) =>
    h(
      'li',
      render(translator, 'site.eventItem', {
        title: h('a', { href: relativeHref(from, articlePath(record, lang)) }, record.title[lang]),
        date: record.date ? [date(translator, record.date.start)] : translator.t('site.undated'),
      }),
    ),
  )
  const content = [h('h1', translator.t('site.eventsTitle')), h('p', translator.t('site.eventsIntro')), h('ul', { className: ['events'] }, items)]
  return toDocument({
    lang,
    title: `${translator.t('site.eventsTitle')} – ${translator.t('site.name')}`,
    description: translator.t('site.eventsIntro'),
    canonical: url(from),
    alternates: [...languages.map((code) => ({ hreflang: code, href: url(indexPath(code)) })), { hreflang: 'x-default', href: url('') }],
    feed: { title: translator.t('site.feedTitle'), href: relativeHref(from, feedPath(lang)) },
    body: chrome(translator, otherTranslator, from, indexPath(otherTranslator.lang), content),
  })
}

/** The x-default page: the site's name and one link per language, each in its own language. */
function rootPage(locales: Locales, url: (path: string) => string): string {
  const en = locales.translators.en
  const links = languages.map((lang) =>
    h('li', [h('a', { href: indexPath(lang), hrefLang: lang, lang }, locales.translators[lang].t('site.languageName'))]),
  )
  return toDocument({
    lang: 'en',
    title: en.t('site.name'),
    description: en.t('site.eventsIntro'),
    canonical: url(''),
    alternates: [...languages.map((code) => ({ hreflang: code, href: url(indexPath(code)) })), { hreflang: 'x-default', href: url('') }],
    body: [
      h('main', { id: 'content' }, [
        h('h1', en.t('site.name')),
        h('nav', { ariaLabel: `${en.t('site.chooseLanguage')} / ${locales.translators.fr.t('site.chooseLanguage')}` }, [h('ul', links)]),
      ]),
    ],
  })
}

function sitemapEntries(ordered: EventRecord[], url: (path: string) => string): SitemapEntry[] {
  const indexAlternates = [...languages.map((code) => ({ hreflang: code, href: url(indexPath(code)) })), { hreflang: 'x-default', href: url('') }]
  const entries: SitemapEntry[] = [{ loc: url(''), alternates: indexAlternates }]
  for (const lang of languages) entries.push({ loc: url(indexPath(lang)), alternates: indexAlternates })
  for (const record of ordered) {
    const alternates = [...languages.map((code) => ({ hreflang: code, href: url(articlePath(record, code)) })), { hreflang: 'x-default', href: url(articlePath(record, 'en')) }]
    for (const lang of languages) entries.push({ loc: url(articlePath(record, lang)), lastmod: lastModified(record), alternates })
  }
  return entries
}

