#!/usr/bin/env node
// The CLI is written in TypeScript; tsx compiles it on the fly so that
// `npx passerelle` works straight after `npm ci`, with no build step to forget.
// A `build` with nothing to do is answered first, in plain JavaScript, from
// the stamp of the last clean build: loading tsx and the build would cost
// more than the whole check (src/build/fast-noop.js).
import { fastNoop } from '../src/build/fast-noop.js'

const argv = process.argv.slice(2)
const noop = argv[0] === 'build' ? fastNoop(argv.slice(1), process.cwd()) : undefined
if (noop !== undefined) process.stdout.write(noop)
else {
  const { register } = await import('tsx/esm/api')
  register()
  const { main } = await import('../pipelines/cli.ts')
  process.exitCode = await main(argv)
}
