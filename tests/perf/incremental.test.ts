/**
 * Incremental builds on a small synthetic corpus: which events are parsed and
 * rendered, which output files change, and that a warm build's output is
 * byte-identical to a cold one after every kind of change. No timing here:
 * timings are `npm run bench`'s business.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { appendFile, cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateCorpus } from '../../bench/synthetic.ts'
import { buildAndWrite, type BuildOptions } from '../../src/build/incremental.ts'
import { LOCALES_DIR } from '../../src/publish/i18n.ts'
import { formatReport } from '../../src/diagnostics/index.ts'
import { coldTree, tree } from './helpers.ts'

const BASE_URL = 'https://passerelle.example.org/'
let template: string

beforeAll(async () => {
  template = await mkdtemp(join(tmpdir(), 'perf-corpus-'))
  await generateCorpus(template, { events: 4, seed: 11 })
})

interface Site {
  root: string
  out: string
  cache: string
  options: BuildOptions
}

async function site(): Promise<Site> {
  const dir = await mkdtemp(join(tmpdir(), 'perf-site-'))
  const root = join(dir, 'sources')
  await cp(template, root, { recursive: true })
  await tick()
  const out = join(dir, 'dist')
  const cache = join(dir, '.passerelle-cache')
  return { root, out, cache, options: { root, cwd: dir, out, baseUrl: BASE_URL, cacheDir: cache, codeVersion: 'v1' } }
}

/**
 * Waits for the file system's clock to move on (it ticks every few
 * milliseconds): a file changed in the tick a build starts in is "racily
 * clean" and that build records no stat for it (src/build/scan.ts), so a
 * test that wants the next build to trust the stats waits a tick.
 */
export const tick = () => new Promise((resolve) => setTimeout(resolve, 20))

/** Every output file's bytes, by path. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((path) => before.get(path) !== after.get(path)).sort()
}

const event = (index: number) => `synthetic-attack-${String(index).padStart(5, '0')}`

describe('incremental build', () => {
  it('a rebuild with nothing changed parses and renders nothing and leaves the output as it was', async () => {
    const { options, out } = await site()
    const first = await buildAndWrite(options)
    expect(first.stats).toMatchObject({ events: 4, parsed: 4, rendered: 4, sitePages: true })
    const before = await tree(out)
    const again = await buildAndWrite(options)
    expect(again.stats).toMatchObject({ events: 4, parsed: 0, rendered: 0, sitePages: false })
    expect(again.unchanged).toBe(true)
    expect(await tree(out)).toEqual(before)
    expect(before).toEqual(await coldTree(options))
  })

  it('an excerpt change parses that event again but changes no page (excerpts are not published)', async () => {
    const { options, out, root } = await site()
    await buildAndWrite(options)
    const before = await tree(out)
    await appendFile(join(root, event(2), 'excerpts', 'agence-0.md'), '\nUn paragraphe de plus sur le bilan.\n')
    const result = await buildAndWrite(options)
    expect(result.stats).toMatchObject({ parsed: 1, rendered: 0 })
    expect(changed(before, await tree(out))).toEqual([])
  })

  it('a title change renders that event, the event linking to it and the pages listing titles, and nothing else', async () => {
    const { options, out, root } = await site()
    await buildAndWrite(options)
    const before = await tree(out)
    const recordPath = join(root, event(1), 'record.yaml')
    await writeFile(recordPath, (await readFile(recordPath, 'utf8')).replace('en: Synthetic attack 1\n', 'en: Synthetic attack one\n'))
    const result = await buildAndWrite(options)
    expect(result.stats).toMatchObject({ parsed: 1, rendered: 2, sitePages: true })
    const after = await tree(out)
    // Event 2 lists event 1 as related; the sitemap has no titles, and French pages show only the French title.
    expect(changed(before, after)).toEqual([
      'en/feed.xml',
      'en/index.html',
      `en/${event(1)}/index.html`,
      `en/${event(1)}/index.json`,
      `en/${event(1)}/index.md`,
      `en/${event(2)}/index.html`,
      `en/${event(2)}/index.json`,
      `en/${event(2)}/index.md`,
    ])
    expect(after).toEqual(await coldTree(options))
  })

  it.each([
    ['the glossary', 12, async (s: Site) => writeFile(join(s.root, 'glossary.yaml'), (await readFile(join(s.root, 'glossary.yaml'), 'utf8')).replace('en: { name: Soumpi }', 'en: { name: Soumpi village }'))],
    ['the locales', 4, async (s: Site) => {
      const dir = join(s.root, '..', 'locales')
      await cp(LOCALES_DIR, dir, { recursive: true })
      const path = join(dir, 'en', 'publish.json')
      await writeFile(path, (await readFile(path, 'utf8')).replace('"name": "Passerelle"', '"name": "Passerelle News"'))
      s.options.localesDir = dir
    }],
    ['the base URL', 8, async (s: Site) => void (s.options.baseUrl = 'https://example.net/news/')],
    ['the code', 0, async (s: Site) => void (s.options.codeVersion = 'v2')],
  ])('a change of %s renders every page again, as a cold build would', async (_, englishFilesChanged, change) => {
    const s = await site()
    await buildAndWrite(s.options)
    const before = await tree(s.out)
    await change(s)
    const result = await buildAndWrite(s.options)
    expect(result.stats.rendered).toBe(4)
    const after = await tree(s.out)
    // English event files that differ: a place name shows in HTML, Markdown and JSON; the site name in HTML
    // only; URLs in HTML and JSON; the same code renders the same bytes.
    expect(changed(before, after).filter((path) => path.startsWith('en/synthetic')).length).toBe(englishFilesChanged)
    expect(after).toEqual(await coldTree(s.options))
  })

  it('a rebuild with nothing changed leaves the cache file as it was (nothing new to remember)', async () => {
    const { options, cache } = await site()
    await buildAndWrite(options)
    const [name] = (await readdir(cache)).filter((file) => file.endsWith('.bin'))
    const before = await stat(join(cache, name!))
    const bytes = await readFile(join(cache, name!))
    await buildAndWrite(options)
    const after = await stat(join(cache, name!))
    expect(after.mtimeMs).toBe(before.mtimeMs)
    expect(await readFile(join(cache, name!))).toEqual(bytes)
  })

  it('a rebuild with nothing changed after a clean build needs only the stamp, not the cache', async () => {
    const { options, cache, out } = await site()
    await buildAndWrite(options)
    const before = await tree(out)
    const [name] = (await readdir(cache)).filter((file) => file.endsWith('.bin'))
    // A cache that cannot be read would cost a full build: nothing parsed shows it was not needed.
    await writeFile(join(cache, name!), 'not a cache')
    const again = await buildAndWrite(options)
    expect(again.stats).toMatchObject({ events: 4, parsed: 0, rendered: 0 })
    expect(again.unchanged).toBe(true)
    expect(await tree(out)).toEqual(before)
  })

  it('a warning from the cross-file checks is reported again on every rebuild, as a cold build reports it', async () => {
    const { options, root, out } = await site()
    await buildAndWrite(options)
    const recordPath = join(root, event(1), 'record.yaml')
    // The French section now translates an older English text: a warning, not an error, so the build goes on and is cached.
    await writeFile(recordPath, (await readFile(recordPath, 'utf8')).replace(/text: On (\S+), /, 'text: On $1 (local time), '))
    await buildAndWrite(options)
    const again = await buildAndWrite(options)
    expect(again.stats.parsed).toBe(0)
    const cold = await buildAndWrite({ ...options, cacheDir: undefined, out: join(root, '..', 'cold') })
    expect(formatReport(again.files)).toMatch(/translates an older English text/)
    expect(formatReport(again.files)).toBe(formatReport(cold.files))
    expect(await tree(out)).toEqual(await tree(join(root, '..', 'cold')))
  })

  it('an error in an excerpt after a no-op rebuild is found by the cross-file checks', async () => {
    const { options, root } = await site()
    await buildAndWrite(options)
    await buildAndWrite(options)
    const excerpt = join(root, event(2), 'excerpts', 'agence-1.md')
    await writeFile(excerpt, (await readFile(excerpt, 'utf8')).replace(/^reference: .*$/m, 'reference: no-such-reference'))
    const warm = await buildAndWrite(options)
    const cold = await buildAndWrite({ ...options, cacheDir: undefined, out: join(root, '..', 'cold') })
    expect(formatReport(warm.files)).toMatch(/no-such-reference/)
    expect(formatReport(warm.files)).toBe(formatReport(cold.files))
  })

  it('a reference title in another language is detected again and gives the pages of a cold build', async () => {
    const { options, root, out } = await site()
    await buildAndWrite(options)
    const recordPath = join(root, event(0), 'record.yaml')
    await writeFile(recordPath, (await readFile(recordPath, 'utf8')).replace(/title: Attaque contre .*$/m, 'title: Attack on a military camp in Mali kills at least eighteen soldiers'))
    const result = await buildAndWrite(options)
    expect(result.stats.rendered).toBeGreaterThanOrEqual(1)
    const after = await tree(out)
    expect(after.get(`en/${event(0)}/index.html`)).toMatch(/<cite lang="[a-z-]+">Attack on a military camp/)
    expect(after).toEqual(await coldTree(options))
  })

  it('an error found while rendering, after other pages went to the staging folder, leaves the output as it was and no staging behind', async () => {
    const { options, out, root } = await site()
    await buildAndWrite(options)
    const before = await tree(out)
    // Every event renders again (new base URL); the last one cites a reference it does not have, found only when its prose is rendered.
    const recordPath = join(root, event(3), 'record.yaml')
    await writeFile(recordPath, (await readFile(recordPath, 'utf8')).replace('[@agence-0].', '[@no-such-source].'))
    const result = await buildAndWrite({ ...options, baseUrl: 'https://example.net/' })
    expect(formatReport(result.files)).toMatch(/Prose cites `\[@no-such-source\]`/)
    expect(await tree(out)).toEqual(before)
    expect((await readdir(join(out, '..'))).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('rendering on worker threads gives the bytes of the main thread', async () => {
    const { options, out } = await site()
    const result = await buildAndWrite({ ...options, workers: 2, minEventsPerWorker: 1 })
    expect(formatReport(result.files)).toBe('')
    expect(result.stats.rendered).toBe(4)
    expect(await tree(out)).toEqual(await coldTree({ ...options, workers: 1 }))
  })

  it('on worker threads, a touched file with the same bytes is not parsed again, and a changed one is', async () => {
    const { options, root } = await site()
    const threaded = { ...options, workers: 2, minEventsPerWorker: 1 }
    await buildAndWrite(threaded)
    for (let index = 0; index < 4; index++) {
      const path = join(root, event(index), 'excerpts', 'agence-0.md')
      await writeFile(path, await readFile(path))
    }
    await appendFile(join(root, event(2), 'excerpts', 'agence-1.md'), '\nUn paragraphe de plus.\n')
    await tick()
    const result = await buildAndWrite(threaded)
    expect(formatReport(result.files)).toBe('')
    expect(result.stats.parsed).toBe(1)
  })

  it('on worker threads, an event with a problem is reported exactly as a single-threaded build reports it, and nothing is written', async () => {
    const { options, out, root } = await site()
    const recordPath = join(root, event(1), 'record.yaml')
    await writeFile(recordPath, (await readFile(recordPath, 'utf8')).replace('partOf: mali-war', 'partOf: no-such-war'))
    const excerptPath = join(root, event(2), 'excerpts', 'agence-0.md')
    await writeFile(excerptPath, (await readFile(excerptPath, 'utf8')).replace('---\n', '---\nunknownField: 1\n'))
    const threaded = await buildAndWrite({ ...options, cacheDir: undefined, workers: 2, minEventsPerWorker: 1 })
    const single = await buildAndWrite({ ...options, cacheDir: undefined, workers: 1, out: join(root, '..', 'single') })
    expect(formatReport(threaded.files)).toBe(formatReport(single.files))
    expect(formatReport(threaded.files)).toMatch(/no-such-war/)
    expect(formatReport(threaded.files)).toMatch(/unknownField/)
    await expect(stat(out)).rejects.toThrow(/ENOENT/)
  })

  it('a page edited by hand in the output is rendered again rather than kept', async () => {
    const { options, out } = await site()
    await buildAndWrite(options)
    const page = join(out, 'en', event(3), 'index.html')
    const original = await readFile(page, 'utf8')
    await writeFile(page, original.replace('Synthetic attack 3', 'Tampered'))
    const result = await buildAndWrite(options)
    expect(result.stats.rendered).toBe(1)
    expect(await readFile(page, 'utf8')).toBe(original)
  })

  it('an error after a cached build is reported as a cold build reports it, and the output is kept', async () => {
    const { options, out, root } = await site()
    await buildAndWrite(options)
    const before = await tree(out)
    const recordPath = join(root, event(0), 'record.yaml')
    await writeFile(recordPath, (await readFile(recordPath, 'utf8')).replace('partOf: mali-war', 'partOf: no-such-war'))
    // Event 1 is cached; a duplicate slug in event 3 must still be found and placed in its YAML.
    const other = join(root, event(3), 'record.yaml')
    await writeFile(other, (await readFile(other, 'utf8')).replace(`en: ${event(3)}`, `en: ${event(1)}`))
    const warm = await buildAndWrite(options)
    const cold = await buildAndWrite({ ...options, cacheDir: undefined, out: join(root, '..', 'cold') })
    expect(formatReport(warm.files)).toBe(formatReport(cold.files))
    expect(formatReport(warm.files)).toMatch(/record\.yaml\n9:9-9:20 error Unknown entity `no-such-war`/)
    expect(formatReport(warm.files)).toMatch(/duplicate-slug/)
    expect(await tree(out)).toEqual(before)
  })
})
