import { describe, expect, it } from 'vitest'
import { PassThrough, Readable } from 'node:stream'
import { join } from 'node:path'
import { main, type Io } from '../../pipelines/cli.ts'

async function runCli(argv: string[], input = '') {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const chunks = { out: '', err: '' }
  stdout.on('data', (chunk) => (chunks.out += chunk))
  stderr.on('data', (chunk) => (chunks.err += chunk))
  const io: Io = { cwd: join(import.meta.dirname, '..', '..'), stdin: Readable.from([input]), stdout, stderr }
  const code = await main(argv, io)
  return { code, ...chunks }
}

describe('passerelle detect --json', () => {
  it('answers one line per input, in order, keeping ids', async () => {
    const lines = [
      { id: 1, text: 'Le camp militaire de Soumpi, dans le nord du pays, a de nouveau été visé ce samedi.' },
      { id: 'b', text: 'The military camp at Soumpi came under attack on the morning of January 27.' },
      { id: 3, text: '' },
      { id: null, text: 'Bilan : 14 morts' },
    ]
    const { code, out } = await runCli(['detect', '--json'], lines.map((line) => JSON.stringify(line)).join('\n'))
    expect(code).toBe(0)
    const answers = out.trim().split('\n').map((line) => JSON.parse(line))
    expect(answers.map((answer) => [answer.id, answer.lang])).toEqual([
      [1, 'fra'],
      ['b', 'eng'],
      [3, 'und'],
      [null, 'und'],
    ])
    for (const answer of answers) expect(Object.keys(answer)).toEqual(['id', 'lang', 'confidence'])
  })

  it('names a bad line with its number, answers the others, and exits 1', async () => {
    const { code, out, err } = await runCli(['detect', '--json'], '{"id":1,"text":"Bonjour à tous les lecteurs du journal"}\nnot json\n{"id":3}\n')
    expect(code).toBe(1)
    expect(err).toContain('stdin:2:1: not valid JSON')
    expect(err).toContain('stdin:3:1: `text` must be a string')
    expect(out.trim().split('\n')).toHaveLength(3)
  })

  it('rejects unknown candidate languages as a usage error', async () => {
    const { code, err } = await runCli(['detect', '--json', '--candidates', 'fra,xxx'])
    expect(code).toBe(1)
    expect(err).toMatch(/--candidates: .*`xxx`/)
  })

  it('reports on a sources folder without --json', async () => {
    const { code, err } = await runCli(['detect', '--sources', 'tests/detect/fixtures/sources'])
    expect(code).toBe(1)
    expect(err).toContain('untranslated-section')
    expect(err).toContain('excerpt-language-mismatch')
  })
})
