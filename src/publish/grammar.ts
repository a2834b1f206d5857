/**
 * Entity names in running text. The words (`le`, `du`, `à la`, `the`) live in
 * the locale as `grammar.<form>_<context>` templates; this module only picks
 * the context from the glossary's article flag, gender and number.
 */
import type { Element } from 'hast'
import type { Entity, EntityLabel, EventRecord, Language } from '../record/schema.ts'
import type { Translator } from './i18n.ts'
import { element, render, type Nodes } from './template.ts'

/** bare: `Mali`; def: `le Mali`; of: `du Mali`; to: `au Mali`; in: `au Mali` / `à Soumpi`. */
export type Form = 'bare' | 'def' | 'of' | 'to' | 'in'

export type EntityLookup = (id: string) => Entity | undefined

export function lookup(entities: readonly Entity[]): EntityLookup {
  const byId = new Map(entities.map((entity) => [entity.id, entity]))
  return (id) => byId.get(id)
}

const FRENCH_VOWEL = /^[aeiouyàâäéèêëîïôöùûüœæ]/i

/**
 * Entity types whose names take the definite article in running text when the
 * glossary label does not say (`article`). Names are too varied to guess from
 * their shape (`Ansarul Islam` but `the Movement for the Salvation of
 * Azawad`): the glossary sets `article` wherever the type is not enough.
 */
const ARTICLE_BY_TYPE: Record<Language, ReadonlySet<Entity['type']>> = {
  en: new Set(['conflict', 'armed-force', 'organization', 'group']),
  fr: new Set(['conflict', 'armed-force', 'organization', 'group', 'operation', 'state']),
}

/** Whether the name takes the definite article: the glossary's flag, else its type (and, in French, a common noun's lowercase initial). */
export function takesArticle(lang: Language, entity: Entity): boolean {
  const label = entity[lang]
  if (label.article !== undefined) return label.article
  // French capitalizes proper names only: `région de Kidal`, `opération Barkhane` are common nouns.
  if (lang === 'fr' && /^\p{Ll}/u.test(label.name)) return true
  return ARTICLE_BY_TYPE[lang].has(entity.type)
}

function frenchContext(form: Form, entity: Entity, label: EntityLabel): string | undefined {
  if (form === 'bare') return undefined
  const article = takesArticle('fr', entity)
  // Towns take `à` without article; states take `au`, `en`, `aux`; a named area (`cercle de Ménaka`) takes `dans le`.
  if (form === 'in' && entity.type !== 'state') {
    if (!article) return undefined
    if (label.number === 'plural') return 'within_plural'
    return FRENCH_VOWEL.test(label.name) ? 'within_elided' : `within_${label.gender ?? 'm'}`
  }
  if (!article || (!label.gender && !label.number)) return form === 'of' && FRENCH_VOWEL.test(label.name) ? 'vowel' : undefined
  if (label.number === 'plural') return 'plural'
  if (FRENCH_VOWEL.test(label.name)) return 'elided'
  return label.gender
}

/** English: `the Mali War`, `the Movement for the Salvation of Azawad`, but `Mali`, `Ansarul Islam`, `Operation Barkhane`. */
function englishContext(form: Form, entity: Entity): string | undefined {
  return form !== 'bare' && takesArticle('en', entity) ? 'the' : undefined
}

/**
 * Contexts per glossary entity, language and form: a page names the same
 * few entities in its infobox, lead and result, and each answer takes
 * Unicode regular expressions over the name. The glossary is read once per
 * build and not changed after, so an entity's contexts are fixed; the set
 * is bounded by the glossary (times 2 languages × 5 forms).
 */
const contexts = new WeakMap<Entity, Map<string, string | undefined>>()

export function grammaticalContext(lang: Language, form: Form, entity: Entity): string | undefined {
  let known = contexts.get(entity)
  if (!known) contexts.set(entity, (known = new Map()))
  const key = `${lang} ${form}`
  if (known.has(key)) return known.get(key)
  const label = entity[lang]
  const context = lang === 'fr' ? frenchContext(form, entity, label) : englishContext(form, entity)
  known.set(key, context)
  return context
}

/** An entity's name as an element carrying its id, for parity and styling. */
export function entityName(lang: Language, entity: Entity, variant: 'name' | 'short' = 'name'): Element {
  const label = entity[lang]
  const name = variant === 'short' ? (label.short ?? label.name) : label.name
  return element('span', { dataEntity: entity.id }, name)
}

/** `le Groupe de soutien à l'islam et aux musulmans (GSIM)`, `the Mali War`... */
export function entityPhrase(translator: Translator, entity: Entity, form: Form, options: { withShort?: boolean } = {}): Nodes {
  const label = entity[translator.lang]
  const name =
    options.withShort && label.short && label.short !== label.name
      ? render(translator, 'grammar.withShort', { name: label.name, short: label.short })
      : [{ type: 'text' as const, value: label.name }]
  const context = grammaticalContext(translator.lang, form, entity)
  return [element('span', { dataEntity: entity.id }, render(translator, `grammar.${form}`, { name }, context ? { context } : {}))]
}

/** The title without its disambiguator: `Attaque d'Aguelhok (2019)` → `Attaque d'Aguelhok`. */
export function runningTitle(title: string): string {
  return title.replace(/\s*\([^()]*\)$/, '')
}

/**
 * How the title's head noun agrees, from the locale's `titleNoun` table
 * (French `attaque` f, `attaques` f_plural, `raid` m; English `attacks`
 * plural), else from the event kind: `f`, `m`, `f_plural`, `m_plural`,
 * `plural`, or undefined. The head noun is the first word of the title found
 * in the table (French puts it first, English often last: `Soumpi attack`).
 */
export function titleAgreement(translator: Translator, record: EventRecord): string | undefined {
  let byRecord = agreements.get(translator)
  if (!byRecord) agreements.set(translator, (byRecord = new WeakMap()))
  const title = record.title[translator.lang]
  const kept = byRecord.get(record)
  if (kept && kept.title === title && kept.kind === record.kind) return kept.agreement
  const agreement = headAgreement(translator, record)
  byRecord.set(record, { title, kind: record.kind, agreement })
  return agreement
}

/**
 * Agreements per translator and record: an article asks for its title's in
 * the infobox result and in each sentence of the lead, each time looking up
 * every word of the title. Kept by record (so the memo lives as long as the
 * records do) with the title and kind it was read from, which a hit must match.
 */
const agreements = new WeakMap<Translator, WeakMap<EventRecord, { title: string; kind: string; agreement: string | undefined }>>()

function headAgreement(translator: Translator, record: EventRecord): string | undefined {
  const words = runningTitle(record.title[translator.lang]).toLowerCase().split(/\s+/)
  const head = words.find((word) => translator.has(`titleNoun.${word}`))
  if (head) {
    const value = translator.t(`titleNoun.${head}`)
    return value === 'n' ? undefined : value
  }
  return kindContext(translator, record.kind)
}

/** `L'attaque de Soumpi` / `The Soumpi attack`: the title as the subject of a sentence, without its disambiguator. */
export function titleSubject(translator: Translator, record: EventRecord): Nodes {
  const title = runningTitle(record.title[translator.lang])
  const agreement = titleAgreement(translator, record)
  // French titles start with a capitalized common noun (`Attaque de Soumpi`), lowercased after the article;
  // English titles keep their capitals (`the Battle of Bamba`).
  const shown = translator.lang === 'fr' && agreement && /^\p{Lu}\p{Ll}/u.test(title) ? title[0]!.toLowerCase() + title.slice(1) : title
  const context = !agreement ? undefined : agreement.endsWith('plural') ? 'plural' : FRENCH_VOWEL.test(shown) ? 'elided' : agreement
  return render(translator, 'grammar.titleDef', { title: shown }, context ? { context } : {})
}

/** The grammatical gender of the event's kind (French `attaque` is feminine). */
export function kindContext(translator: Translator, kind: string): string | undefined {
  // Looked up by full key: with a context, i18next would fall back to the noun itself.
  if (!translator.has(`kind.${kind}_gender`)) return undefined
  return translator.t(`kind.${kind}_gender`)
}
