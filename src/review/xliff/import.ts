/**
 * XLIFF 2.0 import: reads a file back from a CAT tool and works out, per
 * section, the French text and translation state to write into the record.
 * A unit whose English source no longer matches the record is refused (the
 * translation was made from another text); every problem is a positioned
 * message on the XLIFF file, and nothing is written when there is one.
 */
import type { Element } from '@xmldom/xmldom'
import type { VFile } from 'vfile'
import type { Corpus, LoadedEvent } from '../../ingest/corpus.ts'
import { translationStates, type Section } from '../../record/schema.ts'
import { contentHash } from '../../record/hash.ts'
import { error, warn } from '../../diagnostics/index.ts'
import type { YamlEdit } from '../yaml-edit.ts'
import { joinSegments } from './segments.ts'
import { elements, parseXml, placeOf, XLIFF_NS } from './xml.ts'

type TranslationState = (typeof translationStates)[number]
type FinishedState = Exclude<TranslationState, 'initial'>

export interface SectionUpdate {
  /** Index of the section in the record's `sections`. */
  index: number
  section: Section
  text: string
  state: FinishedState
}

export interface EventImport {
  event: LoadedEvent
  updates: SectionUpdate[]
}

/** Reads `file` against the corpus; undefined (with messages on `file`) when it must be refused. */
export function readXliff(file: VFile, corpus: Corpus): EventImport[] | undefined {
  const document = parseXml(file)
  const root = document?.documentElement
  if (!root) return undefined
  if (!checkRoot(file, root)) return undefined
  const imports: EventImport[] = []
  for (const fileElement of elements(root, 'file')) {
    const id = fileElement.getAttribute('id') ?? ''
    const event = corpus.events.find((candidate) => candidate.record.id === id)
    if (!event) {
      error(file, `No valid event \`${id}\` in the sources`, { place: placeOf(fileElement), ruleId: 'xliff-unknown-event', hint: 'import the file into the sources it was exported from, and check that its record is valid (`passerelle check`)' })
      continue
    }
    const units = elements(fileElement, 'unit')
    const seen = new Set<string>()
    for (const unit of units) {
      const unitId = unit.getAttribute('id') ?? ''
      if (seen.has(unitId)) error(file, `Unit \`${unitId}\` appears twice in file \`${id}\``, { place: placeOf(unit), ruleId: 'xliff-duplicate-id', hint: 'XLIFF 2.0 unit ids are unique within a file; keep one' })
      seen.add(unitId)
    }
    const updates = units.flatMap((unit) => unitUpdate(file, event, unit) ?? [])
    imports.push({ event, updates })
  }
  return file.messages.some((message) => message.fatal) ? undefined : imports
}

function checkRoot(file: VFile, root: Element): boolean {
  const problems: string[] = []
  if (root.localName !== 'xliff' || root.namespaceURI !== XLIFF_NS) problems.push(`the root must be <xliff> in namespace ${XLIFF_NS}`)
  if (root.getAttribute('version') !== '2.0') problems.push('the version must be 2.0')
  if (!/^en\b/i.test(root.getAttribute('srcLang') ?? '')) problems.push('the source language (srcLang) must be English')
  if (!/^fr\b/i.test(root.getAttribute('trgLang') ?? '')) problems.push('the target language (trgLang) must be French')
  for (const problem of problems) {
    error(file, `Not an English-to-French XLIFF 2.0 file: ${problem}`, { place: placeOf(root), ruleId: 'xliff-not-xliff2', hint: 'export the file with `passerelle xliff export` and keep it in XLIFF 2.0' })
  }
  return problems.length === 0
}

interface SegmentRead {
  source: string
  target?: string
  state: TranslationState
}

function unitUpdate(file: VFile, event: LoadedEvent, unit: Element): SectionUpdate | undefined {
  const id = unit.getAttribute('id') ?? ''
  const index = event.record.sections.findIndex((section) => section.id === id)
  const section = event.record.sections[index]
  if (!section) {
    error(file, `Event \`${event.record.id}\` has no section \`${id}\``, { place: placeOf(unit), ruleId: 'xliff-unknown-section', hint: 'the section was renamed or removed since the export; export again' })
    return undefined
  }
  const segments = elements(unit, 'segment').map((segment) => readSegment(file, segment))
  if (segments.some((segment) => segment === undefined)) return undefined
  const read = segments as SegmentRead[]
  if (contentHash(joinSegments(read.map((segment) => segment.source))) !== contentHash(section.en.text)) {
    error(file, `The English source of section \`${id}\` no longer matches ${event.record.id}/record.yaml`, {
      place: placeOf(unit),
      ruleId: 'xliff-source-changed',
      hint: 'the English text changed since this file was exported; export again and carry the translation over',
    })
    return undefined
  }
  const targets = read.map((segment) => segment.target)
  const text = targets.every((target) => target !== undefined) ? joinSegments(targets as string[]) : undefined
  const unchanged = text === section.fr?.text
  if (read.some((segment) => segment.state === 'initial') || text === undefined || text.trim() === '') {
    if (!unchanged && text !== undefined) {
      warn(file, `Section \`${id}\` is not imported: some of its segments are still in state initial`, { place: placeOf(unit), ruleId: 'xliff-untranslated', hint: 'mark every segment translated (or reviewed, final) to import it' })
    }
    return undefined
  }
  const state = lowestState(read.map((segment) => segment.state as FinishedState))
  if (unchanged && state === section.fr?.state) return undefined
  return { index, section, text, state }
}

function readSegment(file: VFile, segment: Element): SegmentRead | undefined {
  const state = segment.getAttribute('state') || 'initial'
  if (!(translationStates as readonly string[]).includes(state)) {
    error(file, `Segment state \`${state}\` is not an XLIFF 2.0 state`, { place: placeOf(segment), ruleId: 'xliff-invalid-state', hint: `use one of ${translationStates.join(', ')}` })
    return undefined
  }
  const [source] = elements(segment, 'source')
  const [target] = elements(segment, 'target')
  if (!source) {
    error(file, 'Segment has no <source>', { place: placeOf(segment), ruleId: 'xliff-missing-source', hint: 'every segment needs its English source' })
    return undefined
  }
  for (const element of [source, target]) {
    const inline = element && elements(element)[0]
    if (inline) {
      error(file, `Inline markup <${inline.localName}> is not supported in prose`, { place: placeOf(inline), ruleId: 'xliff-inline-markup', hint: 'write plain text; Markdown and [@citations] are text here' })
      return undefined
    }
  }
  return { source: source.textContent ?? '', state: state as TranslationState, ...(target ? { target: target.textContent ?? '' } : {}) }
}

/** A section is only as far along as its least advanced segment. */
function lowestState(states: FinishedState[]): FinishedState {
  const order = translationStates.indexOf.bind(translationStates)
  return states.reduce((lowest, state) => (order(state) < order(lowest) ? state : lowest))
}

/** The record edits of an import: the French text, state and `translates` of each updated section. */
export function recordEdits(updates: readonly SectionUpdate[]): YamlEdit[] {
  return updates.flatMap(({ index, section, text, state }) => {
    const translates = contentHash(section.en.text)
    const path = ['sections', index, 'fr']
    if (!section.fr) return [{ path, value: { text, translates, state }, quote: ['translates'] }]
    const edits: YamlEdit[] = []
    if (text !== section.fr.text) edits.push({ path: [...path, 'text'], value: text })
    if (translates !== section.fr.translates) edits.push({ path: [...path, 'translates'], value: translates })
    if (state !== section.fr.state) edits.push({ path: [...path, 'state'], value: state })
    return edits
  })
}
