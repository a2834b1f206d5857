/**
 * Entity names in running text. The words (`le`, `du`, `à la`, `the`) live in
 * the locale as `grammar.<form>_<context>` templates; this module only picks
 * the context from the glossary's gender and number (French) or from the
 * name's shape (English, whose glossary labels carry no article).
 */
import { h } from 'hastscript'
import type { Element } from 'hast'
import type { Entity, EntityLabel, EventRecord, Language } from '../record/schema.ts'
import type { Translator } from './i18n.ts'
import { render, type Nodes } from './template.ts'

/** bare: `Mali`; def: `le Mali`; of: `du Mali`; to: `au Mali`; in: `au Mali` / `à Soumpi`. */
export type Form = 'bare' | 'def' | 'of' | 'to' | 'in'

export type EntityLookup = (id: string) => Entity | undefined

export function lookup(entities: readonly Entity[]): EntityLookup {
  const byId = new Map(entities.map((entity) => [entity.id, entity]))
  return (id) => byId.get(id)
}

const FRENCH_VOWEL = /^[aeiouyàâäéèêëîïôöùûüœæ]/i

function frenchContext(form: Form, entity: Entity, label: EntityLabel): string | undefined {
  if (form === 'bare') return undefined
  // Towns take `à` without article; states take `au`, `en`, `aux`; a named area (`cercle de Ménaka`) takes `dans le`.
  if (form === 'in' && entity.type !== 'state') {
    if (!/^\p{Ll}/u.test(label.name)) return undefined
    if (label.number === 'plural') return 'within_plural'
    return FRENCH_VOWEL.test(label.name) ? 'within_elided' : `within_${label.gender ?? 'm'}`
  }
  if (!label.gender && !label.number) return form === 'of' && FRENCH_VOWEL.test(label.name) ? 'vowel' : undefined
  if (label.number === 'plural') return 'plural'
  if (FRENCH_VOWEL.test(label.name)) return 'elided'
  return label.gender
}

/**
 * English puts `the` before descriptive names (`the Coalition of the People of
 * Azawad`, `the Malian Armed Forces`, `the Mali War`) but not before proper
 * names (`Mali`, `Jama'at Nasr al-Islam wal Muslimin`, `Operation Barkhane`).
 */
function englishContext(form: Form, entity: Entity, label: EntityLabel): string | undefined {
  if (form === 'bare' || entity.type === 'person' || entity.type === 'place') return undefined
  if (entity.type === 'conflict') return 'the'
  if (/\b(of|for|the)\b/.test(label.name) || (entity.type === 'armed-force' && /s$/.test(label.name))) return 'the'
  return undefined
}

export function grammaticalContext(lang: Language, form: Form, entity: Entity): string | undefined {
  const label = entity[lang]
  return lang === 'fr' ? frenchContext(form, entity, label) : englishContext(form, entity, label)
}

/** An entity's name as an element carrying its id, for parity and styling. */
export function entityName(lang: Language, entity: Entity, variant: 'name' | 'short' = 'name'): Element {
  const label = entity[lang]
  const name = variant === 'short' ? (label.short ?? label.name) : label.name
  return h('span', { dataEntity: entity.id }, name)
}

/** `le Groupe de soutien à l'islam et aux musulmans (GSIM)`, `the Mali War`... */
export function entityPhrase(translator: Translator, entity: Entity, form: Form, options: { withShort?: boolean } = {}): Nodes {
  const label = entity[translator.lang]
  const name =
    options.withShort && label.short && label.short !== label.name
      ? render(translator, 'grammar.withShort', { name: label.name, short: label.short })
      : [{ type: 'text' as const, value: label.name }]
  const context = grammaticalContext(translator.lang, form, entity)
  return [h('span', { dataEntity: entity.id }, render(translator, `grammar.${form}`, { name }, context ? { context } : {}))]
}

/**
 * How the title's head noun agrees, from the locale's `titleNoun` table
 * (`attaque` f, `attaques` f plural, `raid` m), else from the event kind:
 * `f`, `m`, `f_plural`, `m_plural`, or undefined in English.
 */
export function titleAgreement(translator: Translator, record: EventRecord): string | undefined {
  const head = record.title[translator.lang].split(/\s/)[0]!.toLowerCase()
  if (translator.has(`titleNoun.${head}`)) {
    const value = translator.t(`titleNoun.${head}`)
    return value === 'n' ? undefined : value
  }
  return kindContext(translator, record.kind)
}

/** `L'attaque de Soumpi` / `The Soumpi attack`: the title as the subject of a sentence. */
export function titleSubject(translator: Translator, record: EventRecord): Nodes {
  const title = record.title[translator.lang]
  const agreement = titleAgreement(translator, record)
  // French titles start with a capitalized common noun (`Attaque de Soumpi`), lowercased after the article.
  const shown = agreement && /^\p{Lu}\p{Ll}/u.test(title) ? title[0]!.toLowerCase() + title.slice(1) : title
  const context = !agreement ? undefined : agreement.endsWith('plural') ? 'plural' : FRENCH_VOWEL.test(shown) ? 'elided' : agreement
  return render(translator, 'grammar.titleDef', { title: shown }, context ? { context } : {})
}

/** The grammatical gender of the event's kind (French `attaque` is feminine). */
export function kindContext(translator: Translator, kind: string): string | undefined {
  // Looked up by full key: with a context, i18next would fall back to the noun itself.
  if (!translator.has(`kind.${kind}_gender`)) return undefined
  return translator.t(`kind.${kind}_gender`)
}
