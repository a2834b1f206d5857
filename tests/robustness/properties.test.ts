/**
 * Property-based tests (fast-check) of ingest and check: they never throw on
 * arbitrary bytes, YAML or Markdown, and say why with a positioned message.
 * The publishing properties are in publish-properties.test.ts, the build
 * properties in build-properties.test.ts. Run counts: fuzz-counts.ts.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import { visit } from 'unist-util-visit'
import { toVFile } from '../../src/ingest/read.ts'
import { parseYaml, validate } from '../../src/ingest/yaml.ts'
import { parseExcerpt } from '../../src/ingest/excerpt.ts'
import { loadCorpus } from '../../src/ingest/corpus.ts'
import { formatReport, hasErrors } from '../../src/diagnostics/index.ts'
import { EventRecord, Glossary } from '../../src/record/schema.ts'
import { mayHoldRawHtml } from './html-safety.ts'
import { hostileText, writeSources } from './arbitraries.ts'
import { counted, printCountsAfterAll, RUNS, timeout } from './fuzz-counts.ts'

printCountsAfterAll('properties.test.ts')

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

describe('the raw-HTML oracle', () => {
  /** Puts a backslash before every `<` that no backslash escapes yet. */
  const escapeAngles = (text: string) => text.replace(/(?<!\\)((?:\\\\)*)</g, '$1\\<')

  it('skips the parse only when the parse would find no raw HTML', { timeout: timeout(RUNS, 5) }, () => {
    const run = counted('oracle: Markdown without an unescaped `<` before a letter, !, ? or / parses to no raw HTML (the shortcut of rawHtmlInMarkdown)')
    const parser = unified().use(remarkParse)
    const pieces = fc.constantFrom('<', '\\', '\\<', '< ', '<\u202F', '<1', '<a', '</', '<?', '<!', '>', '`', '```', '    ', '\n', '\n\n', ' ', 'a', 'script', 'div', '!--', '-->', '![x](', ')', '[x]: ', '<!', '&lt;', '/', '="', '"', '?')
    fc.assert(
      // Half the texts have every `<` escaped, as published Markdown does, so the shortcut is taken and checked.
      fc.property(fc.array(fc.oneof(pieces, hostileText), { maxLength: 30 }), fc.boolean(), (parts, escaped) => {
        run()
        const markdown = escaped ? escapeAngles(parts.join('')) : parts.join('')
        if (escaped) expect(mayHoldRawHtml(markdown), markdown).toBe(false)
        if (mayHoldRawHtml(markdown)) return
        const html: string[] = []
        visit(parser.parse(markdown), 'html', (node: { value: string }) => {
          html.push(node.value)
        })
        expect(html, markdown).toEqual([])
      }),
      { numRuns: RUNS },
    )
    run.done()
  })
})
