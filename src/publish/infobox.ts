/**
 * The infobox: the record's facts as a table, every label from the locale,
 * every value through Intl, every figure with the references that state it.
 * Disagreeing sources are shown as such (`17 or 18 injured`).
 */
import type { Element, ElementContent } from 'hast'
import { casualtyKinds, type Casualties, type Claim, type Entity, type EntityRef, type EventRecord, type Quantity, type Side } from '../record/schema.ts'
import type { Translator } from './i18n.ts'
import type { Citations } from './citations.ts'
import { count, dateSpan, pluralCount, timeSpan } from './format.ts'
import { entityName, entityPhrase, titleAgreement, type EntityLookup } from './grammar.ts'
import { element, interleave, joinWith, list, render, type Nodes } from './template.ts'
import { placeHierarchy } from './places.ts'
import { capitalizeCellStarts } from './capitalize.ts'

export interface InfoboxContext {
  translator: Translator
  citations: Citations
  entity: EntityLookup
}

export function infobox(context: InfoboxContext, record: EventRecord): Element {
  const { translator: tr } = context
  const columns = record.sides.length
  const row = (label: string, value: Nodes): Element =>
    element('tr', {}, [element('th', { scope: 'row' }, tr.t(label)), element('td', { colSpan: columns - 1 }, value)])
  const heading = (label: string): Element => element('tr', {}, [element('th', { scope: 'colgroup', colSpan: columns }, tr.t(label))])
  // Each side's cell carries its label, so that outputs without columns (Markdown, JSON) can say whose it is.
  // Asked once per infobox, when the first side row needs them (so a missing key is reported where it was).
  let sideLabels: string[] | undefined
  const perSide = (cell: (side: Side) => Nodes): Element => {
    sideLabels ??= record.sides.map((_, index) => tr.t('infobox.side', { number: index + 1 }))
    return element('tr', {}, record.sides.map((side, index) => element('td', { dataLabel: sideLabels![index]! }, cell(side))))
  }

  const rows: Element[] = [
    row('infobox.partOf', entityWithSources(context, record.partOf)),
    row('infobox.date', [...dateSpan(tr, record.date), ...context.citations.cite(record.date?.sources ?? [])]),
  ]
  if (record.date?.startTime) rows.push(row('infobox.time', timeSpan(tr, record.date)))
  rows.push(
    row('infobox.location', location(context, record)),
    row('infobox.result', [...result(context, record), ...context.citations.cite(record.result.sources)]),
    heading('infobox.belligerents'),
    perSide((side) => items(side.belligerents.map((ref) => entityWithSources(context, ref)))),
    heading('infobox.commanders'),
    perSide((side) => (side.commanders.length ? items(side.commanders.map((ref) => entityWithSources(context, ref))) : unknown(tr, 'commanders'))),
    heading('infobox.strength'),
    perSide((side) => (side.strength ? quantity(context, side.strength) : unknown(tr, 'strength'))),
    heading('infobox.casualties'),
    perSide((side) => casualties(context, side.casualties)),
  )
  for (const group of record.otherCasualties) {
    rows.push(element('tr', {}, [element('th', { scope: 'row' }, group.who[tr.lang]), element('td', { colSpan: columns - 1 }, casualties(context, group.casualties))]))
  }
  const table = element('table', { className: ['infobox'] }, [element('caption', {}, render(tr, 'infobox.caption', { title: record.title[tr.lang] })), element('tbody', {}, rows)])
  capitalizeCellStarts(table, { lang: tr.lang, cells: tr.lang === 'fr' })
  return table
}

/** `Boulikessi and Mondoro, Mali` / `Boulikessi et Mondoro (Mali)`: the sites, within the areas that contain them. */
function location(context: InfoboxContext, record: EventRecord): Nodes {
  const refs = new Map(record.place.map((ref) => [ref.entity, ref]))
  const places = record.place.map((ref) => context.entity(ref.entity)).filter((entity) => entity !== undefined)
  const { sites, areas } = placeHierarchy(places, context.entity)
  const named = (entities: Entity[]) => entities.map((entity) => entityWithSources(context, refs.get(entity.id)!))
  const place = list(context.translator.lang, named(sites))
  if (areas.length === 0) return place
  return render(context.translator, 'grammar.placeWithin', { place, within: joinWith(context.translator, named(areas)) })
}

function unknown(translator: Translator, what: string): Nodes {
  return render(translator, `infobox.unknown`, {}, { context: what })
}

function items(values: Nodes[]): Nodes {
  return values.length === 1 ? values[0]! : [element('ul', {}, values.map((value) => element('li', {}, value)))]
}

function entityWithSources(context: InfoboxContext, ref: EntityRef): Nodes {
  const entity = context.entity(ref.entity)
  // Unknown ids are reported by ingest's cross-check; show nothing rather than a raw id.
  if (!entity) return []
  return [entityName(context.translator.lang, entity), ...context.citations.cite(ref.sources)]
}

function result(context: InfoboxContext, record: EventRecord): Nodes {
  const { translator: tr } = context
  const { outcome } = record.result
  if (outcome === 'inconclusive' || outcome === 'unknown' || record.result.victors.length === 0) {
    return render(tr, `result.${outcome === 'inconclusive' ? 'inconclusive' : 'unknown'}`)
  }
  // `Attaques repoussées` agrees with a plural title; the locale defines the contexts it needs.
  const agreement = titleAgreement(tr, record)
  return render(tr, `result.${outcome}`, { victors: victors(context, record.result.victors, outcome === 'victory' ? 'of' : 'def') }, agreement ? { context: agreement } : {})
}

/** `JNIM–CPA` in English; `du GSIM et de la CPA` in French (the locale's joiner decides). */
export function victors(context: InfoboxContext, refs: readonly EntityRef[], form: 'of' | 'def'): Nodes {
  const { translator: tr } = context
  const entities = refs.map((ref) => context.entity(ref.entity)).filter((entity) => entity !== undefined)
  // `JNIM–CPA victory`: English joins the short names as one modifier; `repelled by Mali and France` is a list.
  const joiner = tr.t('result.victorJoiner')
  if (joiner && form === 'of') {
    const names = entities.map((entity) => [entityName(tr.lang, entity, 'short')])
    return interleave(names, () => ({ type: 'text', value: joiner }))
  }
  const phrases = entities.map((entity) => {
    const label = entity[tr.lang]
    const short = { ...entity, [tr.lang]: { ...label, name: label.short ?? label.name } }
    return entityPhrase(tr, short, form)
  })
  return list(tr.lang, phrases)
}

function casualties(context: InfoboxContext, losses: Casualties): Nodes {
  const lines = casualtyKinds.flatMap((kind) => {
    const figure = losses[kind]
    return figure ? [quantity(context, figure, kind)] : []
  })
  return lines.length ? items(lines) : unknown(context.translator, 'casualties')
}

/**
 * Distinct values stated by the claims, smallest first, each with its
 * sources, and with the attribution its claims agree on (none when they differ).
 */
export function statedValues(figure: Quantity): Array<{ claim: Claim; sources: string[]; attribution?: Claim['attribution'] }> {
  const byValue = new Map<string, { claim: Claim; sources: string[]; attributions: Set<string> }>()
  for (const claim of figure.claims) {
    const key = JSON.stringify(claim.value)
    const seen = byValue.get(key) ?? { claim, sources: [], attributions: new Set<string>() }
    byValue.set(key, seen)
    // `14` and `at least 14` state the same figure; the exact statement wins.
    if (claim.qualifier === 'exact') seen.claim = claim
    for (const source of claim.sources) if (!seen.sources.includes(source)) seen.sources.push(source)
    seen.attributions.add(JSON.stringify(claim.attribution ?? null))
  }
  const low = (claim: Claim) => (typeof claim.value === 'number' ? claim.value : claim.value.min)
  return [...byValue.values()]
    .sort((a, b) => low(a.claim) - low(b.claim))
    .map(({ claim, sources, attributions }) => {
      const agreed = attributions.size === 1 ? (JSON.parse([...attributions][0]!) as Claim['attribution'] | null) : null
      return agreed ? { claim, sources, attribution: agreed } : { claim, sources }
    })
}

/** `17 (selon l'armée malienne)`: a value with who stated it, when the record says. */
function attributed(translator: Translator, value: Nodes, attribution: Claim['attribution']): Nodes {
  return attribution ? render(translator, 'claim.attributed', { value, who: attribution[translator.lang] }) : value
}

/**
 * A figure with its sources. Contested figures list every stated value, each
 * with who stated it and its references (`17 (according to …) or 18
 * (according to the Malian army) injured`): the attribution is what lets a
 * reader weigh two numbers. An uncontested figure gets its attribution after
 * the phrase (`6 vehicles lost (according to JNIM)`).
 */
export function quantity(context: InfoboxContext, figure: Quantity, noun?: (typeof casualtyKinds)[number]): Nodes {
  const { translator: tr, citations } = context
  const stated = statedValues(figure)
  const contested = stated.length > 1
  const value: Nodes = contested
    ? list(
        tr.lang,
        stated.map(({ claim, sources, attribution }) => [...attributed(tr, count(tr, claim.value, claim.qualifier), attribution), ...citations.cite(sources)]),
        'disjunction',
      )
    : count(tr, figure.value, figure.qualifier)
  const phrase = noun ? render(tr, `casualty.${noun}`, { value }, { count: pluralCount(figure.value) }) : value
  if (contested) return phrase
  return [...attributed(tr, phrase, stated.length === 1 ? stated[0]!.attribution : undefined), ...citations.cite(stated.flatMap(({ sources }) => sources))]
}
