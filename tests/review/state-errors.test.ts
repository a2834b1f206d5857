import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startReviewServer, type ReviewServer } from '../../src/review/server.ts'
import { copySources } from './helpers.ts'

describe('review server with an unreadable review file', () => {
  let server: ReviewServer
  let dir = ''
  beforeAll(async () => {
    const copy = await copySources(['soumpi-attack', 'youwarou-attack-2018'])
    dir = copy.dir
    await writeFile(join(copy.sources, 'soumpi-attack', 'review-state.json'), '{ "version": 0, "decisions": [] }\n')
    server = await startReviewServer({ sources: copy.sources, cwd: dir, port: 0 })
  })
  afterAll(() => server?.close())

  it('still lists every event, flagging the one whose review file it cannot read', async () => {
    const response = await fetch(`${server.url}api/events`)
    expect(response.status).toBe(200)
    const events = (await response.json()) as Array<{ id: string; error?: string }>
    expect(events.map((event) => event.id).sort()).toEqual(['soumpi-attack', 'youwarou-attack-2018'])
    expect(events.find((event) => event.id === 'soumpi-attack')?.error).toMatch(/format version 0.*reads version 1/)
    expect(events.find((event) => event.id === 'youwarou-attack-2018')?.error).toBeUndefined()
  })

  it('answers 409 for that event, naming the file but not its absolute path', async () => {
    const response = await fetch(`${server.url}api/events/soumpi-attack`)
    expect(response.status).toBe(409)
    const text = await response.text()
    expect(text).toMatch(/review-state\.json has format version 0/)
    expect(text).not.toContain(dir)
    expect((await fetch(`${server.url}api/events/youwarou-attack-2018`)).status).toBe(200)
  })
})
