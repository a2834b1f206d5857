import { afterAll, describe, expect, it } from 'vitest'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import { runCli } from '../cli-harness.ts'
import { contentHash } from '../../src/record/hash.ts'
import { copySources } from './helpers.ts'
import { startHarness, type Harness } from './server-harness.ts'
import { xliffCoreProblems } from './xliff-rules.ts'

let harness: Harness | undefined
afterAll(() => harness?.server.close())

describe('passerelle review usage', () => {
  it.each([['--port', 'abc'], ['--port', '70000'], ['--port=-1']])('refuses %s %s', async (...argv) => {
    const result = await runCli(['review', ...argv])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/--port must be a whole number from 0 to 65535/)
  })

  it('refuses a sources folder that does not exist', async () => {
    const result = await runCli(['review', '--port', '0', '--sources', 'no/such/folder'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/no sources folder at .*no\/such\/folder; run from the repository root or pass --sources DIR/)
  })

  it('says so when the port is taken', async () => {
    harness = await startHarness()
    const result = await runCli(['review', '--port', String(harness.server.port), '--sources', harness.sources])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(new RegExp(`port ${harness.server.port} is already in use; choose another with --port`))
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('passerelle xliff usage', () => {
  it.each([[[]], [['export']], [['export', 'soumpi-attack']], [['import']], [['frobnicate']]])('refuses %j with a usage message', async (argv) => {
    const result = await runCli(['xliff', ...argv])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/passerelle xliff: xliff (needs|export needs|import needs)/)
    expect(result.stderr).toMatch(/Usage: passerelle <command>/)
  })
})

describe('xliff import of a first translation', () => {
  it('adds the French text to a section that had none, in block style after its English', async () => {
    const { dir, sources } = await copySources(['soumpi-attack'])
    const record = join(sources, 'soumpi-attack', 'record.yaml')
    const original = await readFile(record, 'utf8')
    // Remove the French of the background section: from its `fr:` key to the next section.
    const start = original.indexOf('    fr:\n', original.indexOf('- id: background'))
    const end = original.indexOf('  - id: attack')
    await writeFile(record, original.slice(0, start) + original.slice(end))
    const out = join(dir, 'first.xlf')
    expect((await runCli(['xliff', 'export', 'soumpi-attack', '--out', out, '--sources', sources], { cwd: dir })).code).toBe(0)
    const xml = await readFile(out, 'utf8')
    expect(xliffCoreProblems(xml)).toEqual([])
    expect(xml).toMatch(/<segment id="background-1" state="initial">\s*<source xml:space="preserve">[^<]+<\/source>\s*<\/segment>/)

    const translated = xml.replace(
      /(<segment id="background-1") state="initial">(\s*<source xml:space="preserve">[^<]+<\/source>)/,
      '$1 state="translated">$2<target xml:space="preserve">Le GSIM est né en 2017 [@le-point].</target>',
    )
    const result = await runCli(['xliff', 'import', out, '--sources', sources], { cwd: dir })
    expect(result.stdout).toMatch(/no changes/)
    await writeFile(out, translated)
    const imported = await runCli(['xliff', 'import', out, '--sources', sources], { cwd: dir })
    expect(imported.stderr).toBe('')
    expect(imported.stdout).toBe('updated soumpi-attack: background (untranslated → translated)\n')
    const after = await readFile(record, 'utf8')
    const background = parseDocument(after).toJS().sections[0]
    expect(background.fr).toEqual({ text: 'Le GSIM est né en 2017 [@le-point].', translates: contentHash(background.en.text), state: 'translated' })
    expect(after.slice(0, start)).toBe(original.slice(0, start))
    expect(after.slice(after.indexOf('  - id: attack'))).toBe(original.slice(end))
    expect(after.slice(start, after.indexOf('  - id: attack'))).toBe(`    fr:\n      text: Le GSIM est né en 2017 [@le-point].\n      translates: "${contentHash(background.en.text)}"\n      state: translated\n`)
  })
})
