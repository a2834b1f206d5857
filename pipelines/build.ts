/**
 * `passerelle build [--out DIR] [--base-url URL]`: ingest → detect reference
 * languages → render → fact parity → write atomically. Any error leaves the
 * previous output untouched and exits 1 with the positioned report.
 */
import { resolve } from 'node:path'
import { loadCorpus } from '../src/ingest/corpus.ts'
import { formatReport, hasErrors } from '../src/diagnostics/index.ts'
import { loadLocales } from '../src/publish/i18n.ts'
import { publishSite } from '../src/publish/site.ts'
import { writeAtomically } from '../src/publish/write.ts'
import { DEFAULT_BASE_URL, normalizeBaseUrl } from '../src/publish/urls.ts'
import { UsageError, type Io } from './cli.ts'
import { parseOptions, sourcesDir } from './options.ts'

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseOptions(argv, { out: { type: 'string' }, 'base-url': { type: 'string' }, quiet: { type: 'boolean' } })
  const out = resolve(io.cwd, values.out ?? 'dist')
  const baseUrl = baseUrlOption(values['base-url'])
  const corpus = await loadCorpus(sourcesDir(io, values.sources), io.cwd)
  const locales = await loadLocales(io.cwd)
  // Render only what ingested cleanly: a broken record would only add noise to its own report.
  const site = hasErrors(corpus.files) ? { outputs: new Map<string, string>(), files: [...corpus.files, ...Object.values(locales.files)] } : publishSite(corpus, locales, { baseUrl })
  const report = formatReport(site.files)
  if (report) io.stderr.write(report + '\n')
  if (hasErrors(site.files)) {
    io.stderr.write(`passerelle build: nothing was written; ${out} is unchanged\n`)
    return 1
  }
  await writeAtomically(out, site.outputs)
  if (!values.quiet) io.stdout.write(`${corpus.events.length} events, ${site.outputs.size} files written to ${out}\n`)
  return 0
}

function baseUrlOption(value: string | undefined): string {
  try {
    return normalizeBaseUrl(value ?? DEFAULT_BASE_URL)
  } catch {
    throw new UsageError(`--base-url must be an absolute http(s) URL such as ${DEFAULT_BASE_URL}, not \`${value}\``)
  }
}
