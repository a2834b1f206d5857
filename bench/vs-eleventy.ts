/**
 * `npm run bench:vs-eleventy [-- --events N] [--json]`: pages per second of
 * a cold `passerelle build` against Eleventy building the same number of
 * plain Markdown pages of the same size, in one run on the same machine.
 *
 * The Eleventy site is made of passerelle's own Markdown output (`index.md`
 * of every article, two per event): the same count, the same text, each
 * page wrapped in a small Liquid layout as an Eleventy site would be. Its
 * pages are plain Markdown (`templateEngineOverride: md`, no Liquid pass
 * over the content), Eleventy's fastest path. Passerelle's figure counts
 * its article pages only, while its build also parses and checks the
 * sources, detects reference languages and writes Markdown, JSON, indexes,
 * feeds and sitemap on top: the comparison leans towards Eleventy.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import Eleventy from '@11ty/eleventy'
import { generateCorpus } from './synthetic.ts'
import { settleDisk } from './disk.ts'
import { buildAndWrite } from '../src/build/incremental.ts'
import { defaultWorkers } from '../src/build/workers.ts'
import { formatReport, hasErrors } from '../src/diagnostics/index.ts'

const { values } = parseArgs({ options: { events: { type: 'string', default: '500' }, json: { type: 'boolean' }, seed: { type: 'string', default: '2018' } } })
const events = Number(values.events)
if (!Number.isInteger(events) || events < 1) {
  process.stderr.write(`--events must be a whole number of events, 1 or more, not \`${values.events}\`\n`)
  process.exit(2)
}
const dir = await mkdtemp(join(tmpdir(), 'passerelle-vs-eleventy-'))
const log = (line: string) => process.stderr.write(`${line}\n`)
/** Article pages: `<lang>/<slug>/index.html`, two per event. */
const ARTICLE_PAGE = /^[a-z]{2}\/[^/]+\/index\.html$/

const LAYOUT = `<!doctype html>
<html lang="{{ lang }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ title }} – Passerelle</title></head>
<body><header><nav><a href="../">All events</a></nav></header><main id="content"><article lang="{{ lang }}">
{{ content }}
</article></main><footer><p>Written from the sources listed above.</p></footer></body>
</html>
`

try {
  const root = join(dir, 'sources')
  log(`generating ${events} events in ${root}`)
  await generateCorpus(root, { events, seed: Number(values.seed) })

  log('passerelle: cold build')
  const out = join(dir, 'dist')
  settleDisk()
  const started = performance.now()
  const result = await buildAndWrite({ root, cwd: dir, out, baseUrl: 'https://passerelle.example.org/', workers: defaultWorkers() })
  const passerelleSeconds = (performance.now() - started) / 1000
  if (hasErrors(result.files)) throw new Error(`the synthetic corpus did not build:\n${formatReport(result.files)}`)
  const pages = [...result.fresh].filter((path) => ARTICLE_PAGE.test(path)).sort()

  log(`eleventy: writing ${pages.length} Markdown pages`)
  const input = join(dir, 'eleventy-src')
  await mkdir(join(input, '_includes'), { recursive: true })
  await writeFile(join(input, '_includes', 'page.liquid'), LAYOUT)
  for (const page of pages) {
    const folder = dirname(page)
    const markdown = await readFile(join(out, folder, 'index.md'), 'utf8')
    const title = /^# (.+)$/m.exec(markdown)?.[1] ?? folder
    const frontMatter = `---\nlayout: page.liquid\ntemplateEngineOverride: md\nlang: ${folder.split('/')[0]}\ntitle: ${JSON.stringify(title)}\n---\n`
    await mkdir(join(input, folder), { recursive: true })
    await writeFile(join(input, folder, 'index.md'), frontMatter + markdown)
  }
  log('eleventy: build')
  const eleventyOut = join(dir, 'eleventy-out')
  settleDisk()
  const eleventyStarted = performance.now()
  const eleventy = new Eleventy(input, eleventyOut, { quietMode: true, config: () => {} })
  // Eleventy prints its summary on stdout even when quiet: keep stdout for our figures.
  const print = console.log
  console.log = (...items: unknown[]) => void process.stderr.write(`${items.join(' ')}\n`)
  try {
    await eleventy.write()
  } finally {
    console.log = print
  }
  const eleventySeconds = (performance.now() - eleventyStarted) / 1000

  const summary = {
    events,
    passerelle_pages: pages.length,
    passerelle_s: round(passerelleSeconds),
    passerelle_pages_per_s: round(pages.length / passerelleSeconds),
    passerelle_workers: defaultWorkers(),
    eleventy_pages: pages.length,
    eleventy_s: round(eleventySeconds),
    eleventy_pages_per_s: round(pages.length / eleventySeconds),
  }
  if (values.json) process.stdout.write(JSON.stringify(summary) + '\n')
  else {
    process.stdout.write(
      [
        `${events} events: ${pages.length} article pages built by each`,
        `passerelle  ${String(summary.passerelle_pages_per_s).padStart(9)} pages/s  (${summary.passerelle_s} s, ${summary.passerelle_workers} workers, cold, no cache)`,
        `eleventy    ${String(summary.eleventy_pages_per_s).padStart(9)} pages/s  (${summary.eleventy_s} s, plain Markdown, one thread)`,
      ].join('\n') + '\n',
    )
  }
} finally {
  await rm(dir, { recursive: true, force: true })
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
