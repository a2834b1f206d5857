/**
 * End to end in Debian's Chromium (playwright-core, no browser download):
 * open an event, decide with the keyboard, reload, see the decisions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import { join } from 'node:path'
import { readReviewState } from '../../src/review/state.ts'
import { ROOT, commitAll, withEditedRecord } from './helpers.ts'
import { startHarness, type Harness } from './server-harness.ts'

const EVENT = 'soumpi-attack'
let harness: Harness
let browser: Browser
let page: Page

beforeAll(async () => {
  harness = await startHarness()
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  })
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  page.on('pageerror', (error) => {
    throw error
  })
})

afterAll(async () => {
  await browser?.close()
  await harness?.server.close()
})

const selectedLink = () => page.locator('.evidence.selected').getAttribute('data-link')
const decisionOf = (link: string) => page.locator(`.evidence[data-link="${link}"]`).getAttribute('data-decision')

describe('review UI in Chromium', () => {
  it('lists the events with their counts', async () => {
    await page.goto(harness.server.url)
    await page.getByRole('link', { name: 'Soumpi attack' }).waitFor()
    await page.screenshot({ path: '/tmp/review-e2e-list.png' })
  })

  it('approves and rejects with the keyboard, and shows the decisions after a reload', async () => {
    await page.goto(`${harness.origin}/events/${EVENT}`)
    await page.locator('.evidence.selected').waitFor()
    const first = (await selectedLink())!
    await page.keyboard.press('j')
    const second = (await selectedLink())!
    expect(second).not.toBe(first)
    await page.keyboard.press('a')
    await page.locator(`.evidence[data-link="${second}"][data-decision="approved"]`).waitFor()
    await page.keyboard.press('k')
    expect(await selectedLink()).toBe(first)
    await page.keyboard.press('r')
    await page.locator(`.evidence[data-link="${first}"][data-decision="rejected"]`).waitFor()
    await page.screenshot({ path: '/tmp/review-e2e-decided.png' })

    await page.reload()
    await page.locator('.evidence.selected').waitFor()
    expect(await decisionOf(second)).toBe('approved')
    expect(await decisionOf(first)).toBe('rejected')
    await expect(page.locator(`.evidence[data-link="${second}"] [data-role="decision"]`).textContent()).resolves.toBe('approved')
    const state = await readReviewState(join(harness.sources, EVENT))
    expect(state.decisions[second]?.decision).toBe('approved')
    expect(state.decisions[first]?.decision).toBe('rejected')
  })

  it('filters to the evidence that needs review', async () => {
    await page.goto(`${harness.origin}/events/${EVENT}`)
    await page.locator('.evidence.selected').waitFor()
    const all = await page.locator('.evidence').count()
    const decided = await page.locator('.evidence:not([data-decision="none"])').count()
    expect(decided).toBeGreaterThanOrEqual(2)
    await page.getByLabel('Needs review only').check()
    await expect.poll(() => page.locator('.evidence').count()).toBe(all - decided)
    expect(await page.locator('.evidence:not([data-decision="none"])').count()).toBe(0)
    await expect(page.locator('[data-count="needs-review"]').textContent()).resolves.toBe(`${all - decided} to review`)
  })

  it('keeps a comment with the decision', async () => {
    await page.goto(`${harness.origin}/events/${EVENT}`)
    const item = page.locator('.evidence').nth(2)
    const link = (await item.getAttribute('data-link'))!
    await item.getByRole('textbox').fill('checked against the RFI dispatch')
    await item.getByRole('button', { name: /Approve/ }).click()
    await page.locator(`.evidence[data-link="${link}"][data-decision="approved"]`).waitFor()
    await page.reload()
    await expect(page.locator(`.evidence[data-link="${link}"]`).getByRole('textbox').inputValue()).resolves.toBe('checked against the RFI dispatch')
  })

  it('shows the prose side by side, in French when asked', async () => {
    await page.goto(`${harness.origin}/events/${EVENT}?lang=fr`)
    await page.locator('[data-section="attack"]').waitFor()
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr')
    await expect(page.locator('[data-section="attack"] [lang="fr"] p').first().textContent()).resolves.toMatch(/^Le 27 janvier au matin/)
    await page.locator('[data-section="attack"]').scrollIntoViewIfNeeded()
    await page.screenshot({ path: '/tmp/review-e2e-prose-fr.png' })
  })

  it('flags a stale French section and shows the English diff since its version', async () => {
    commitAll(harness.sources)
    await withEditedRecord(harness.sources, EVENT, 'The military camp at Soumpi came under attack', 'The army camp at Soumpi was attacked', async () => {
      await page.goto(`${harness.origin}/events/${EVENT}`)
      const section = page.locator('[data-section="attack"]')
      await section.locator('[data-role="stale"]').waitFor()
      await expect(section.locator('[data-role="diff"] del').allTextContents()).resolves.toEqual(expect.arrayContaining(['military', 'came under attack']))
      await expect(section.locator('[data-role="diff"] ins').allTextContents()).resolves.toEqual(expect.arrayContaining(['army', 'was attacked']))
      await section.scrollIntoViewIfNeeded()
      await page.screenshot({ path: '/tmp/review-e2e-stale.png' })
    })
  })

  it('has no serious accessibility violations (axe-core)', async () => {
    // axe is injected as a script; the page's CSP rightly forbids that, so this page bypasses it.
    const audit = await browser.newPage({ bypassCSP: true })
    try {
      await audit.goto(`${harness.origin}/events/${EVENT}`)
      await audit.locator('.evidence.selected').waitFor()
      await audit.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') })
      const { violations, passes } = await audit.evaluate(async () => {
        const result = await ((globalThis as unknown) as { axe: { run(): Promise<{ passes: unknown[]; violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe.run()
        return { passes: result.passes.length, violations: result.violations.map(({ id, impact, nodes }) => ({ id, impact, count: nodes.length })) }
      })
      // axe really ran its rules on the page.
      expect(passes).toBeGreaterThan(10)
      expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([])
    } finally {
      await audit.close()
    }
  })
})
