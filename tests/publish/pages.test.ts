/** The built pages checked by real tools: html-validate, and axe-core in Debian's Chromium. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { HtmlValidate } from 'html-validate'
import { chromium, type Browser } from 'playwright-core'
import { runCli } from '../cli-harness.ts'

const CHROMIUM = '/usr/bin/chromium'
const pages = ['en/soumpi-attack/index.html', 'fr/attaque-de-soumpi/index.html', 'en/index.html', 'fr/index.html', 'index.html']
// Four sides, sibling places, a date span, a plural title: the shapes the Soumpi pages do not have.
const shapes = ['fr/offensive-de-menaka/index.html', 'fr/bataille-de-boulikessi-2019/index.html', 'en/boulikessi-and-mondoro-attacks-2021/index.html']
let out: string

beforeAll(async () => {
  out = join(await mkdtemp(join(tmpdir(), 'passerelle-pages-')), 'dist')
  expect((await runCli(['build', '--out', out, '--quiet'])).code).toBe(0)
})

describe('html-validate', () => {
  it.each([...pages, ...shapes])('%s is valid HTML', async (page) => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'off' } })
    const report = await validator.validateString(await readFile(join(out, page), 'utf8'), page)
    const messages = report.results.flatMap((result) => result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`))
    expect(messages).toEqual([])
  })
})

describe.skipIf(!existsSync(CHROMIUM))('axe-core in Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    })
  })
  afterAll(async () => browser?.close())

  it.each([...pages.slice(0, 3), shapes[0]!])('%s has no accessibility violations', async (page) => {
    const tab = await browser.newPage({ viewport: { width: 1100, height: 1400 }, bypassCSP: true })
    await tab.goto(pathToFileURL(join(out, page)).href)
    await tab.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') })
    const violations = await tab.evaluate(async () => {
      const result = await (globalThis as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run()
      return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`)
    })
    await tab.screenshot({ path: join(tmpdir(), `passerelle-${page.replace(/\//g, '-')}.png`), fullPage: true })
    await tab.close()
    expect(violations).toEqual([])
  })
})
