import { beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, readFile, writeFile, mkdir, cp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli, type CliResult } from '../cli-harness.ts'

const N = '\u202F'
let out: string
let first: CliResult
const read = (path: string) => readFile(join(out, path), 'utf8')
const text = (html: string) => html.slice(html.indexOf('<body')).replace(/<sup class="citation">.*?<\/sup>/g, '').replace(/<[^>]+>/g, '')

beforeAll(async () => {
  out = join(await mkdtemp(join(tmpdir(), 'passerelle-build-')), 'dist')
  first = await runCli(['build', '--out', out, '--quiet'])
})

describe('build on the bundled sources', () => {
  it('succeeds and writes both Soumpi pages with Markdown and JSON', async () => {
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    for (const path of ['en/soumpi-attack', 'fr/attaque-de-soumpi']) {
      for (const file of ['index.html', 'index.md', 'index.json']) expect((await read(`${path}/${file}`)).length).toBeGreaterThan(100)
    }
  })

  it('carries the Soumpi facts from YAML to both pages', async () => {
    const en = text(await read('en/soumpi-attack/index.html'))
    const fr = text(await read('fr/attaque-de-soumpi/index.html'))
    expect(en).toContain('14 killed')
    expect(en).toContain('17 (according to an anonymous Malian military source, speaking to Reuters) or 18 (according to the Malian army) injured')
    expect(en).toContain('about 30')
    expect(en).toContain('2 (according to an anonymous Malian military source, speaking to Reuters) or 4 (according to JNIM) killed')
    expect(en).toContain('6 vehicles lost (according to JNIM)')
    expect(en).toContain('January 27, 2018')
    expect(en).toContain('around 4:00 a.m. to 8:00 a.m. (GMT)')
    expect(en).toContain('JNIM–CPA victory')
    expect(fr).toContain('14 tués')
    expect(fr).toContain("17 (selon une source militaire malienne anonyme, citée par Reuters) ou 18 (selon l'armée malienne) blessés")
    expect(fr).toContain('Environ 30')
    expect(fr).toContain('2 (selon une source militaire malienne anonyme, citée par Reuters) ou 4 (selon le GSIM) tués')
    expect(fr).toContain('27 janvier 2018')
    expect(fr).toContain('De 4 h à 8 h environ (GMT)')
    expect(fr).toContain('Victoire du GSIM et de la CPA')
  })

  it('cites each contested value with its own source', async () => {
    const html = await read('en/soumpi-attack/index.html')
    // 17 comes from Le Monde alone; 18 from RFI and Kibaru.
    expect(html).toMatch(/<data value="17"[^>]*>17<\/data> \(according to [^)]*\)<sup class="citation"><a href="#ref-le-monde"/)
    expect(html).toMatch(/<data value="18"[^>]*>18<\/data> \(according to the Malian army\)<sup class="citation"><a href="#ref-rfi"[^]*?<\/sup><sup class="citation"><a href="#ref-kibaru"/)
  })

  it('generates the lead in both languages', async () => {
    expect(text(await read('en/soumpi-attack/index.html'))).toContain(
      'The Soumpi attack took place on January 27, 2018, in Soumpi, Mali, during the Mali War. It pitted Mali against Jama\'at Nasr al-Islam wal Muslimin (JNIM) and the Coalition of the People of Azawad (CPA). It ended in a JNIM–CPA victory.',
    )
    expect(text(await read('fr/attaque-de-soumpi/index.html'))).toContain(
      "L'attaque de Soumpi a eu lieu le 27 janvier 2018 à Soumpi (Mali), pendant la guerre du Mali. Elle a opposé le Mali au Groupe de soutien à l'islam et aux musulmans (GSIM) et à la Coalition du peuple pour l'Azawad (CPA). Elle s'est soldée par la victoire du GSIM et de la CPA.",
    )
  })

  it('applies French typography to the French page only', async () => {
    const fr = await read('fr/attaque-de-soumpi/index.html')
    expect(fr).toContain(`blessés${N}; selon elle`)
    expect(fr).toContain(`l'assaut\u00A0: ils`)
    expect(fr).toContain(`«${N}<cite lang="fr">Mali\u00A0: nouvelle attaque`)
    expect(await read('en/soumpi-attack/index.html')).not.toContain(N + ';')
  })

  it('marks foreign references from their detected language', async () => {
    expect(text(await read('en/soumpi-attack/index.html'))).toContain('RFI (in French).')
    expect(text(await read('fr/attaque-de-soumpi/index.html'))).toContain('CSIS (en anglais).')
    expect(text(await read('fr/attaque-de-soumpi/index.html'))).toContain('RFI. Publié le 27 janvier 2018. Consulté le 17 novembre 2023.')
  })

  it('links the two languages both ways, with x-default, a switcher and JSON-LD', async () => {
    const en = await read('en/soumpi-attack/index.html')
    const fr = await read('fr/attaque-de-soumpi/index.html')
    for (const html of [en, fr]) {
      expect(html).toContain('<link rel="alternate" hreflang="en" href="https://passerelle.example.org/en/soumpi-attack/">')
      expect(html).toContain('<link rel="alternate" hreflang="fr" href="https://passerelle.example.org/fr/attaque-de-soumpi/">')
      expect(html).toContain('hreflang="x-default"')
      const jsonLd = JSON.parse(/<script type="application\/ld\+json">([^]*?)<\/script>/.exec(html)![1]!)
      expect(jsonLd['@graph'].map((node: { '@type': string }) => node['@type'])).toEqual(['Article', 'Event'])
    }
    expect(en).toMatch(/^<!DOCTYPE html><html lang="en">/)
    expect(fr).toMatch(/^<!DOCTYPE html><html lang="fr">/)
    expect(fr).toContain('<a href="../../en/soumpi-attack/" hreflang="en" lang="en" rel="alternate">Read in English</a>')
  })

  it('writes a sitemap with alternates, an Atom feed per language, and dated index pages', async () => {
    const sitemap = await read('sitemap.xml')
    expect(sitemap).toContain('<loc>https://passerelle.example.org/fr/attaque-de-soumpi/</loc>')
    expect(sitemap).toContain('<xhtml:link rel="alternate" hreflang="fr" href="https://passerelle.example.org/fr/attaque-de-soumpi/"')
    const feed = await read('fr/feed.xml')
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">')
    expect(feed).toContain('<title>Attaque de Soumpi</title>')
    expect(feed).not.toMatch(new RegExp(new Date().toISOString().slice(0, 10)))
    const index = text(await read('en/index.html'))
    expect(index.indexOf('Boulikessi attack (2017)')).toBeLessThan(index.indexOf('Soumpi attack'))
    // The undated Ménaka offensive comes last.
    expect(index.trim().split('\n').filter(Boolean).join(' ')).toMatch(/Ménaka offensive, date unknown\s*Written/)
  })

  it('publishes every event of sources/ in both languages', async () => {
    const folders = (await readdir(join(process.cwd(), 'sources'), { withFileTypes: true })).filter((entry) => entry.isDirectory())
    expect((await readdir(join(out, 'en'))).filter((name) => !name.includes('.')).length).toBe(folders.length)
    expect((await readdir(join(out, 'fr'))).filter((name) => !name.includes('.')).length).toBe(folders.length)
  })

  it('is byte-identical from one build to the next', async () => {
    const again = join(out, '..', 'again')
    expect((await runCli(['build', '--out', again, '--quiet'])).code).toBe(0)
    for (const path of ['en/soumpi-attack/index.html', 'fr/attaque-de-soumpi/index.json', 'fr/attaque-de-soumpi/index.md', 'sitemap.xml', 'en/feed.xml', 'fr/index.html']) {
      expect(await readFile(join(again, path), 'utf8')).toBe(await read(path))
    }
  })
})

describe('build on broken sources', () => {
  it('exits 1 with the positioned report and leaves the previous output intact', async () => {
    const root = await mkdtemp(join(tmpdir(), 'passerelle-broken-'))
    await cp(join(process.cwd(), 'sources'), join(root, 'sources'), { recursive: true })
    const record = join(root, 'sources', 'soumpi-attack', 'record.yaml')
    await writeFile(record, (await readFile(record, 'utf8')).replace('        value: 14\n', '        value: -14\n'))
    const dist = join(root, 'dist')
    await mkdir(dist)
    await writeFile(join(dist, 'previous.txt'), 'previous build')
    const result = await runCli(['build', '--sources', join(root, 'sources'), '--out', dist], { cwd: root })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/sources\/soumpi-attack\/record\.yaml\n\s*\d+:\d+(-\d+:\d+)? error/)
    expect(result.stderr).toContain('nothing was written')
    expect(await readdir(dist)).toEqual(['previous.txt'])
    expect(await readdir(root)).toEqual(['dist', 'sources'])
  })

  it('fails on prose citing an unknown reference, naming it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'passerelle-cite-'))
    await cp(join(process.cwd(), 'sources'), join(root, 'sources'), { recursive: true })
    const record = join(root, 'sources', 'soumpi-attack', 'record.yaml')
    await writeFile(record, (await readFile(record, 'utf8')).replace('jihadists [@le-point].', 'jihadists [@nowhere].'))
    const result = await runCli(['build', '--sources', join(root, 'sources'), '--out', join(root, 'dist')], { cwd: root })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Prose cites `[@nowhere]`')
    await expect(readdir(join(root, 'dist'))).rejects.toThrow()
  })

  it('rejects a base URL that is not http(s)', async () => {
    const result = await runCli(['build', '--base-url', 'ftp://x', '--out', join(tmpdir(), 'never')])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('--base-url must be an absolute http(s) URL')
  })
})
