import { describe, expect, it } from 'vitest'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readReviewState, recordDecision, REVIEW_STATE_FILE, clearDecision } from '../../src/review/state.ts'

const context = (i: number) => ({ field: `sides.a.casualties.killed`, excerpt: `excerpt-${i % 7}`, fieldValue: 'abcdefabcdef' })
const link = (i: number) => i.toString(16).padStart(12, '0')

describe('review state', () => {
  it('is empty when the file does not exist', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-state-'))
    expect(await readReviewState(dir)).toEqual({ version: 1, decisions: {} })
  })

  it('keeps all of 200 concurrent decisions on one event, with no temp file left', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-state-'))
    await Promise.all(Array.from({ length: 200 }, (_, i) => recordDecision(dir, link(i), { decision: i % 2 ? 'approved' : 'rejected', note: `n${i}` }, context(i))))
    const state = await readReviewState(dir)
    expect(Object.keys(state.decisions)).toHaveLength(200)
    expect(state.decisions[link(7)]).toMatchObject({ decision: 'approved', note: 'n7', excerpt: 'excerpt-0' })
    expect(await readdir(dir)).toEqual([REVIEW_STATE_FILE])
  })

  it('writes sorted, stable JSON (git-friendly) and replaces or clears a decision', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-state-'))
    await recordDecision(dir, link(2), { decision: 'approved' }, context(2))
    await recordDecision(dir, link(1), { decision: 'approved' }, context(1))
    const first = await readFile(join(dir, REVIEW_STATE_FILE), 'utf8')
    expect(first.indexOf(link(1))).toBeLessThan(first.indexOf(link(2)))
    await recordDecision(dir, link(1), { decision: 'rejected', note: ' wrong side ' }, context(1))
    expect((await readReviewState(dir)).decisions[link(1)]).toMatchObject({ decision: 'rejected', note: 'wrong side' })
    await clearDecision(dir, link(1))
    expect(Object.keys((await readReviewState(dir)).decisions)).toEqual([link(2)])
  })

  it('refuses bad decisions and links', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-state-'))
    await expect(recordDecision(dir, 'nope', { decision: 'approved' }, context(0))).rejects.toThrow(/evidence link/)
    await expect(recordDecision(dir, link(0), { decision: 'maybe' as 'approved' }, context(0))).rejects.toThrow(/approved/)
  })
})
