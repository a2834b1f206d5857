/**
 * Every case of the bad-input corpus through the real commands: no crash, no
 * stack trace, the expected positioned message (snapshotted per case as
 * `file:line:column severity rule reason`), and for refused input a build
 * that writes nothing. Valid-but-hostile data (BOM, CRLF, markup in prose)
 * must build, with nothing executable in the published pages.
 */
import { describe, expect, it } from 'vitest'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { VFile } from 'vfile'
import { loadCorpus } from '../../src/ingest/corpus.ts'
import { hasErrors } from '../../src/diagnostics/index.ts'
import { loadLocales } from '../../src/publish/i18n.ts'
import { publishSite } from '../../src/publish/site.ts'
import { DEFAULT_BASE_URL } from '../../src/publish/urls.ts'
import { FIXTURES } from '../ingest/broken-fixtures.ts'
import { runCli } from '../cli-harness.ts'
import { executableContent, rawHtmlInMarkdown } from '../robustness/html-safety.ts'
import { badInputs, materializeCase, type Case } from './corpus.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const cases = await badInputs()
const STACK_TRACE = /\n\s+at .+:\d+:\d+\)?\n/

/** One line per message, as the snapshot lists them. */
function lines(files: readonly VFile[]): string[] {
  return files.flatMap((file) =>
    file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.fatal ? 'error' : 'warning'} ${message.ruleId} ${message.reason}`),
  )
}

/** What `build` reports for a sources folder: ingest problems, else publishing problems. */
async function buildMessages(dir: string) {
  const corpus = await loadCorpus(dir, dir)
  if (hasErrors(corpus.files)) return { files: corpus.files, outputs: new Map<string, string>() }
  return publishSite(corpus, await loadLocales(ROOT), { baseUrl: DEFAULT_BASE_URL })
}

/**
 * Locale cases: the base corpus published with the case's locales. `build`
 * always reads the repository's locales/, so these go through the same
 * stages (loadLocales, publishSite) and the same rule: any error, nothing written.
 */
async function localeMessages(dir: string) {
  const locales = await loadLocales(dir, dir)
  const files = Object.values(locales.files)
  // Like the build: a locale that does not load stops before rendering, so its report is not buried under missing keys.
  if (hasErrors(files)) return { files, all: files, outputs: new Map<string, string>() }
  const site = publishSite(await loadCorpus(join(FIXTURES, '_base'), ROOT), locales, { baseUrl: DEFAULT_BASE_URL })
  return { files, all: site.files, outputs: site.outputs }
}

function expectPositioned(files: readonly VFile[], { expected }: Case) {
  const messages = files
    .filter((file) => file.path === expected.file)
    .flatMap((file) => file.messages)
    .map((message) => ({ ruleId: message.ruleId, line: message.line, column: message.column, fatal: message.fatal }))
  expect(messages).toContainEqual({ ruleId: expected.ruleId, line: expected.line, column: expected.column, fatal: true })
}

/** Published pages run nothing, and published Markdown holds no raw HTML. */
function expectInert(outputs: ReadonlyMap<string, string>) {
  const pages = [...outputs].filter(([path]) => path.endsWith('.html'))
  expect(pages.length).toBeGreaterThan(0)
  for (const [path, html] of pages) expect(executableContent(html), path).toEqual([])
  for (const [path, markdown] of outputs) if (path.endsWith('.md')) expect(rawHtmlInMarkdown(markdown), path).toEqual([])
}

describe('the bad-input corpus', () => {
  it('has at least 60 cases, each with a description and an outcome', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60)
    for (const { name, expected } of cases) {
      expect(expected.description, name).toBeTruthy()
      expect(['error', 'accepted'], name).toContain(expected.outcome)
      if (expected.outcome === 'error') expect([expected.ruleId, expected.file], name).not.toContain(undefined)
    }
  })
})

describe.each(cases.filter(({ expected }) => (expected.target ?? 'sources') === 'sources' && (expected.command ?? 'build') === 'build'))(
  'sources case $name',
  (item) => {
    const { expected } = item
    if (expected.gap) return it.todo(`known gap, not ours to fix (${expected.description}): ${expected.gap}`)
    it(`${expected.outcome === 'error' ? `is refused: ${expected.ruleId} at ${expected.file}:${expected.line}:${expected.column}` : 'is accepted'} (${expected.description})`, async () => {
      const dir = await materializeCase(item)
      const { files, outputs } = await buildMessages(dir)
      expect(lines(files)).toMatchSnapshot()
      if (expected.outcome === 'error') expectPositioned(files, item)
      else {
        expect(hasErrors(files)).toBe(false)
        expectInert(outputs)
      }
      await rm(dir, { recursive: true, force: true })
    })

    it(`makes \`passerelle build\` ${expected.outcome === 'error' ? 'exit 1 and write nothing' : 'exit 0 with inert pages'}, without a stack trace`, async () => {
      const dir = await materializeCase(item)
      const out = join(await mkdtemp(join(tmpdir(), 'passerelle-out-')), 'dist')
      const result = await runCli(['build', '--sources', dir, '--out', out], { cwd: dir })
      expect(result.stderr).not.toMatch(STACK_TRACE)
      if (expected.outcome === 'error') {
        expect(result.code).toBe(1)
        expect(result.stderr).toContain(expected.file)
        expect(result.stderr).toMatch(new RegExp(`${expected.line}:${expected.column}(-\\d+:\\d+)?\\s+error\\s.*${expected.ruleId}`))
        expect(result.stderr).toMatch(/nothing was written/)
        expect(existsSync(out)).toBe(false)
      } else {
        expect(result.code, result.stderr).toBe(0)
        const written = new Map<string, string>()
        for (const path of await readdir(out, { recursive: true })) if (/\.(html|md)$/.test(path)) written.set(path, await readFile(join(out, path), 'utf8'))
        expectInert(written)
      }
      await rm(dir, { recursive: true, force: true })
    })
  },
)

describe.each(cases.filter(({ expected }) => expected.command === 'align'))('review file case $name', (item) => {
  it(`makes \`passerelle align\` exit 1 with ${item.expected.ruleId} at ${item.expected.file}:${item.expected.line}:${item.expected.column}, without a stack trace (${item.expected.description})`, async () => {
    const dir = await materializeCase(item)
    const result = await runCli(['align', 'raid-test', '--sources', dir], { cwd: dir })
    expect(result.code).toBe(1)
    expect(result.stderr).not.toMatch(STACK_TRACE)
    expect(result.stderr).toContain(item.expected.file)
    expect(result.stderr).toMatch(new RegExp(`${item.expected.line}:${item.expected.column}(-\\d+:\\d+)?\\s+error\\s.*${item.expected.ruleId}`))
    expect(result.stderr.replaceAll(dir, '<sources>')).toMatchSnapshot()
    await rm(dir, { recursive: true, force: true })
  })
})

describe.each(cases.filter(({ expected }) => expected.target === 'locales'))('locale case $name', (item) => {
  const { expected } = item
  if (expected.gap) return it.todo(`known gap, not ours to fix (${expected.description}): ${expected.gap}`)
  it(`${expected.outcome === 'error' ? `is refused: ${expected.ruleId} in ${expected.file}` : 'is accepted'} (${expected.description})`, async () => {
    const dir = await materializeCase(item)
    const { files, all, outputs } = await localeMessages(dir)
    expect(lines(files)).toMatchSnapshot()
    if (expected.outcome === 'error') {
      expectPositioned(files, item)
      // The build refuses to write when any file has an error.
      expect(hasErrors(all)).toBe(true)
    } else {
      expect(hasErrors(all)).toBe(false)
      expectInert(outputs)
    }
    await rm(dir, { recursive: true, force: true })
  })
})
