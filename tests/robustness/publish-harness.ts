/**
 * The build's own stages, run in memory for the publishing properties: a
 * generated sources folder is ingested from its YAML and Markdown texts by
 * the functions `buildSite` uses (`ingestEvent`, `finishCorpus`), without
 * touching the disk, and its pages are rendered by the functions the build
 * renders with. Writing and reading a temporary folder, and loading the
 * locales, cost more than the rendering of a small event, and neither is
 * what the HTML-safety and parity properties are about.
 */
import { join } from 'node:path'
import { toVFile } from '../../src/ingest/read.ts'
import { parseYaml, validate } from '../../src/ingest/yaml.ts'
import { finishCorpus, GLOSSARY_FILE, ingestEvent, type Corpus } from '../../src/ingest/corpus.ts'
import { Glossary, languages, type EventRecord, type Language } from '../../src/record/schema.ts'
import { loadLocales, type Locales } from '../../src/publish/i18n.ts'
import { renderArticle, type RenderedArticle } from '../../src/publish/article.ts'
import { referenceLanguages } from '../../src/publish/languages.ts'
import type { EventContext } from '../../src/publish/site.ts'
import { DEFAULT_BASE_URL } from '../../src/publish/urls.ts'
import { sourceTexts } from './arbitraries.ts'

const ROOT = join(import.meta.dirname, '..', '..')
/** Where the in-memory sources claim to live: messages name files under it. */
const SOURCES = 'sources'
const encoder = new TextEncoder()

/** The bundled locales, loaded once per file: a missing key stays recorded on their files, so it fails every later run too. */
let locales: Promise<Locales> | undefined
export const bundledLocales = () => (locales ??= loadLocales(ROOT))

/** The corpus `buildSite` would load from these sources, cross-file checks included. */
export function ingestInMemory(glossary: unknown, record: unknown): Corpus {
  const files = new Map(sourceTexts(glossary, record).map(([path, text]) => [path, toVFile(join(SOURCES, path), encoder.encode(text))]))
  // As `loadGlossary`: parsed and validated, the empty glossary when invalid.
  const glossaryFile = files.get(GLOSSARY_FILE)!
  const glossarySource = parseYaml(glossaryFile, String(glossaryFile.value))
  const parsedGlossary = validate(glossarySource, Glossary, 'the glossary') ?? { entities: [] }
  const eventFiles = { record: files.get(join('raid-test', 'record.yaml'))!, excerpts: [files.get(join('raid-test', 'excerpts', 'agency.md'))!] }
  const event = ingestEvent(join(SOURCES, 'raid-test'), 'raid-test', eventFiles)
  return finishCorpus({ root: SOURCES, glossary: parsedGlossary, glossarySource, events: event ? [event] : [], files: [...files.values()] }, '.')
}

/** What `publishSite` gives `eventPages` to render one event with. */
export function eventContext(corpus: Corpus, loaded: Locales): EventContext {
  const records = corpus.events.map((event) => event.record)
  return {
    locales: loaded,
    glossary: corpus.glossary,
    baseUrl: DEFAULT_BASE_URL,
    events: new Map(records.map((record) => [record.id, record])),
    referenceLanguage: referenceLanguages(records),
  }
}

/**
 * The English and French articles exactly as `eventPages` renders them
 * (same inputs to `renderArticle`), without turning them into HTML,
 * Markdown and JSON documents: fact parity reads the rendered infoboxes
 * only, and the documents cost twice the articles.
 */
export function articlePair(record: EventRecord, context: EventContext): Record<Language, RenderedArticle> {
  const pair = {} as Record<Language, RenderedArticle>
  for (const lang of languages) {
    pair[lang] = renderArticle({
      record,
      translator: context.locales.translators[lang],
      glossary: context.glossary,
      events: context.events,
      languageOf: (id) => context.referenceLanguage.get(`${record.id}/${id}`) ?? 'und',
    })
  }
  return pair
}
