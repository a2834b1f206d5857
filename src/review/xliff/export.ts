/**
 * XLIFF 2.0 export of an event's prose: one <unit> per section, English
 * source and French target cut by `segmentSection`, the record's translation
 * state on each segment, and notes carrying the French evidence aligned with
 * the references the section cites, so a translator sees what backs the text.
 */
import type { LoadedEvent } from '../../ingest/corpus.ts'
import type { EventAlignment, Evidence, FieldAlignment } from '../../align/types.ts'
import type { Section } from '../../record/schema.ts'
import { contentHash } from '../../record/hash.ts'
import { formatValue, markStatedValue } from '../format.ts'
import { segmentSection } from './segments.ts'
import { XLIFF_NS, XmlWriter } from './xml.ts'

/** `[@rfi]` citations in Markdown prose. */
const CITATION = /\[@([a-z0-9-]+)\]/g

export function citedReferences(text: string): Set<string> {
  return new Set(Array.from(text.matchAll(CITATION), (match) => match[1]!))
}

/**
 * A stale French text translates an older English one: it goes out as
 * `initial` so that CAT tools put it in front of the translator again.
 */
export function segmentState(section: Section): 'initial' | 'translated' | 'reviewed' | 'final' {
  if (!section.fr) return 'initial'
  return section.fr.translates === contentHash(section.en.text) ? section.fr.state : 'initial'
}

/**
 * @param original the record's path relative to the sources folder
 */
export function exportXliff(event: LoadedEvent, alignment: EventAlignment, original: string): string {
  const { record } = event
  const xliff = new XmlWriter(XLIFF_NS, 'xliff', { version: '2.0', srcLang: 'en', trgLang: 'fr' })
  const file = xliff.append(xliff.root, 'file', { id: record.id, original })
  for (const section of record.sections) {
    const unit = xliff.append(file, 'unit', { id: section.id, name: section.id })
    const notes = sectionNotes(section, alignment)
    if (notes.length > 0) {
      const list = xliff.append(unit, 'notes')
      notes.forEach((note, index) => xliff.append(list, 'note', { id: `n${index + 1}`, category: note.category, appliesTo: note.appliesTo }, note.text))
    }
    const state = segmentState(section)
    for (const pair of segmentSection(section)) {
      const segment = xliff.append(unit, 'segment', { id: pair.id, state })
      xliff.append(segment, 'source', { 'xml:space': 'preserve' }, pair.source)
      if (pair.target !== undefined) xliff.append(segment, 'target', { 'xml:space': 'preserve' }, pair.target)
    }
  }
  return xliff.toString()
}

interface Note {
  category: string
  appliesTo?: 'source' | 'target'
  text: string
}

function sectionNotes(section: Section, alignment: EventAlignment): Note[] {
  const notes: Note[] = []
  if (section.fr && segmentState(section) === 'initial') {
    notes.push({
      category: 'stale',
      appliesTo: 'target',
      text: `The French text translates an older English version (${section.fr.translates}); the English is now ${contentHash(section.en.text)}. Update the translation, then mark it translated.`,
    })
  }
  const cited = citedReferences(section.en.text)
  for (const field of alignment.fields) {
    for (const evidence of field.evidence) {
      if (cited.has(evidence.source)) notes.push({ category: 'evidence', appliesTo: 'source', text: evidenceNote(field, evidence) })
    }
  }
  return notes
}

function evidenceNote(field: FieldAlignment, evidence: Evidence): string {
  const decision = evidence.decision ? `, ${evidence.decision.decision}${evidence.decision.stale ? ' (stale)' : ''}` : ''
  return `${field.field} = ${formatValue(field.value)} (${field.status}${decision}) — ${evidence.source}, ${evidence.excerpt}: ${markStatedValue(evidence)}`
}
