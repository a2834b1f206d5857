/** `lastModified` is the newest date a record states, as sorting them all would find it. */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { lastModified } from '../../src/publish/site.ts'
import type { EventRecord } from '../../src/record/schema.ts'

const day = fc.option(fc.constantFrom('2018-01-27', '2018-01-28', '2017-12-31', '2019-10-01', '2018-01-27T10:00:00Z', '2018-1-5', ''), { nil: undefined })

function sortedNewest(dates: Array<string | undefined>): string {
  return dates.filter((value): value is string => Boolean(value)).sort().at(-1) ?? '1970-01-01'
}

describe('lastModified', () => {
  it('is the last of the sorted dates (event and references), the epoch when there is none', () => {
    fc.assert(
      fc.property(day, day, fc.array(fc.tuple(day, day), { maxLength: 6 }), (start, end, references) => {
        const record = { date: start === undefined ? undefined : { start, end }, references: references.map(([published, retrieved]) => ({ published, retrieved })) } as unknown as EventRecord
        expect(lastModified(record)).toBe(sortedNewest([start, start === undefined ? undefined : end, ...references.flat()]))
      }),
      { numRuns: 2000, seed: 8 },
    )
  })
})
