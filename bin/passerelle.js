#!/usr/bin/env node
// The CLI is written in TypeScript and runs from an esbuild bundle kept fresh
// in node_modules/.cache/passerelle/ (src/build/bundle.js), so that
// `npx passerelle` works straight after `npm ci` with no build step to forget
// and without compiling every module through tsx at each start. Without the
// bundle (esbuild unavailable, PASSERELLE_NO_BUNDLE=1) tsx compiles it on the fly.
// A `build` with nothing to do is answered first, in plain JavaScript, from
// the stamp of the last clean build: loading the build would cost more than
// the whole check (src/build/fast-noop.js).
import { fastNoop } from '../src/build/fast-noop.js'

const argv = process.argv.slice(2)
const noop = argv[0] === 'build' ? fastNoop(argv.slice(1), process.cwd()) : undefined
if (noop !== undefined) process.stdout.write(noop)
else {
  const { main } = (await bundled()) ?? (await throughTsx())
  process.exitCode = await main(argv)
}

async function bundled() {
  const off = process.env.PASSERELLE_NO_BUNDLE
  if (off && off !== '0') return undefined
  const { bundledCli } = await import('../src/build/bundle.js')
  return bundledCli()
}

async function throughTsx() {
  const { register } = await import('tsx/esm/api')
  register()
  return import('../pipelines/cli.ts')
}
