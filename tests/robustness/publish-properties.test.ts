/**
 * Publishing arbitrary valid, hostile sources (fast-check): no page carries
 * executable content, and the English and French pages state the same
 * facts. Each run ingests the generated YAML with the build's own functions
 * and renders in-process (publish-harness.ts): the oracles read exactly the
 * pages a build writes, at a fraction of the cost of a build.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { formatReport, hasErrors } from '../../src/diagnostics/index.ts'
import { publishSite, reportProblems } from '../../src/publish/site.ts'
import { DEFAULT_BASE_URL } from '../../src/publish/urls.ts'
import type { Corpus } from '../../src/ingest/corpus.ts'
import { executableContent, rawHtmlInMarkdown } from './html-safety.ts'
import { validGlossary, validRecord } from './arbitraries.ts'
import { articlePair, bundledLocales, eventContext, ingestInMemory } from './publish-harness.ts'
import { BUILD_RUNS, counted, printCountsAfterAll, timeout } from './fuzz-counts.ts'

printCountsAfterAll('publish-properties.test.ts')

/** The generators make valid sources: an error here is a bug in ingest or in them, not a pass. */
function expectValid(corpus: Corpus) {
  const errors = corpus.files.filter((file) => file.messages.some((message) => message.fatal))
  expect(formatReport(errors)).toBe('')
  expect(corpus.events).toHaveLength(1)
}

describe('publishing arbitrary valid sources', () => {
  it('never puts executable script, event handlers or raw HTML from content into a page', { timeout: timeout(BUILD_RUNS, 1000) }, async () => {
    const run = counted('publish: no script, event handler or script URL in HTML, no raw HTML in Markdown (hostile titles, names, prose, references)')
    const locales = await bundledLocales()
    // Pages whose bytes do not depend on the event (the language chooser) are parsed once, not in every run.
    const checkedClean = new Map<string, string>()
    await fc.assert(
      fc.asyncProperty(validGlossary, validRecord, async (glossary, record) => {
        run()
        const corpus = ingestInMemory(glossary, record)
        expectValid(corpus)
        const site = publishSite(corpus, locales, { baseUrl: DEFAULT_BASE_URL })
        for (const [path, content] of site.outputs) {
          if (checkedClean.get(path) === content) continue
          if (path.endsWith('.html')) expect(executableContent(content), path).toEqual([])
          if (path.endsWith('.md')) expect(rawHtmlInMarkdown(content), path).toEqual([])
          checkedClean.set(path, content)
        }
      }),
      { numRuns: BUILD_RUNS },
    )
    run.done()
  })

  it('states the same facts in French and English (no fact-parity error)', { timeout: timeout(BUILD_RUNS, 500) }, async () => {
    const run = counted('publish: FR/EN fact parity for arbitrary valid records')
    const locales = await bundledLocales()
    await fc.assert(
      fc.asyncProperty(validGlossary, validRecord, async (glossary, record) => {
        run()
        const corpus = ingestInMemory(glossary, record)
        expectValid(corpus)
        const [event] = corpus.events
        // The check `publishSite` and the build make after rendering an event's two articles.
        reportProblems(event!.source, articlePair(event!.record, eventContext(corpus, locales)))
        const files = [...corpus.files, ...Object.values(locales.files)]
        const parity = files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'fact-parity')
        expect(parity.map((message) => message.reason)).toEqual([])
        expect(hasErrors(files), formatReport(files)).toBe(false)
      }),
      { numRuns: BUILD_RUNS },
    )
    run.done()
  })
})
