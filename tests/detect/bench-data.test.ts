import { describe, expect, it } from 'vitest'
import { fresh, news, prose, ui } from '../../bench/langid/data.ts'
import { DEFAULT_CANDIDATES } from '../../src/detect/languages.ts'

describe('bench:langid data (round 4)', () => {
  const tuning = [...prose(), ...news(), ...ui()]
  const test = fresh()

  it('tunes on every earlier item and tests on the fresh set only', () => {
    expect(tuning.every((item) => item.split === 'tune')).toBe(true)
    expect(test.length).toBeGreaterThan(10000)
    expect(test.every((item) => item.split === 'test' && DEFAULT_CANDIDATES.includes(item.lang))).toBe(true)
  })

  it('shares no text between the fresh test set and tuning', () => {
    const seen = new Set(tuning.map((item) => item.text))
    expect(test.filter((item) => seen.has(item.text))).toEqual([])
    expect(new Set(test.map((item) => item.text)).size).toBe(test.length)
  })

  it('names a source for every fresh item, from packages tuning does not use', () => {
    const packages = new Set(test.map((item) => item.source.split(':')[0]))
    for (const item of tuning) expect(packages.has(item.source.split(':')[0]!)).toBe(false)
  })
})
