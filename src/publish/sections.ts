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
import type { Element, ElementContent, Root } from 'hast'
import type { Language, Section } from '../record/schema.ts'
import { contentHash } from '../record/hash.ts'
import type { Translator } from './i18n.ts'
import { rehypeCitations, type Citations } from './citations.ts'
import rehypeForeignSpans from './foreign.ts'
import { element } from './template.ts'

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

/** The foreign-span pass alone, per language, for prose that skips the processor. */
const foreignPasses = new Map<Language, ReturnType<typeof rehypeForeignSpans>>()

/** @param lang the language the prose is written in: sentences in another one get a `lang` span */
export function prose(markdown: string, citations: Citations, lang: Language = 'en'): ElementContent[] {
  const tree = plainProse(markdown, lang) ?? processedProse(markdown, lang)
  // Citations last, as the final plugin was: they belong to this page's numbering, not to the shared processor.
  rehypeCitations({ citations })(tree)
  return tree.children.filter((node): node is ElementContent => node.type !== 'doctype')
}

function processedProse(markdown: string, lang: Language): Root {
  let processor = processors.get(lang)
  if (!processor) processors.set(lang, (processor = proseProcessor(lang)))
  return processor.runSync(processor.parse(markdown)) as Root
}

/** Prose that is plain paragraphs, as the processor would leave it (foreign spans marked); undefined for any other Markdown. */
function plainProse(markdown: string, lang: Language): Root | undefined {
  const children = plainParagraphs(markdown)
  if (!children) return undefined
  let foreign = foreignPasses.get(lang)
  if (!foreign) foreignPasses.set(lang, (foreign = rehypeForeignSpans({ lang })))
  const tree: Root = { type: 'root', children }
  foreign(tree)
  return tree
}

/**
 * Anywhere in the text, what could start inline syntax (escapes, code,
 * emphasis, HTML and autolinks, entities, links and definitions, which need
 * `](` or `]:`; a bracket alone, as in `[@id]`, stays text) or that the
 * parser rewrites (control characters, tabs, CR, a byte order mark).
 */
const INLINE_SYNTAX = /[\\`*_<>&~|\u0000-\u0009\u000b-\u001f\ufeff]|\](?:\(|:)/
/**
 * Per line, what could open a block (heading, list item, setext underline,
 * indented code) or be trimmed by the parser (space at either end).
 */
const BLOCK_SYNTAX = /^(?:[#+=-]|[^\S\n]|\d+[.)])|[^\S\n]$/m

/**
 * The hast that remark-parse → remark-rehype → rehype-sanitize give for
 * Markdown that is only paragraphs of plain text, positions included, or
 * undefined when the text holds anything else (then the processor decides).
 * Most prose is such paragraphs, and parsing it cost more than a third of
 * rendering a page. Equivalence with the processor is tested on the bundled
 * sources and on random Markdown (tests/publish/plain-prose.test.ts).
 */
export function plainParagraphs(markdown: string): Root['children'] | undefined {
  if (INLINE_SYNTAX.test(markdown) || BLOCK_SYNTAX.test(markdown)) return undefined
  const children: Root['children'] = []
  const lines = markdown.split('\n')
  let offset = 0
  let first = -1
  let firstOffset = 0
  for (let index = 0; index <= lines.length; index++) {
    const line = lines[index]
    if (line) {
      if (first < 0) [first, firstOffset] = [index, offset]
    } else if (first >= 0) {
      // Paragraphs are separated by a line break text node, as remark-rehype wraps block content.
      if (children.length > 0) children.push({ type: 'text', value: '\n' })
      const last = lines[index - 1]!
      const start = { line: first + 1, column: 1, offset: firstOffset }
      const end = { line: index, column: last.length + 1, offset: offset - 1 }
      const value = lines.slice(first, index).join('\n')
      children.push({
        type: 'element',
        tagName: 'p',
        properties: {},
        children: [{ type: 'text', value, position: { start: { ...start }, end: { ...end } } }],
        position: { start, end },
      })
      first = -1
    }
    offset += (line?.length ?? 0) + 1
  }
  return children
}

/** @param status the section's status in the translator's language, when the caller has it already (it hashes the English text) */
export function section(translator: Translator, citations: Citations, item: Section, status = sectionStatus(item, translator.lang)): Element {
  const headingId = `section-${item.id}`
  const heading = element('h2', { id: headingId }, translator.t(`section.${item.id}`))
  const children: ElementContent[] = [heading]
  if (status === 'stale') children.push(notice(translator.t('section.staleNotice')))
  if (status === 'missing') children.push(notice(translator.t('section.missingNotice')))
  const english = status === 'missing' || translator.lang === 'en'
  const body = prose(english ? item.en.text : item.fr!.text, citations, english ? 'en' : 'fr')
  children.push(element('div', status === 'missing' ? { lang: 'en' } : {}, body))
  // In hast's form, as h gives it: `aria-labelledby` is a list of ids.
  return element('section', { ariaLabelledBy: [headingId], dataStatus: status }, children)
}

function notice(message: string): Element {
  return element('p', { className: ['notice'], role: 'note' }, message)
}
