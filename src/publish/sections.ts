/**
 * The prose sections. Markdown goes through remark → rehype → sanitize, then
 * `[@id]` citations become links. A French section whose English original
 * changed since translation carries a notice; a missing one shows the
 * English text marked `lang="en"` with a notice: never a hole in the page.
 */
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import rehypeSanitize from 'rehype-sanitize'
import { h } from 'hastscript'
import type { Element, ElementContent, Root } from 'hast'
import type { Language, Section } from '../record/schema.ts'
import { contentHash } from '../record/hash.ts'
import type { Translator } from './i18n.ts'
import { rehypeCitations, type Citations } from './citations.ts'
import rehypeForeignSpans from './foreign.ts'

export type SectionStatus = 'original' | 'translated' | 'stale' | 'missing'

export function sectionStatus(section: Section, lang: Language): SectionStatus {
  if (lang === 'en') return 'original'
  if (!section.fr) return 'missing'
  return section.fr.translates === contentHash(section.en.text) ? 'translated' : 'stale'
}

/**
 * Markdown → sanitized hast with foreign spans marked, one frozen processor
 * per prose language: building one attaches and configures every plugin,
 * work that was repeated for each section of each page.
 */
const processors = new Map<Language, ReturnType<typeof proseProcessor>>()

function proseProcessor(lang: Language) {
  return unified().use(remarkParse).use(remarkRehype).use(rehypeSanitize).use(rehypeForeignSpans, { lang }).freeze()
}

/** @param lang the language the prose is written in: sentences in another one get a `lang` span */
export function prose(markdown: string, citations: Citations, lang: Language = 'en'): ElementContent[] {
  let processor = processors.get(lang)
  if (!processor) processors.set(lang, (processor = proseProcessor(lang)))
  const tree = processor.runSync(processor.parse(markdown)) as Root
  // Citations last, as the final plugin was: they belong to this page's numbering, not to the shared processor.
  rehypeCitations({ citations })(tree)
  return tree.children.filter((node): node is ElementContent => node.type !== 'doctype')
}

/** @param status the section's status in the translator's language, when the caller has it already (it hashes the English text) */
export function section(translator: Translator, citations: Citations, item: Section, status = sectionStatus(item, translator.lang)): Element {
  const headingId = `section-${item.id}`
  const heading = h('h2', { id: headingId }, translator.t(`section.${item.id}`))
  const children: ElementContent[] = [heading]
  if (status === 'stale') children.push(notice(translator.t('section.staleNotice')))
  if (status === 'missing') children.push(notice(translator.t('section.missingNotice')))
  const english = status === 'missing' || translator.lang === 'en'
  const body = prose(english ? item.en.text : item.fr!.text, citations, english ? 'en' : 'fr')
  children.push(status === 'missing' ? h('div', { lang: 'en' }, body) : h('div', body))
  return h('section', { ariaLabelledBy: headingId, dataStatus: status }, children)
}

function notice(message: string): Element {
  return h('p', { className: ['notice'], role: 'note' }, message)
}
