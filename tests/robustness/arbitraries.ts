/**
 * fast-check generators: hostile text (markup, script URLs, control and
 * bidi characters mixed with any Unicode), and valid sources built from it,
 * written as YAML so they go through the real ingest.
 */
import fc from 'fast-check'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { casualtyKinds, eventKinds } from '../../src/record/schema.ts'
import { contentHash } from '../../src/record/hash.ts'

/** Snippets that would run if any stage let markup through. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '</title><script>alert(1)</script>',
  '</script><script>alert(1)</script>',
  '<a href="javascript:alert(1)">x</a>',
  '[lien](javascript:alert(1))',
  '[lien](JaVaScRiPt:alert(1))',
  '![x](data:text/html,<script>alert(1)</script>)',
  '<iframe src="https://example.org"></iframe>',
  '<style>body{display:none}</style>',
  '<div style="x" onclick="alert(1)">x</div>',
  '<!-- <script>alert(1)</script> -->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '\u2028\u2029\u202e',
  '{{site.name}}',
  '\uE000 0 \uE001',
]

/** Any text, often with hostile snippets in it. */
export const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('Soumpi', 'é', ' ', '«', '»', '14', ':')), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''))

/** Non-blank hostile text, as the schema's `Text` requires. */
export const hostileLabel = hostileText.filter((text) => text.trim().length > 0)

const GLOSSARY_IDS = ['mali-war', 'mali', 'jnim', 'soumpi'] as const
const SECTION_IDS = ['background', 'attack', 'aftermath', 'reactions'] as const

const isoDate = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10))
const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)

const count = fc.oneof(
  fc.record({ value: fc.nat({ max: 100_000 }), qualifier: fc.constantFrom('exact', 'at-least', 'about') }),
  fc.tuple(fc.nat({ max: 5000 }), fc.integer({ min: 1, max: 5000 })).map(([min, span]) => ({ value: { min, max: min + span }, qualifier: 'range' })),
)

/** A figure with its retained claim and sometimes a dissenting one. */
const quantity = fc.tuple(count, fc.option(count, { nil: undefined })).map(([retained, other]) => ({
  ...retained,
  claims: [{ ...retained, sources: ['agency'] }, ...(other ? [{ ...other, sources: ['agency'] }] : [])],
}))

const casualties = fc.record(Object.fromEntries(casualtyKinds.map((kind) => [kind, quantity])), { requiredKeys: [] })

const bilingual = fc.record({ en: hostileLabel, fr: hostileLabel })

const section = (id: string) =>
  fc.tuple(hostileLabel, hostileLabel, fc.boolean(), fc.boolean()).map(([en, fr, cite, translated]) => {
    const english = cite ? `${en} [@agency]` : en
    return { id, en: { text: english }, ...(translated ? { fr: { text: cite ? `${fr} [@agency]` : fr, translates: contentHash(english) } } : {}) }
  })

/** A valid event record (checked by the real ingest in each property). */
export const validRecord = fc
  .record({
    kind: fc.constantFrom(...eventKinds),
    slug: fc.record({ en: fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,2}$/), fr: fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,2}$/) }),
    title: bilingual,
    date: fc.option(
      fc.record({ start: isoDate, end: fc.option(fc.nat({ max: 40 }), { nil: undefined }), startTime: fc.option(time, { nil: undefined }), timeQualifier: fc.constantFrom('exact', 'about') }),
      { nil: undefined },
    ),
    place: fc.subarray(['soumpi', 'mali'], { minLength: 1 }),
    outcome: fc.constantFrom('victory', 'repelled', 'inconclusive', 'unknown'),
    victors: fc.subarray(['mali', 'jnim']),
    strength: fc.tuple(fc.option(quantity, { nil: undefined }), fc.option(quantity, { nil: undefined })),
    casualties: fc.tuple(casualties, casualties),
    others: fc.array(fc.record({ who: bilingual, casualties }), { maxLength: 2 }),
    sections: fc.subarray([...SECTION_IDS]).chain((ids) => fc.tuple(...ids.map(section))),
    reference: fc.record({ publisher: hostileLabel, title: hostileLabel, url: fc.option(fc.webUrl({ validSchemes: ['http', 'https'] }), { nil: undefined }), published: fc.option(isoDate, { nil: undefined }), retrieved: isoDate }),
  })
  .map((r) => ({
    id: 'raid-test',
    kind: r.kind,
    slug: r.slug,
    title: r.title,
    partOf: 'mali-war',
    ...(r.date ? { date: { start: r.date.start, ...(r.date.end === undefined ? {} : { end: addDays(r.date.start, r.date.end) }), ...(r.date.startTime ? { startTime: r.date.startTime } : {}), timeQualifier: r.date.timeQualifier, sources: ['agency'] } } : {}),
    place: r.place,
    result: { outcome: r.outcome, victors: r.victors, sources: ['agency'] },
    sides: [
      { id: 'malian-forces', belligerents: ['mali'], ...(r.strength[0] ? { strength: r.strength[0] } : {}), casualties: r.casualties[0] },
      { id: 'jihadists', belligerents: ['jnim'], ...(r.strength[1] ? { strength: r.strength[1] } : {}), casualties: r.casualties[1] },
    ],
    otherCasualties: r.others.map((group, index) => ({ id: `group-${index}`, ...group })),
    sections: r.sections,
    references: [{ id: 'agency', publisher: r.reference.publisher, title: r.reference.title, ...(r.reference.url ? { url: r.reference.url } : {}), ...(r.reference.published ? { published: r.reference.published } : {}), language: 'fr', retrieved: r.reference.retrieved }],
  }))

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

const label = (name: string, gender: 'm' | 'f') => ({ name, gender })

/** The base glossary's four entities, with hostile names. */
export const validGlossary = fc.tuple(...GLOSSARY_IDS.map(() => fc.tuple(hostileLabel, hostileLabel, fc.constantFrom('m' as const, 'f' as const)))).map((names) => ({
  entities: GLOSSARY_IDS.map((id, index) => {
    const [en, fr, gender] = names[index]!
    const type = ({ 'mali-war': 'conflict', mali: 'state', jnim: 'group', soumpi: 'place' } as const)[id]
    return { id, type, en: { name: en }, fr: label(fr, gender), ...(id === 'soumpi' ? { partOf: 'mali' } : {}) }
  }),
}))

/** The excerpt every generated event carries (excerpts are not published: their own properties fuzz them). */
export const EXCERPT = '---\nid: test-agency\nreference: agency\nkind: paraphrase\nlanguage: fr\n---\nQuatorze soldats ont été tués.\n'

/** The files of a one-event sources folder, by path relative to it: what `writeSources` writes and the in-memory ingest reads. */
export function sourceTexts(glossary: unknown, record: unknown, excerpt = EXCERPT): Array<[path: string, text: string]> {
  return [
    ['glossary.yaml', stringify(glossary)],
    [join('raid-test', 'record.yaml'), stringify(record)],
    [join('raid-test', 'excerpts', 'agency.md'), excerpt],
  ]
}

/** Writes a one-event sources folder (glossary, record, one excerpt) into `dir`. */
export async function writeSources(dir: string, glossary: unknown, record: unknown, excerpt = EXCERPT) {
  await mkdir(join(dir, 'raid-test', 'excerpts'), { recursive: true })
  for (const [path, text] of sourceTexts(glossary, record, excerpt)) await writeFile(join(dir, path), text)
}
