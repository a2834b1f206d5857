/** `passerelle check`: ingest every source and report; exit 1 on any error. */
import { loadCorpus } from '../src/ingest/corpus.ts'
import { formatReport, hasErrors } from '../src/diagnostics/index.ts'
import { detectCorpus } from '../src/detect/index.ts'
import type { Io } from './cli.ts'
import { parseOptions, sourcesDir } from './options.ts'

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseOptions(argv, { quiet: { type: 'boolean' } })
  const corpus = await loadCorpus(sourcesDir(io, values.sources), io.cwd)
  detectCorpus(corpus) // language diagnostics: excerpts, prose, reference titles
  const report = formatReport(corpus.files)
  if (report) io.stderr.write(report + '\n')
  const failed = hasErrors(corpus.files)
  if (!failed && !values.quiet) {
    const excerpts = corpus.events.reduce((sum, event) => sum + event.excerpts.length, 0)
    io.stdout.write(`${corpus.events.length} events, ${excerpts} excerpts, ${corpus.glossary.entities.length} entities: OK\n`)
  }
  return failed ? 1 : 0
}
