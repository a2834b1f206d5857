/**
 * `passerelle merge [--out DIR] SHARD_DIR...`: joins the outputs of
 * `passerelle build --shard i/n` (one folder per shard) into one site and
 * adds the pages about all events. Written atomically, like `build`.
 */
import { resolve } from 'node:path'
import { formatReport, hasErrors } from '../src/diagnostics/index.ts'
import { loadLocales } from '../src/publish/i18n.ts'
import { writeAtomically } from '../src/publish/write.ts'
import { mergeShards } from '../src/build/merge.ts'
import { UsageError, type Io } from './cli.ts'
import { parseOptions } from './options.ts'

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(argv, { out: { type: 'string' }, quiet: { type: 'boolean' } }, true)
  if (positionals.length === 0) throw new UsageError('merge needs the output folder of every shard: passerelle merge --out dist dist-1 dist-2')
  const out = resolve(io.cwd, values.out ?? 'dist')
  const shards = positionals.map((dir) => resolve(io.cwd, dir))
  if (shards.includes(out)) throw new UsageError(`--out ${values.out ?? 'dist'} is one of the shard folders; merge into another folder`)
  const locales = await loadLocales(io.cwd)
  const plan = await mergeShards(shards, locales, io.cwd)
  const files = [...plan.files, ...Object.values(locales.files)]
  const report = formatReport(files)
  if (report) io.stderr.write(report + '\n')
  if (hasErrors(files)) {
    io.stderr.write(`passerelle merge: nothing was written; ${out} is unchanged\n`)
    return 1
  }
  await writeAtomically(out, plan.write, plan.link)
  if (!values.quiet) io.stdout.write(`${shards.length} shards merged, ${plan.write.size + plan.link.size} files written to ${out}\n`)
  return 0
}
