/**
 * The lead sentence, generated from the record in each language: when and
 * where, who fought whom, how it ended. Every word is a locale template;
 * this module only chooses templates and fills them with facts.
 */
import { h } from 'hastscript'
import type { Element } from 'hast'
import type { Entity, EventRecord, Side } from '../record/schema.ts'
import type { Translator } from './i18n.ts'
import { date } from './format.ts'
import { entityPhrase, titleAgreement, titleSubject, type EntityLookup, type Form } from './grammar.ts'
import { victors, type InfoboxContext } from './infobox.ts'
import { joinWith, list, render, text, type Nodes } from './template.ts'

export function lead(context: InfoboxContext, record: EventRecord): Element {
  const { translator: tr } = context
  const sentences = [when(context, record), sides(context, record), outcome(context, record)]
  return h('p', { className: ['lead'] }, sentences.flatMap((sentence, index) => (index === 0 ? sentence : [text(' '), ...sentence])))
}

function entities(lookup: EntityLookup, ids: readonly string[]): Entity[] {
  return ids.map((id) => lookup(id)).filter((entity) => entity !== undefined)
}

function when(context: InfoboxContext, record: EventRecord): Nodes {
  const { translator: tr, entity } = context
  const [first, ...within] = entities(entity, record.place.map((ref) => ref.entity))
  const place = first ? placePhrase(tr, first, within) : []
  const conflictEntity = entity(record.partOf.entity)
  const conflict = conflictEntity ? entityPhrase(tr, conflictEntity, 'def') : []
  const title = titleSubject(tr, record)
  const parts = { title, place, conflict }
  const plural = titleAgreement(tr, record)?.endsWith('plural') ? { context: 'plural' } : {}
  if (!record.date) return render(tr, 'lead.undated', parts, plural)
  if (record.date.end && record.date.end !== record.date.start) {
    return render(tr, 'lead.datedRange', { ...parts, start: date(tr, record.date.start), end: date(tr, record.date.end) }, plural)
  }
  return render(tr, 'lead.dated', { ...parts, date: date(tr, record.date.start) }, plural)
}

/** `in Soumpi, Mali` / `à Soumpi (Mali)`. */
function placePhrase(tr: Translator, first: Entity, within: Entity[]): Nodes {
  const place = entityPhrase(tr, first, 'in')
  if (within.length === 0) return place
  const names = within.map((entity) => entityPhrase(tr, entity, 'bare'))
  return render(tr, 'grammar.placeWithin', { place, within: joinWith(tr, names) })
}

function sidePhrase(tr: Translator, lookup: EntityLookup, side: Side, form: Form): Nodes {
  const belligerents = entities(lookup, side.belligerents.map((ref) => ref.entity))
  return list(tr.lang, belligerents.map((entity) => entityPhrase(tr, entity, form, { withShort: true })))
}

function sides(context: InfoboxContext, record: EventRecord): Nodes {
  const { translator: tr, entity } = context
  const [first, ...others] = record.sides
  const gender = titleAgreement(tr, record)
  return render(
    tr,
    'lead.sides',
    {
      first: sidePhrase(tr, entity, first!, 'def'),
      others: list(tr.lang, others.map((side) => sidePhrase(tr, entity, side, 'to'))),
    },
    gender ? { context: gender } : {},
  )
}

function outcome(context: InfoboxContext, record: EventRecord): Nodes {
  const { translator: tr } = context
  const { outcome: result, victors: winners } = record.result
  if ((result === 'victory' || result === 'repelled') && winners.length > 0) {
    const agreement = titleAgreement(tr, record)
    const form = result === 'victory' ? 'of' : 'def'
    const agreeWith = result === 'victory' ? agreement : agreement?.endsWith('plural') ? 'plural' : undefined
    return render(tr, `lead.result_${result}`, { victors: victors(context, winners, form) }, agreeWith ? { context: agreeWith } : {})
  }
  return render(tr, `lead.result_${result === 'inconclusive' ? 'inconclusive' : 'unknown'}`)
}
