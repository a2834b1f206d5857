/**
 * Property-based tests (fast-check). `npm test` runs each a modest number of
 * times; `npm run fuzz` sets FUZZ_RUNS=10000 (and FUZZ_BUILD_RUNS for the
 * properties that publish a site, which are ~100x slower) and prints how many
 * runs each property passed.
 */
import { afterAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { toVFile } from '../../src/ingest/read.ts'
import { parseYaml, validate } from '../../src/ingest/yaml.ts'
import { parseExcerpt } from '../../src/ingest/excerpt.ts'
import { loadCorpus } from '../../src/ingest/corpus.ts'
import { formatReport, hasErrors } from '../../src/diagnostics/index.ts'
import { EventRecord, Glossary } from '../../src/record/schema.ts'
import { loadLocales, type Locales } from '../../src/publish/i18n.ts'
import { publishSite } from '../../src/publish/site.ts'
import { DEFAULT_BASE_URL } from '../../src/publish/urls.ts'
import { runCli } from '../cli-harness.ts'
import { executableContent, rawHtmlInMarkdown } from './html-safety.ts'
import { hostileText, validGlossary, validRecord, writeSources } from './arbitraries.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const RUNS = Number(process.env.FUZZ_RUNS ?? 100)
const BUILD_RUNS = Number(process.env.FUZZ_BUILD_RUNS ?? 8)
/** Real `passerelle build` processes twice per run: the slowest property. */
const CLI_RUNS = Number(process.env.FUZZ_CLI_RUNS ?? 1)
const timeout = (runs: number, perRun: number) => Math.max(60_000, runs * perRun)

const counts = new Map<string, number>()
const passed = new Set<string>()
/** Counts the runs a property executes; `done` marks it passed once fc.assert returns. */
function counted(name: string) {
  const run = () => counts.set(name, (counts.get(name) ?? 0) + 1)
  run.done = () => passed.add(name)
  return run
}

afterAll(() => {
  const lines = [...counts].map(([name, runs]) => `  ${passed.has(name) ? 'passed' : 'FAILED'} ${String(runs).padStart(6)} runs  ${name}`)
  console.log(`fuzz: runs executed per property (FUZZ_RUNS=${RUNS}, FUZZ_BUILD_RUNS=${BUILD_RUNS}, FUZZ_CLI_RUNS=${CLI_RUNS})\n${lines.join('\n')}`)
})

/** Arbitrary text, or arbitrary bytes (invalid UTF-8, BOMs, NULs). */
const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }).map((text) => new TextEncoder().encode(text)),
  fc.tuple(fc.constantFrom('', '\uFEFF'), hostileText, fc.constantFrom('\n', '\r\n')).map(([bom, text, eol]) => new TextEncoder().encode(bom + text.replace(/\n/g, eol))),
)

/** YAML-ish text: keys, flow collections, anchors, tags, quotes, deep brackets. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom('id: ', 'kind: raid\n', 'slug: { en: a, fr: b }\n', '- ', '  ', '[', ']', '{', '}', '&a ', '*a', '!!js/function ', '"', "'", '#', ': ', '\n', '\t', '---\n', '...\n', '? ', '|\n', '>-\n', '<<: *a\n'),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''))

describe('ingest never throws', () => {
  it('on arbitrary bytes as a record or a glossary', { timeout: timeout(RUNS, 20) }, () => {
    const run = counted('ingest: arbitrary bytes and YAML-ish text as record and glossary')
    fc.assert(
      fc.property(fc.oneof(anyBytes, yamlish.map((text) => new TextEncoder().encode(text))), (bytes) => {
        run()
        for (const [name, schema] of [['record.yaml', EventRecord], ['glossary.yaml', Glossary]] as const) {
          const file = toVFile(name, bytes)
          const source = parseYaml(file, String(file.value))
          const value = validate(source, schema, 'input')
          // Either a value, or at least one positioned error explaining why not.
          if (value === undefined) expect(hasErrors([file])).toBe(true)
          for (const message of file.messages) expect(message.line).toBeGreaterThanOrEqual(1)
        }
      }),
      { numRuns: RUNS },
    )
    run.done()
  })

  it('on arbitrary excerpts: any front matter, any body', { timeout: timeout(RUNS, 20) }, () => {
    const run = counted('ingest: arbitrary excerpt front matter and Markdown body')
    const markdown = fc.array(fc.oneof(hostileText, fc.constantFrom('> ', '* ', '- ', '# ', '```', '\n\n', '[x]: y', '<div>', '|a|b|\n|-|-|', '***', '\\')), { maxLength: 20 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.boolean(), yamlish, markdown, anyBytes, (fenced, frontMatter, body, bytes) => {
        run()
        const file = fenced ? toVFile('agency.md', new TextEncoder().encode(`---\n${frontMatter}\n---\n${body}`)) : toVFile('agency.md', bytes)
        const excerpt = parseExcerpt(file)
        if (excerpt === undefined) expect(hasErrors([file])).toBe(true)
        else expect(excerpt.blocks.length).toBeGreaterThan(0)
      }),
      { numRuns: RUNS },
    )
    run.done()
  })

  it('and `check` never throws on arbitrary source files', { timeout: timeout(RUNS, 60) }, async () => {
    const run = counted('check: arbitrary glossary, record and excerpt files through loadCorpus and formatReport')
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-fuzz-check-'))
    await fc.assert(
      fc.asyncProperty(yamlish, anyBytes, yamlish, async (glossary, record, frontMatter) => {
        run()
        await writeSources(dir, {}, {}, `---\n${frontMatter}\n---\nTexte.\n`)
        await writeFile(join(dir, 'glossary.yaml'), glossary)
        await writeFile(join(dir, 'raid-test', 'record.yaml'), record)
        const corpus = await loadCorpus(dir, dir)
        expect(typeof formatReport(corpus.files)).toBe('string')
      }),
      { numRuns: RUNS },
    )
    run.done()
    await rm(dir, { recursive: true, force: true })
  })
})

describe('publishing arbitrary valid sources', () => {
  let locales: Locales
  const publish = async (dir: string) => {
    locales ??= await loadLocales(ROOT)
    const corpus = await loadCorpus(dir, dir)
    // The generators make valid sources: an error here is a bug in ingest or in them.
    expect(formatReport(corpus.files.filter((file) => file.messages.some((message) => message.fatal)))).toBe('')
    return publishSite(corpus, locales, { baseUrl: DEFAULT_BASE_URL })
  }

  it('never puts executable script, event handlers or raw HTML from content into a page', { timeout: timeout(BUILD_RUNS, 2000) }, async () => {
    const run = counted('publish: no script, event handler or script URL in HTML, no raw HTML in Markdown (hostile titles, names, prose, references)')
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-fuzz-xss-'))
    await fc.assert(
      fc.asyncProperty(validGlossary, validRecord, async (glossary, record) => {
        run()
        await writeSources(dir, glossary, record)
        const site = await publish(dir)
        for (const [path, content] of site.outputs) {
          if (path.endsWith('.html')) expect(executableContent(content), path).toEqual([])
          if (path.endsWith('.md')) expect(rawHtmlInMarkdown(content), path).toEqual([])
        }
      }),
      { numRuns: BUILD_RUNS },
    )
    run.done()
    await rm(dir, { recursive: true, force: true })
  })

  it('states the same facts in French and English (no fact-parity error)', { timeout: timeout(BUILD_RUNS, 2000) }, async () => {
    const run = counted('publish: FR/EN fact parity for arbitrary valid records')
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-fuzz-parity-'))
    await fc.assert(
      fc.asyncProperty(validGlossary, validRecord, async (glossary, record) => {
        run()
        await writeSources(dir, glossary, record)
        const site = await publish(dir)
        const parity = site.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'fact-parity')
        expect(parity.map((message) => message.reason)).toEqual([])
        expect(hasErrors(site.files), formatReport(site.files)).toBe(false)
      }),
      { numRuns: BUILD_RUNS },
    )
    run.done()
    await rm(dir, { recursive: true, force: true })
  })

  it('gives byte-identical outputs when published twice', { timeout: timeout(BUILD_RUNS, 2000) }, async () => {
    const run = counted('publish: two in-process builds are byte-identical')
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-fuzz-same-'))
    await fc.assert(
      fc.asyncProperty(validGlossary, validRecord, async (glossary, record) => {
        run()
        await writeSources(dir, glossary, record)
        const first = (await publish(dir)).outputs
        const second = (await publish(dir)).outputs
        expect([...second.keys()]).toEqual([...first.keys()])
        for (const [path, content] of first) expect(second.get(path), path).toBe(content)
      }),
      { numRuns: BUILD_RUNS },
    )
    run.done()
    await rm(dir, { recursive: true, force: true })
  })

  it('gives byte-identical folders from two runs of `passerelle build`', { timeout: timeout(CLI_RUNS, 20_000) }, async () => {
    const run = counted('build CLI: two runs of `passerelle build` write byte-identical folders')
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-fuzz-cli-'))
    const bytes = async (out: string) => {
      const files = new Map<string, Buffer>()
      for (const path of (await readdir(out, { recursive: true })).sort()) if (path.includes('.')) files.set(path, await readFile(join(out, path)))
      return files
    }
    await fc.assert(
      fc.asyncProperty(validGlossary, validRecord, async (glossary, record) => {
        run()
        await writeSources(join(dir, 'sources'), glossary, record)
        for (const out of ['a', 'b']) {
          const result = await runCli(['build', '--sources', 'sources', '--out', out, '--quiet'], { cwd: dir })
          expect(result.code, result.stderr).toBe(0)
        }
        expect(await bytes(join(dir, 'b'))).toEqual(await bytes(join(dir, 'a')))
      }),
      { numRuns: CLI_RUNS },
    )
    run.done()
    await rm(dir, { recursive: true, force: true })
  })
})
