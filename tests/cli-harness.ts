/** Runs the CLI in-process with captured streams, as a user would from a folder. */
import { PassThrough, Readable } from 'node:stream'
import { main } from '../pipelines/cli.ts'

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export async function runCli(argv: string[], options: { cwd?: string; stdin?: string } = {}): Promise<CliResult> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] }
  stdout.on('data', (chunk: Buffer) => chunks.stdout.push(chunk))
  stderr.on('data', (chunk: Buffer) => chunks.stderr.push(chunk))
  const code = await main(argv, {
    cwd: options.cwd ?? process.cwd(),
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    stdout,
    stderr,
  })
  return { code, stdout: Buffer.concat(chunks.stdout).toString('utf8'), stderr: Buffer.concat(chunks.stderr).toString('utf8') }
}
