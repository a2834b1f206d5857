import { describe, expect, it } from 'vitest'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import { runCli } from '../cli-harness.ts'
import { contentHash } from '../../src/record/hash.ts'
import { loadCorpus } from '../../src/ingest/corpus.ts'
import { copySources, snapshot } from './helpers.ts'
import { xliffCoreProblems } from './xliff-rules.ts'

const EVENT = 'soumpi-attack'

async function exported() {
  const { dir, sources } = await copySources([EVENT])
  const out = join(dir, 'soumpi.xlf')
  const result = await runCli(['xliff', 'export', EVENT, '--out', out, '--sources', sources], { cwd: dir })
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  return { dir, sources, out, xml: await readFile(out, 'utf8'), record: join(sources, EVENT, 'record.yaml') }
}

const lineOf = (text: string, search: string) => text.slice(0, text.indexOf(search)).split('\n').length

const importFile = (dir: string, sources: string, file: string) => runCli(['xliff', 'import', file, '--sources', sources], { cwd: dir })

async function sectionsOf(record: string) {
  return parseDocument(await readFile(record, 'utf8')).toJS().sections as Array<{ id: string; en: { text: string }; fr?: { text: string; translates: string; state?: string } }>
}

describe('xliff export', () => {
  it('writes a document that follows the XLIFF 2.0 core rules', async () => {
    const { xml } = await exported()
    expect(xliffCoreProblems(xml)).toEqual([])
    expect(xml).toContain('<xliff version="2.0" srcLang="en" trgLang="fr" xmlns="urn:oasis:names:tc:xliff:document:2.0">')
    expect(xml).toMatch(/<segment id="aftermath-3" state="reviewed">/)
    // The attack section cites RFI: its evidence for the date travels as a note, stated value marked.
    const attack = xml.slice(xml.indexOf('<unit id="attack"'), xml.indexOf('<unit id="aftermath"'))
    expect(attack).toMatch(/<note id="n\d+" category="evidence" appliesTo="source">date\.start = 2018-01-27 \(supported\) — rfi, soumpi-rfi: .*⟦[^⟧]+⟧/)
  })

  it('has a rule checker that catches broken documents', () => {
    const good = '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"><file id="f"><unit id="u"><segment id="s" state="translated"><source>a</source><target>b</target></segment></unit></file></xliff>'
    expect(xliffCoreProblems(good)).toEqual([])
    expect(xliffCoreProblems(good.replace('document:2.0', 'document:1.2'))).toContain('root is not <xliff> in the XLIFF 2.0 namespace')
    expect(xliffCoreProblems(good.replace('state="translated"', 'state="done"'))).toContain('segment state done is not allowed')
    expect(xliffCoreProblems(good.replace('<target>b</target>', ''))).toContain('segment s is translated but has no <target>')
    expect(xliffCoreProblems(good.replace('</unit>', '<notes><note>x</note></notes></unit>'))).toContain('unit u: <notes> must come before the segments')
    expect(xliffCoreProblems(good.replace('</unit>', '</unit><unit id="u"><segment><source>c</source></segment></unit>'))).toContain('id u is not unique in file f')
    expect(xliffCoreProblems(good.replace('<source>a</source>', ''))).toContain('segment s needs exactly one <source>, first')
  })

  it('is deterministic', async () => {
    const first = await exported()
    const second = await exported()
    expect(second.xml).toBe(first.xml)
  })

  it('refuses an unknown event with a usage message', async () => {
    const { dir, sources } = await copySources([EVENT])
    const result = await runCli(['xliff', 'export', 'no-such-event', '--out', join(dir, 'x.xlf'), '--sources', sources], { cwd: dir })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/no event `no-such-event`/)
  })

  it('exports a stale translation as initial with a note', async () => {
    const { dir, sources } = await copySources([EVENT])
    const record = join(sources, EVENT, 'record.yaml')
    await writeFile(record, (await readFile(record, 'utf8')).replace('The military camp at Soumpi', 'The army camp at Soumpi'))
    const out = join(dir, 'stale.xlf')
    expect((await runCli(['xliff', 'export', EVENT, '--out', out, '--sources', sources], { cwd: dir })).code).toBe(0)
    const xml = await readFile(out, 'utf8')
    expect(xliffCoreProblems(xml)).toEqual([])
    expect(xml).toMatch(/<segment id="attack-1" state="initial">/)
    expect(xml).toMatch(/<note id="n1" category="stale" appliesTo="target">The French text translates an older English version/)
  })
})

describe('xliff import', () => {
  it('leaves sources/ byte-identical when a file comes back unchanged', async () => {
    const { dir, sources, out } = await exported()
    const before = await snapshot(sources)
    const result = await importFile(dir, sources, out)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/no changes/)
    expect(await snapshot(sources)).toEqual(before)
  })

  it('updates the French text and state of a changed section, and no other byte', async () => {
    const { dir, sources, out, xml, record } = await exported()
    const before = await readFile(record, 'utf8')
    const edited = xml
      .replace('Le 27 janvier au matin', 'Le samedi 27 janvier au matin')
      .replace('<segment id="attack-1" state="reviewed">', '<segment id="attack-1" state="final">')
    await writeFile(out, edited)
    const result = await importFile(dir, sources, out)
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('updated soumpi-attack: attack (reviewed → final)\n')
    const after = await readFile(record, 'utf8')
    const attack = (await sectionsOf(record)).find((section) => section.id === 'attack')!
    expect(attack.fr!.text.startsWith('Le samedi 27 janvier au matin')).toBe(true)
    expect(attack.fr!.state).toBe('final')
    // Everything outside the attack section's French text and state is untouched.
    const start = before.indexOf('        Le 27 janvier au matin')
    const end = before.indexOf('  - id: aftermath')
    expect(after.slice(0, start)).toBe(before.slice(0, start))
    expect(after.slice(after.indexOf('  - id: aftermath'))).toBe(before.slice(end))
    // The edited record still passes the schema (an invalid one would not load).
    expect((await loadCorpus(sources, dir)).events.map((event) => event.record.id)).toEqual([EVENT])
  })

  it('refuses a file whose English source no longer matches the record', async () => {
    const { dir, sources, out, xml } = await exported()
    await writeFile(out, xml.replace('The military camp at Soumpi', 'The camp at Soumpi'))
    const before = await snapshot(sources)
    const result = await importFile(dir, sources, out)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/soumpi\.xlf\n\s*\d+:\d+\s+error\s+The English source of section `attack` no longer matches soumpi-attack\/record\.yaml; the English text changed since this file was exported/)
    expect(await snapshot(sources)).toEqual(before)
  })

  it('marks a stale translation current once the translator confirms it', async () => {
    const { dir, sources, record } = await copySources([EVENT]).then(async (copy) => ({ ...copy, record: join(copy.sources, EVENT, 'record.yaml') }))
    await writeFile(record, (await readFile(record, 'utf8')).replace('The military camp at Soumpi', 'The army camp at Soumpi'))
    const out = join(dir, 'stale.xlf')
    await runCli(['xliff', 'export', EVENT, '--out', out, '--sources', sources], { cwd: dir })
    const unchanged = await snapshot(sources)
    expect((await importFile(dir, sources, out)).stdout).toMatch(/no changes/)
    expect(await snapshot(sources)).toEqual(unchanged)

    await writeFile(out, (await readFile(out, 'utf8')).replace('<segment id="attack-1" state="initial">', '<segment id="attack-1" state="translated">'))
    const result = await importFile(dir, sources, out)
    expect(result.stdout).toBe('updated soumpi-attack: attack (reviewed → translated)\n')
    const attack = (await sectionsOf(record)).find((section) => section.id === 'attack')!
    expect(attack.fr!.translates).toBe(contentHash(attack.en.text))
    expect(attack.fr!.state).toBe('translated')
  })

  it('reports malformed XML at its line and column, without a stack trace', async () => {
    const { dir, sources, out, xml } = await exported()
    await writeFile(out, xml.replace('</target>', '</targte>'))
    const result = await importFile(dir, sources, out)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(new RegExp(`soumpi\\.xlf\\n\\s*${lineOf(xml, '</target>')}:\\d+\\s+error\\s+XML: .*mismatch`))
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/)
  })

  it('refuses a unit that appears twice', async () => {
    const { dir, sources, out, xml } = await exported()
    const unit = xml.slice(xml.indexOf('    <unit id="attack"'), xml.indexOf('    <unit id="aftermath"'))
    await writeFile(out, xml.replace(unit, unit + unit))
    const result = await importFile(dir, sources, out)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/error\s+Unit `attack` appears twice in file `soumpi-attack`/)
  })

  it('refuses an invalid state and a file that is not XLIFF 2.0', async () => {
    const { dir, sources, out, xml } = await exported()
    await writeFile(out, xml.replace('state="reviewed"', 'state="done"'))
    expect((await importFile(dir, sources, out)).stderr).toMatch(new RegExp(`${lineOf(xml, 'state="reviewed"')}:\\d+\\s+error\\s+Segment state \`done\` is not an XLIFF 2.0 state`))
    await writeFile(out, xml.replace('version="2.0"', 'version="1.2"'))
    expect((await importFile(dir, sources, out)).stderr).toMatch(/the version must be 2\.0/)
  })
})
