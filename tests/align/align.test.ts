import { describe, expect, it } from 'vitest'
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadCorpus } from '../../src/ingest/corpus.ts'
import { alignEvent } from '../../src/align/index.ts'
import { clearDecision, decisionContext, recordDecision } from '../../src/review/state.ts'

const SOURCES = join(import.meta.dirname, '../../sources')

async function soumpiCopy() {
  const root = await mkdtemp(join(tmpdir(), 'passerelle-align-'))
  await cp(join(SOURCES, 'glossary.yaml'), join(root, 'glossary.yaml'))
  await cp(join(SOURCES, 'soumpi-attack'), join(root, 'soumpi-attack'), { recursive: true })
  return root
}

async function soumpi(root = SOURCES) {
  const corpus = await loadCorpus(root, root)
  const event = corpus.events.find((e) => e.record.id === 'soumpi-attack')!
  return { corpus, event, alignment: alignEvent(event, corpus.glossary) }
}

const field = (alignment: ReturnType<typeof alignEvent>, name: string) => alignment.fields.find((f) => f.field === name)!

describe('alignEvent on the Soumpi attack', () => {
  it('gives every infobox number French evidence', async () => {
    const { alignment } = await soumpi()
    for (const name of ['sides.malian-forces.casualties.killed', 'sides.malian-forces.casualties.injured', 'sides.malian-forces.casualties.vehicles', 'sides.jihadists.strength', 'sides.jihadists.casualties.killed', 'date.start', 'date.startTime', 'place']) {
      expect(field(alignment, name).evidence.length, name).toBeGreaterThan(0)
      expect(field(alignment, name).status, name).not.toBe('unsupported')
    }
    expect(field(alignment, 'sides.malian-forces.casualties.killed').status).toBe('supported')
    expect(field(alignment, 'sides.jihadists.strength').evidence[0]).toMatchObject({ source: 'dakaractu', value: 30, qualifier: 'about', agrees: true })
  })

  it('marks 17 vs 18 injured and 2 vs 4 attackers killed contested, with both sources', async () => {
    const { alignment } = await soumpi()
    const injured = field(alignment, 'sides.malian-forces.casualties.injured')
    expect(injured.status).toBe('contested')
    expect(injured.evidence.map((e) => [e.source, e.value, e.agrees])).toEqual([['kibaru', 18, true], ['le-monde', 17, false], ['rfi', 18, true]])
    const killed = field(alignment, 'sides.jihadists.casualties.killed')
    expect(killed.status).toBe('contested')
    expect(killed.evidence.map((e) => [e.source, e.value])).toEqual([['kibaru', 4], ['le-monde', 2]])
  })

  it('locates evidence in its sentence and its file', async () => {
    const { alignment, event } = await soumpi()
    const evidence = field(alignment, 'sides.malian-forces.casualties.injured').evidence.find((e) => e.source === 'le-monde')!
    expect(evidence.text.slice(evidence.start, evidence.end)).toBe('dix-sept')
    const file = event.excerpts.find((e) => e.meta.id === 'soumpi-le-monde')!.file
    expect(String(file.value).slice(evidence.file.start, evidence.file.end)).toBe(evidence.text)
    expect(evidence.file).toMatchObject({ path: 'soumpi-attack/excerpts/le-monde.md', line: 8, column: 1 })
    expect(evidence.link).toMatch(/^[0-9a-f]{12}$/)
  })

  it('is deterministic: links and output are identical across runs', async () => {
    const first = (await soumpi()).alignment
    const second = (await soumpi()).alignment
    expect(JSON.stringify(second)).toBe(JSON.stringify(first))
  })

  it('lists claims that match no field', async () => {
    const { alignment } = await soumpi()
    expect(alignment.unmatched.map((c) => [c.kind, c.value, c.excerpt])).toContainEqual(['place', 'mauritania', 'soumpi-yahoo-news'])
    const claim = alignment.unmatched[0]!
    expect(claim.text.slice(claim.start, claim.end)).toBe('Mauritanie')
  })
})

describe('alignEvent with review decisions', () => {
  it('applies decisions, ignores rejected evidence, and marks them stale when the span or the value changes', async () => {
    const root = await soumpiCopy()
    const dir = join(root, 'soumpi-attack')
    let { alignment } = await soumpi(root)
    const injured = field(alignment, 'sides.malian-forces.casualties.injured')
    const leMonde = injured.evidence.find((e) => e.source === 'le-monde')!
    await recordDecision(dir, leMonde.link, { decision: 'rejected', note: 'Reuters source, superseded' }, decisionContext(injured, leMonde))
    ;({ alignment } = await soumpi(root))
    const after = field(alignment, 'sides.malian-forces.casualties.injured')
    expect(after.evidence.find((e) => e.source === 'le-monde')!.decision).toEqual({ decision: 'rejected', note: 'Reuters source, superseded' })
    expect(after.status).toBe('supported')

    // The excerpt's sentence changes: the decision is kept but stale, and the field needs review again.
    const path = join(dir, 'excerpts/le-monde.md')
    await writeFile(path, (await readFile(path, 'utf8')).replace('dans la nuit', 'au cours de la nuit'))
    ;({ alignment } = await soumpi(root))
    const stale = field(alignment, 'sides.malian-forces.casualties.injured')
    expect(stale.evidence.find((e) => e.source === 'le-monde')!.decision).toMatchObject({ decision: 'rejected', stale: true })
    expect(stale.status).toBe('stale')
  })

  it('marks a decision stale when the record value changes', async () => {
    const root = await soumpiCopy()
    const dir = join(root, 'soumpi-attack')
    const { alignment } = await soumpi(root)
    const killed = field(alignment, 'sides.jihadists.casualties.killed')
    const kibaru = killed.evidence.find((e) => e.source === 'kibaru')!
    await recordDecision(dir, kibaru.link, { decision: 'approved' }, decisionContext(killed, kibaru))
    const record = join(dir, 'record.yaml')
    await writeFile(record, (await readFile(record, 'utf8')).replace('      killed:\n        value: 4', '      killed:\n        value: 2'))
    const changed = field((await soumpi(root)).alignment, 'sides.jihadists.casualties.killed')
    expect(changed.value).toBe(2)
    expect(changed.evidence.find((e) => e.source === 'kibaru')!.decision).toEqual({ decision: 'approved', stale: true })
    expect(changed.status).toBe('stale')
    // Undoing the stale decision gives the field its evidence status back.
    await clearDecision(dir, kibaru.link)
    expect(field((await soumpi(root)).alignment, 'sides.jihadists.casualties.killed').status).toBe('contested')
  })
})

describe('alignEvent on belligerents named one by one', () => {
  it('supports a side only when each belligerent is named (Casques bleus du Tchad, bangladais, soldats français, Barkhane)', async () => {
    const corpus = await loadCorpus(SOURCES, SOURCES)
    const event = corpus.events.find((e) => e.record.id === 'aguelhok-attack-2019')!
    const side = (alignment: ReturnType<typeof alignEvent>) => field(alignment, 'sides.peacekeepers-and-french-forces.belligerents')
    const full = side(alignEvent(event, corpus.glossary, { report: false }))
    expect(full.status).toBe('supported')
    expect(full.unnamed).toBeUndefined()
    expect(new Set(full.evidence.map((e) => e.value))).toEqual(new Set(['minusma', 'chad', 'bangladesh', 'french-armed-forces', 'barkhane']))
    // The dispatch alone names the peacekeepers and their states, not the French forces.
    const dispatchOnly = { ...event, excerpts: event.excerpts.filter((e) => e.meta.id === 'aguelhok-2019-depeche') }
    const partial = side(alignEvent(dispatchOnly, corpus.glossary, { report: false }))
    expect(partial.evidence.length).toBeGreaterThan(0)
    expect(partial.status).toBe('unsupported')
    expect(partial.unnamed).toEqual(['france', 'barkhane'])
  })
})
