/** The bundled corpus rendered in-process, one article at a time, for tests that read a lead or an infobox. */
import { join } from 'node:path'
import { toHtml } from 'hast-util-to-html'
import { loadCorpus, type Corpus } from '../../src/ingest/corpus.ts'
import { loadLocales, type Locales } from '../../src/publish/i18n.ts'
import { renderArticle, type RenderedArticle } from '../../src/publish/article.ts'
import { plain } from '../../src/publish/template.ts'
import { referenceLanguages } from '../../src/publish/languages.ts'
import type { Language } from '../../src/record/schema.ts'

let loaded: Promise<{ corpus: Corpus; locales: Locales; referenceLanguage: Map<string, string> }> | undefined

export function bundled() {
  loaded ??= (async () => {
    const corpus = await loadCorpus(join(process.cwd(), 'sources'), process.cwd())
    return { corpus, locales: await loadLocales(), referenceLanguage: referenceLanguages(corpus.events.map((event) => event.record)) }
  })()
  return loaded
}

export async function article(id: string, lang: Language): Promise<RenderedArticle> {
  const { corpus, locales, referenceLanguage } = await bundled()
  const events = new Map(corpus.events.map((event) => [event.record.id, event.record]))
  const record = events.get(id)
  if (!record) throw new Error(`no event ${id} in sources/`)
  return renderArticle({ record, translator: locales.translators[lang], glossary: corpus.glossary, events, languageOf: (reference) => referenceLanguage.get(`${id}/${reference}`) ?? 'und' })
}

export async function leadText(id: string, lang: Language): Promise<string> {
  return plain([(await article(id, lang)).lead])
}

/** `label: value` lines of the infobox, citation marks left out. */
export async function infoboxText(id: string, lang: Language): Promise<string> {
  return plain([(await article(id, lang)).infobox])
}

export async function infoboxHtml(id: string, lang: Language): Promise<string> {
  return toHtml((await article(id, lang)).infobox)
}
