/** French counts 0 and 1 as singular through i18next's plural rules; a template that drops a fact fails the build. */
import { describe, expect, it } from 'vitest'
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadCorpus } from '../../src/ingest/corpus.ts'
import { loadLocales } from '../../src/publish/i18n.ts'
import { publishSite } from '../../src/publish/site.ts'
import { DEFAULT_BASE_URL } from '../../src/publish/urls.ts'
import type { Quantity } from '../../src/record/schema.ts'
import { runCli } from '../cli-harness.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const exact = (value: number): Quantity => ({ value, qualifier: 'exact', claims: [{ value, qualifier: 'exact', sources: ['rfi'] }] })

/** Visible text of the infobox of a published page. */
const infoboxText = (html: string) => html.slice(html.indexOf('<table'), html.indexOf('</table>')).replace(/<sup[^>]*>.*?<\/sup>/g, '').replace(/<[^>]+>/g, '')

describe('plurals', () => {
  it('writes 0 and 1 in the singular in French, and 14 in the plural, in both languages', async () => {
    const corpus = await loadCorpus(join(ROOT, 'sources'))
    const soumpi = corpus.events.find((event) => event.record.id === 'soumpi-attack')!
    const casualties = soumpi.record.sides[0]!.casualties
    casualties.killed = exact(1)
    casualties.injured = exact(0)
    casualties.missing = exact(14)
    delete casualties.vehicles
    const { outputs, files } = publishSite(corpus, await loadLocales(ROOT), { baseUrl: DEFAULT_BASE_URL })
    expect(files.flatMap((file) => file.messages.filter((message) => message.fatal))).toEqual([])
    const fr = infoboxText(outputs.get('fr/attaque-de-soumpi/index.html')!)
    expect(fr).toContain('1 tué')
    expect(fr).not.toContain('1 tués')
    expect(fr).toContain('0 blessé')
    expect(fr).not.toContain('0 blessés')
    expect(fr).toContain('14 disparus')
    const en = infoboxText(outputs.get('en/soumpi-attack/index.html')!)
    expect(en).toContain('1 killed')
    expect(en).toContain('0 injured')
    expect(en).toContain('14 missing')
  })
})

describe('fact parity', () => {
  it('fails the build, naming the fact and the language, when a French template drops a number', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-parity-'))
    await cp(join(ROOT, 'locales'), join(dir, 'locales'), { recursive: true })
    const path = join(dir, 'locales', 'fr', 'publish.json')
    const locale = JSON.parse(await readFile(path, 'utf8'))
    // A translator "simplifies" the plural: the figure disappears from every French casualty cell.
    locale.casualty.injured_other = 'des blessés'
    locale.casualty.injured_many = 'des blessés'
    await writeFile(path, JSON.stringify(locale, null, 2))
    const out = join(dir, 'dist')
    const result = await runCli(['build', '--sources', join(ROOT, 'sources'), '--out', out, '--no-cache'], { cwd: dir })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/number 18 \(exact\)/)
    expect(result.stderr).toMatch(/\bfr\b/)
    expect(result.stderr).toMatch(/nothing was written/)
    expect(existsSync(out)).toBe(false)
  })
})
