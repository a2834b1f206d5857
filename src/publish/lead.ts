/**
 * The lead sentence, generated from the record in each language: when and
 * where, who fought whom, how it ended. Every word is a locale template;
 * this module only chooses templates and fills them with facts.
 */
import type { Element } from 'hast'
import type { Entity, EventRecord, Side } from '../record/schema.ts'
import type { Translator } from './i18n.ts'
import { date, dateRange } from './format.ts'
import { placeHierarchy, type PlaceHierarchy } from './places.ts'
import { entityPhrase, titleAgreement, titleSubject, type EntityLookup, type Form } from './grammar.ts'
import { victors, type InfoboxContext } from './infobox.ts'
import { element, interleave, joinWith, list, render, text, type Nodes } from './template.ts'

export function lead(context: InfoboxContext, record: EventRecord): Element {
  const sentences = [when(context, record), sides(context, record), outcome(context, record)]
  return element('p', { className: ['lead'] }, interleave(sentences, () => text(' ')))
}

function entities(lookup: EntityLookup, ids: readonly string[]): Entity[] {
  return ids.map((id) => lookup(id)).filter((entity) => entity !== undefined)
}

function when(context: InfoboxContext, record: EventRecord): Nodes {
  const { translator: tr, entity } = context
  const place = placePhrase(tr, placeHierarchy(entities(entity, record.place.map((ref) => ref.entity)), entity))
  const conflictEntity = entity(record.partOf.entity)
  const conflict = conflictEntity ? entityPhrase(tr, conflictEntity, 'def') : []
  const title = titleSubject(tr, record)
  const parts = { title, place, conflict }
  const plural = titleAgreement(tr, record)?.endsWith('plural') ? { context: 'plural' } : {}
  if (!record.date) return render(tr, 'lead.undated', parts, plural)
  if (record.date.end && record.date.end !== record.date.start) {
    return render(tr, 'lead.datedRange', { ...parts, dates: dateRange(tr, record.date.start, record.date.end, 'prose') }, plural)
  }
  return render(tr, 'lead.dated', { ...parts, date: date(tr, record.date.start) }, plural)
}

/** `in Boulikessi and Mondoro, Mali` / `à Boulikessi et à Mondoro (Mali)`. */
function placePhrase(tr: Translator, { sites, areas }: PlaceHierarchy): Nodes {
  if (sites.length === 0) return []
  // French repeats the preposition before each site (`à Boulikessi et à Mondoro`), English does not: the locale says which form a site takes.
  const form = siteForm(tr)
  const place = render(tr, 'grammar.sites', { sites: list(tr.lang, sites.map((site) => entityPhrase(tr, site, form))) })
  if (areas.length === 0) return place
  return render(tr, 'grammar.placeWithin', { place, within: joinWith(tr, areas.map((area) => entityPhrase(tr, area, 'bare'))) })
}

const FORMS: readonly Form[] = ['bare', 'def', 'of', 'to', 'in']

function siteForm(tr: Translator): Form {
  const form = tr.t('grammar.siteForm') as Form
  return FORMS.includes(form) ? form : 'in'
}

function belligerents(lookup: EntityLookup, sides: readonly Side[]): Entity[] {
  return entities(lookup, sides.flatMap((side) => side.belligerents.map((ref) => ref.entity)))
}

/** `It pitted A against B, C and D`: every side after the first is an opponent, all in one list. */
function sides(context: InfoboxContext, record: EventRecord): Nodes {
  const { translator: tr, entity } = context
  const [first, ...others] = record.sides
  const phrases = (named: Entity[], form: Form) => list(tr.lang, named.map((item) => entityPhrase(tr, item, form, { withShort: true })))
  const agreement = titleAgreement(tr, record)
  return render(
    tr,
    'lead.sides',
    { first: phrases(belligerents(entity, [first!]), 'def'), others: phrases(belligerents(entity, others), 'to') },
    agreement ? { context: agreement } : {},
  )
}

function outcome(context: InfoboxContext, record: EventRecord): Nodes {
  const { translator: tr } = context
  const { outcome: result, victors: winners } = record.result
  if ((result === 'victory' || result === 'repelled') && winners.length > 0) {
    const agreement = titleAgreement(tr, record)
    return render(tr, `lead.result_${result}`, { victors: victors(context, winners, result === 'victory' ? 'of' : 'def') }, agreement ? { context: agreement } : {})
  }
  return render(tr, `lead.result_${result === 'inconclusive' ? 'inconclusive' : 'unknown'}`)
}
