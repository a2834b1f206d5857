/**
 * The fast YAML path must read exactly what `yaml` reads: whenever it gives
 * data, `yaml`'s Document has no error and no warning and its data is
 * deep-equal (same numbers, nulls, booleans and strings); otherwise it
 * leaves the text to `yaml`, which reports on it as before.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { VFile } from 'vfile'
import { quickYaml } from '../../src/ingest/yaml-fast.ts'
import { readsAsYaml } from './yaml-oracle.ts'
import { parseYaml, validate } from '../../src/ingest/yaml.ts'
import { EventRecord } from '../../src/record/schema.ts'

const agrees = (text: string): boolean => readsAsYaml(quickYaml, text)

/** Every YAML text of a folder: `.yaml` files and the front matter of `.md` files. */
function yamlTexts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return yamlTexts(path)
    if (path.endsWith('.yaml') || path.endsWith('.yml')) return [readFileSync(path, 'utf8').replace(/^\uFEFF/, '')]
    if (!path.endsWith('.md')) return []
    const front = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''))
    return front ? [front[1]!] : []
  })
}

describe('fast YAML path', () => {
  it('reads every bundled and fixture YAML text as yaml does, and most of them itself', () => {
    const texts = [...yamlTexts(join(process.cwd(), 'sources')), ...yamlTexts(join(process.cwd(), 'tests'))]
    const answered = texts.filter(agrees).length
    expect(texts.length).toBeGreaterThan(100)
    expect(answered / texts.length).toBeGreaterThan(0.8)
  })

  it('resolves scalars like yaml\'s core schema', () => {
    const text = [
      'a: 012', 'b: 0o17', 'c: 0x1F', 'd: 1_000', 'e: .5', 'f: -.5', 'g: 1e3', 'h: 1.', 'i: +12', 'j: -0', 'k: .inf', 'l: -.Inf', 'm: .NaN',
      'n: ~', 'o: null', 'p: Null', 'q:', 'r: True', 's: yes', 't: off', 'u: 0b101', 'v: 2018-01-27', 'w: "12"', "x: '~'", 'y: 12:30', 'z: -0o17',
      'aa: 99999999999999999999', 'ab: 1.50', 'ac: 0x', 'ad: +.5e-3',
    ].join('\n')
    expect(agrees(text)).toBe(true)
  })

  it('leaves to yaml what it might read differently, and errors', () => {
    for (const text of ['a: &x 1\nb: *x', 'a: !!str 1', '%YAML 1.2\n---\na: 1', '{a: 1}: 2', '- {a: 1}: x', 'a: {[b]: 1}', '? [a]\n: 1', '[a]: 1', 'a:\tb', 'a: 1\n---\nb: 2', 'a: 1\na: 2', 'a: [', '- a', '12', '', 'null: 1', 'True: 1', '"a b": 1', 'a: @b'])
      expect(quickYaml(text), text).toBeUndefined()
  })

  it('keeps the Document for messages: an invalid record is placed as before', () => {
    const file = new VFile({ path: 'record.yaml', value: 'id: x\nkind: 12\n' })
    const source = parseYaml(file, String(file.value))
    expect(source.data).toBeDefined()
    expect(validate(source, EventRecord, 'the event record')).toBeUndefined()
    const kind = file.messages.find((message) => message.message.includes('`kind`'))
    expect(kind?.place).toMatchObject({ start: { line: 2, column: 7 } })
  })

  it('agrees with yaml on generated documents (or leaves them to it)', () => {
    const scalar = fc.constantFrom(
      'Mali', 'attaque de Soumpi', '14', '-3', '0o17', '0x1f', '1_000', '.5', '1e3', '1.', 'null', '~', 'True', 'FALSE', 'yes', '2018-01-27', '12:30',
      '"quoted: yes"', "'it''s'", '"\\u00e9\\t"', "'#not a comment'", 'a # comment', 'x: y', '- z', '[a, b]', '[]', '{}', '&a b', '*a', '!t x', '@rfi', '`x`',
      '{ en: a, fr: b }', '{a: 1, a: 2}', '{ a: [b, c] }', '[a, {b: c}]', '{a, b}', '[b: c]', '{ "k": v }', 'x\n    [@rfi] y', '[@rfi]', 'a [@rfi]: b',
      '|\n    line one\n    line two', '>-\n    folded\n    text', '|+\n    kept\n', 'multi\n    line plain', '"multi\n    line"', '',
    )
    const key = fc.constantFrom('id', 'kind', 'title', 'value', 'null', 'True', '12', '"q"', 'a b', 'en', 'fr', 'id')
    const leaf = fc.tuple(key, scalar).map(([k, v]) => `${k}: ${v}`)
    const block = fc.array(fc.oneof(leaf, fc.tuple(key, fc.array(scalar, { minLength: 1, maxLength: 3 })).map(([k, items]) => `${k}:\n${items.map((item) => `  - ${item}`).join('\n')}`)), { minLength: 1, maxLength: 6 })
    const text = fc.tuple(block, fc.constantFrom('', '\n', '\n# end\n', '\n\t\n')).map(([lines, end]) => lines.join('\n') + end)
    let answered = 0
    const runs = Number(process.env.FUZZ_RUNS ?? 2000)
    fc.assert(
      fc.property(text, (value) => {
        if (agrees(value)) answered++
      }),
      { numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? 20260125) },
    )
    // Enough documents take the fast path for the check to mean something (about one in ten does), whatever the run count.
    expect(answered).toBeGreaterThan(runs / 20)
  })
})
