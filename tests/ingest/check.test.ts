import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { loadCorpus } from '../../src/ingest/corpus.ts'
import { hasErrors } from '../../src/diagnostics/index.ts'
import { runCli } from '../cli-harness.ts'
import { brokenCases, expectation, materialize, FIXTURES } from './broken-fixtures.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const cases = await Promise.all((await brokenCases()).map(async (name) => ({ name, expected: await expectation(name) })))

describe('passerelle check', () => {
  it('accepts the bundled sources', async () => {
    const result = await runCli(['check'], { cwd: ROOT })
    expect(result.stderr).not.toMatch(/error/)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/events, \d+ excerpts, \d+ entities: OK/)
  })

  it('accepts the valid base fixture', async () => {
    const corpus = await loadCorpus(join(FIXTURES, '_base'))
    expect(corpus.files.flatMap((file) => file.messages)).toEqual([])
  })

  it('has at least 15 distinct broken fixtures', async () => {
    const rules = new Set(cases.map(({ expected }) => expected.ruleId))
    expect(cases.length).toBeGreaterThanOrEqual(15)
    expect(rules.size).toBeGreaterThanOrEqual(15)
  })

  describe.each(cases)('broken fixture $name', ({ name, expected }) => {
    it(`reports ${expected.ruleId} at ${expected.file}:${expected.line}:${expected.column} (${expected.description})`, async () => {
      const dir = await materialize(name)
      const corpus = await loadCorpus(dir, dir)
      expect(hasErrors(corpus.files)).toBe(true)
      const messages = corpus.files
        .filter((file) => file.path === expected.file)
        .flatMap((file) => file.messages)
        .map((message) => ({ ruleId: message.ruleId, line: message.line, column: message.column, fatal: message.fatal }))
      expect(messages).toContainEqual({ ruleId: expected.ruleId, line: expected.line, column: expected.column, fatal: true })
    })

    it('makes the CLI exit 1 with a positioned vfile-reporter message and no stack trace', async () => {
      const dir = await materialize(name)
      const result = await runCli(['check', '--sources', dir], { cwd: dir })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(expected.file)
      expect(result.stderr).toMatch(new RegExp(`${expected.line}:${expected.column}(-\\d+:\\d+)?\\s+error\\s`))
      expect(result.stderr).toContain(expected.ruleId)
      expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/)
    })
  })
})

describe('cli', () => {
  it('rejects an unknown command with usage and exit 2', async () => {
    const result = await runCli(['publsh'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/unknown command `publsh`/)
    expect(result.stderr).toMatch(/Usage: passerelle/)
  })

  it('rejects an unknown option without a stack trace', async () => {
    const result = await runCli(['check', '--sauces', 'x'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/Unknown option '--sauces'/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})
