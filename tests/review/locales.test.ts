import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ROOT } from './helpers.ts'

type Tree = { [key: string]: string | Tree }

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [prefix + key] : keys(value, `${prefix}${key}.`)))
}

const load = async (language: string) => JSON.parse(await readFile(join(ROOT, 'locales', language, 'review.json'), 'utf8')) as Tree

describe('review UI words', () => {
  it('has the same keys in English and French', async () => {
    expect(keys(await load('fr')).sort()).toEqual(keys(await load('en')).sort())
  })

  it('has every key the UI asks for', async () => {
    const script = await readFile(join(ROOT, 'src', 'review', 'app', 'app.js'), 'utf8')
    // i18next plural keys (`_one`, `_other`) answer to their base key.
    const known = new Set(keys(await load('en')).map((key) => key.replace(/_(one|other)$/, '')))
    const literal = Array.from(script.matchAll(/\bt\('([^']+)'/g), (match) => match[1]!)
    const templated = Array.from(script.matchAll(/\bt\(`([a-z.]+)\.\$\{/g), (match) => match[1]!)
    expect(literal.length).toBeGreaterThan(20)
    for (const key of literal) expect(known, key).toContain(key)
    for (const prefix of templated) expect([...known].some((key) => key.startsWith(prefix + '.')), prefix).toBe(true)
  })
})
