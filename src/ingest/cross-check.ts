/**
 * Rules that span files: every entity a record names is in the glossary,
 * every claim cites a reference of its record, ids and slugs are unique,
 * figures are backed by claims, translations are not stale.
 */
import type { EventRecord, Quantity } from '../record/schema.ts'
import { casualtyKinds } from '../record/schema.ts'
import { contentHash } from '../record/hash.ts'
import { error, warn } from '../diagnostics/index.ts'
import { positionAt, formatPath, type Path, type YamlSource } from './yaml.ts'
import type { Corpus, LoadedEvent } from './corpus.ts'
import type { Excerpt } from './excerpt.ts'

export function crossCheck(corpus: Corpus) {
  const entityIds = checkGlossary(corpus)
  // A glossary that failed to load would make every entity of every record "unknown": report the glossary alone.
  const glossaryUsable = !corpus.glossarySource?.file.messages.some((message) => message.fatal)
  const eventIds = new Set(corpus.events.map((event) => event.record.id))
  const firstSlug = new Map<string, LoadedEvent>()
  const firstId = new Map<string, LoadedEvent>()
  for (const event of corpus.events) if (!firstId.has(event.record.id)) firstId.set(event.record.id, event)
  // The excerpt itself, not its path: taking the path would make every cached excerpt's file.
  const excerptIds = new Map<string, Excerpt>()

  for (const event of corpus.events) {
    checkFolder(event)
    checkUnique(firstId, event, firstSlug)
    checkRecord(event, entityIds, glossaryUsable, eventIds)
    checkExcerpts(event, (excerpt) => {
      const previous = excerptIds.get(excerpt.meta.id)
      if (!previous) excerptIds.set(excerpt.meta.id, excerpt)
      return previous?.file.path
    })
  }
}

/**
 * The cross-file checks after some events changed, when the same corpus
 * with those events as they were passed every check with no message at all
 * (same glossary, same folders). True when the full check would again leave
 * no message, which it then need not run:
 * - the rules about one record and its excerpts (entities, references,
 *   quantities, dates, sections, related ids) read only that event, the
 *   glossary and the set of event ids, so only changed events can break them
 *   (the set of ids is the set of folders, unchanged, as long as every
 *   changed record's id is its folder's name: otherwise the check fails);
 * - a uniqueness rule (event id, slug, excerpt id) puts a message on the
 *   later of two events sharing a key, and two unchanged events shared none,
 *   so it holds when no changed event's key is used by any other event.
 * Any message or shared key returns false, and the caller runs the full
 * check for the messages (placed as a cold build places them); the messages
 * this one left on the changed events' files must be removed first.
 */
export function crossCheckChanged(corpus: Corpus, changed: ReadonlySet<string>, uses: ReadonlyMap<string, number> = keyUses(corpus.events)): boolean {
  if (!corpus.glossarySource || corpus.glossarySource.file.messages.length > 0) return false
  const entityIds = new Set(corpus.glossary.entities.map((entity) => entity.id))
  const eventIds = { has: (id: string) => uses.has(`id:${id}`) }
  for (const event of corpus.events) {
    if (!changed.has(event.folder)) continue
    const { record } = event
    if (event.folder !== record.id || uniqueKeys(event).some((key) => uses.get(key) !== 1)) return false
    checkRecord(event, entityIds, true, eventIds)
    checkExcerpts(event, () => undefined)
    if (event.source.file.messages.length > 0 || event.excerpts.some((excerpt) => excerpt.file.messages.length > 0)) return false
  }
  return true
}

/** What no two events may share: ids, slugs, excerpt ids. */
export function uniqueKeys({ record, excerpts }: LoadedEvent): string[] {
  return [`id:${record.id}`, `slug:en/${record.slug.en}`, `slug:fr/${record.slug.fr}`, ...excerpts.map((excerpt) => `excerpt:${excerpt.meta.id}`)]
}

/** How many events use each of those keys (see `crossCheckChanged`); a watching build keeps it up to date. */
export function keyUses(events: readonly LoadedEvent[]): Map<string, number> {
  const uses = new Map<string, number>()
  for (const event of events) for (const key of uniqueKeys(event)) uses.set(key, (uses.get(key) ?? 0) + 1)
  return uses
}

function checkFolder(event: LoadedEvent) {
  const { record, source } = event
  if (event.folder !== record.id) {
    error(source.file, `Record id \`${record.id}\` does not match its folder \`${event.folder}\``, {
      place: positionAt(source, ['id']),
      ruleId: 'event-folder-mismatch',
      hint: `rename the folder to \`${record.id}\` or change the id`,
    })
  }
}

/** The rules about one record: they read the record, the glossary's ids and the set of event ids. */
function checkRecord(event: LoadedEvent, entityIds: Set<string>, glossaryUsable: boolean, eventIds: Pick<Set<string>, 'has'>) {
  const { record, source } = event
  // Listed once for the three rules that read them.
  const mentions = entityMentions(record)
  const figures = quantities(record)
  if (glossaryUsable) checkEntities(mentions, source, entityIds)
  checkReferences(record, source, mentions, figures)
  checkQuantities(figures, source)
  checkDate(record, source)
  checkSections(record, source)
  for (const [index, related] of record.related.entries()) {
    if (related === record.id || !eventIds.has(related)) {
      error(source.file, related === record.id ? 'An event cannot be related to itself' : `Related event \`${related}\` does not exist`, {
        place: positionAt(source, ['related', index]),
        ruleId: 'unknown-related',
        hint: 'use the id of another folder in sources/',
      })
    }
  }
}

/** Excerpt ids used twice (`previous` names the file that used it first) and references the record lacks. */
function checkExcerpts(event: LoadedEvent, previous: (excerpt: Excerpt) => string | undefined) {
  const { record } = event
  const referenceIds = new Set(record.references.map((reference) => reference.id))
  for (const excerpt of event.excerpts) {
    const first = previous(excerpt)
    if (first) {
      error(excerpt.file, `Excerpt id \`${excerpt.meta.id}\` is already used by ${first}`, {
        place: positionAt(excerpt.frontMatter, ['id']),
        ruleId: 'duplicate-id',
        hint: 'give every excerpt its own id',
      })
    }
    if (!referenceIds.has(excerpt.meta.reference)) {
      error(excerpt.file, `Excerpt cites reference \`${excerpt.meta.reference}\`, which ${record.id}/record.yaml does not list`, {
        place: positionAt(excerpt.frontMatter, ['reference']),
        ruleId: 'missing-reference',
        hint: 'add the reference to the record or fix the id',
      })
    }
  }
}

function checkGlossary(corpus: Corpus): Set<string> {
  const ids = new Set<string>()
  const source = corpus.glossarySource
  corpus.glossary.entities.forEach((entity, index) => {
    if (ids.has(entity.id) && source) {
      error(source.file, `Entity id \`${entity.id}\` is defined twice`, {
        place: positionAt(source, ['entities', index, 'id']),
        ruleId: 'duplicate-id',
        hint: 'merge the two entries',
      })
    }
    ids.add(entity.id)
  })
  corpus.glossary.entities.forEach((entity, index) => {
    if (entity.partOf && !ids.has(entity.partOf) && source) {
      error(source.file, `Entity \`${entity.id}\` is part of unknown entity \`${entity.partOf}\``, {
        place: positionAt(source, ['entities', index, 'partOf']),
        ruleId: 'unknown-entity',
        hint: 'define it in the glossary',
      })
    }
  })
  return ids
}

function checkUnique(firstId: Map<string, LoadedEvent>, event: LoadedEvent, firstSlug: Map<string, LoadedEvent>) {
  const { record, source } = event
  const twin = firstId.get(record.id)
  if (twin && twin !== event) {
    error(source.file, `Event id \`${record.id}\` is already used by ${twin.source.file.path}`, {
      place: positionAt(source, ['id']),
      ruleId: 'duplicate-id',
      hint: 'give every event its own id',
    })
  }
  for (const language of ['en', 'fr'] as const) {
    const key = `${language}/${record.slug[language]}`
    const other = firstSlug.get(key)
    if (other && other !== event) {
      error(source.file, `Slug \`${key}\` is already used by ${other.record.id}`, {
        place: positionAt(source, ['slug', language]),
        ruleId: 'duplicate-slug',
        hint: 'two pages of one language cannot share a URL',
      })
    } else firstSlug.set(key, event)
  }
}

/** An entity the record names, where, and the references it cites. */
interface Mention {
  path: Path
  entity: string
  sources: string[]
}

/** Every (path, entity id, sources) the record names. */
function entityMentions(record: EventRecord): Mention[] {
  const mentions: Mention[] = []
  const add = (path: Path, ref: { entity: string; sources: string[] }) => mentions.push({ path, ...ref })
  add(['partOf'], record.partOf)
  record.place.forEach((ref, index) => add(['place', index], ref))
  record.result.victors.forEach((ref, index) => add(['result', 'victors', index], ref))
  record.sides.forEach((side, s) => {
    side.belligerents.forEach((ref, index) => add(['sides', s, 'belligerents', index], ref))
    side.commanders.forEach((ref, index) => add(['sides', s, 'commanders', index], ref))
  })
  return mentions
}

function checkEntities(mentions: readonly Mention[], source: YamlSource, entityIds: Set<string>) {
  for (const mention of mentions) {
    if (!entityIds.has(mention.entity)) {
      error(source.file, `Unknown entity \`${mention.entity}\` at \`${formatPath(mention.path)}\``, {
        place: positionAt(source, mention.path),
        ruleId: 'unknown-entity',
        hint: 'define it in sources/glossary.yaml or fix the id',
      })
    }
  }
}

/** Every quantity of the record with its path. */
export function quantities(record: EventRecord): Array<{ path: Path; quantity: Quantity }> {
  const found: Array<{ path: Path; quantity: Quantity }> = []
  record.sides.forEach((side, s) => {
    if (side.strength) found.push({ path: ['sides', s, 'strength'], quantity: side.strength })
    for (const kind of casualtyKinds) {
      const quantity = side.casualties[kind]
      if (quantity) found.push({ path: ['sides', s, 'casualties', kind], quantity })
    }
  })
  record.otherCasualties.forEach((group, g) => {
    for (const kind of casualtyKinds) {
      const quantity = group.casualties[kind]
      if (quantity) found.push({ path: ['otherCasualties', g, 'casualties', kind], quantity })
    }
  })
  return found
}

type Figure = ReturnType<typeof quantities>[number]

function checkReferences(record: EventRecord, source: YamlSource, mentions: readonly Mention[], figures: readonly Figure[]) {
  const ids = new Set<string>()
  record.references.forEach((reference, index) => {
    if (ids.has(reference.id)) {
      error(source.file, `Reference id \`${reference.id}\` is listed twice`, {
        place: positionAt(source, ['references', index, 'id']),
        ruleId: 'duplicate-id',
        hint: 'merge the two references',
      })
    }
    ids.add(reference.id)
  })
  // Every citation is checked, in record order; its path is built only for a message.
  const cite = (path: () => Path, sources: readonly string[]) =>
    sources.forEach((id, index) => {
      if (!ids.has(id)) {
        error(source.file, `Claim cites reference \`${id}\`, which is not in \`references\``, {
          place: positionAt(source, [...path(), index]),
          ruleId: 'missing-reference',
          hint: 'add the reference or fix the id',
        })
      }
    })
  cite(() => ['date', 'sources'], record.date?.sources ?? [])
  cite(() => ['result', 'sources'], record.result.sources)
  for (const mention of mentions) cite(() => [...mention.path, 'sources'], mention.sources)
  for (const { path, quantity } of figures) {
    quantity.claims.forEach((claim, c) => cite(() => [...path, 'claims', c, 'sources'], claim.sources))
  }
}

const sameCount = (a: Quantity['value'], b: Quantity['value']) =>
  typeof a === 'number' || typeof b === 'number' ? a === b : a.min === b.min && a.max === b.max

function checkQuantities(figures: readonly Figure[], source: YamlSource) {
  for (const { path, quantity } of figures) {
    if (!quantity.claims.some((claim) => sameCount(claim.value, quantity.value))) {
      error(source.file, `\`${formatPath(path)}\` retains a value that no claim states`, {
        place: positionAt(source, [...path, 'value']),
        ruleId: 'unclaimed-value',
        hint: 'the retained value must be one of the claims, each with its source',
      })
    }
    const isRange = typeof quantity.value !== 'number'
    if (isRange !== (quantity.qualifier === 'range')) {
      error(source.file, `\`${formatPath(path)}\` has qualifier \`${quantity.qualifier}\` but its value is ${isRange ? 'a range' : 'a single number'}`, {
        place: positionAt(source, [...path, 'qualifier']),
        ruleId: 'qualifier-mismatch',
        hint: 'use `range` with {min, max} and another qualifier with a number',
      })
    }
  }
}

/** IANA zones this runtime knows; built once, since constructing a formatter per event is costly. */
const knownZones = new Set(Intl.supportedValuesOf('timeZone'))

function isTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true
  // supportedValuesOf lists canonical zones only; aliases such as `UTC` or `Etc/GMT` are still valid.
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

function checkDate(record: EventRecord, source: YamlSource) {
  const { date } = record
  if (!date) return
  if (date.end && date.end < date.start) {
    error(source.file, `The event ends (${date.end}) before it starts (${date.start})`, {
      place: positionAt(source, ['date', 'end']),
      ruleId: 'date-order',
      hint: 'swap or fix the dates',
    })
  }
  if (!isTimeZone(date.timeZone)) {
    error(source.file, `Unknown time zone \`${date.timeZone}\``, {
      place: positionAt(source, ['date', 'timeZone']),
      ruleId: 'invalid-time-zone',
      hint: 'use an IANA zone such as Africa/Bamako',
    })
  }
}

function checkSections(record: EventRecord, source: YamlSource) {
  const ids = new Set<string>()
  record.sections.forEach((section, index) => {
    if (ids.has(section.id)) {
      error(source.file, `Section \`${section.id}\` appears twice`, {
        place: positionAt(source, ['sections', index, 'id']),
        ruleId: 'duplicate-id',
        hint: 'merge the two sections',
      })
    }
    ids.add(section.id)
    const current = contentHash(section.en.text)
    if (section.fr && section.fr.translates !== current) {
      warn(source.file, `French section \`${section.id}\` translates an older English text (${section.fr.translates}, now ${current})`, {
        place: positionAt(source, ['sections', index, 'fr', 'translates']),
        ruleId: 'stale-translation',
        hint: `update the French text, then set translates: ${current}`,
      })
    }
  })
}
