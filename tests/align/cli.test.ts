import { describe, expect, it } from 'vitest'
import { runCli } from '../cli-harness.ts'

describe('passerelle extract --json / align', () => {
  it('writes one line per input, in order, and reports bad lines and impossible dates', async () => {
    const stdin = ['{"id":"a","text":"Au moins 14 soldats maliens ont perdu la vie samedi.","published":"2018-01-27"}', 'oops', '{"id":"b","text":"le 31 février"}'].join('\n')
    const { code, stdout, stderr } = await runCli(['extract', '--json'], { stdin })
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line))
    expect(lines.map((line) => line.id)).toEqual(['a', 'b'])
    expect(lines[0].claims[0]).toEqual({ kind: 'killed', value: 14, qualifier: 'at-least', subject: 'fama', start: 9, end: 11 })
    expect(stderr).toMatch(/stdin:2:/)
    expect(stderr).toMatch(/31 février/)
    expect(code).toBe(1)
  })
  it('prints the Soumpi report with contested fields and values highlighted', async () => {
    const { code, stdout } = await runCli(['align', 'soumpi-attack'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/sides\.malian-forces\.casualties\.injured {2}CONTESTED/)
    expect(stdout).toContain('[dix-sept]')
    const json = JSON.parse((await runCli(['align', 'soumpi-attack', '--json'])).stdout)
    expect(json.event).toBe('soumpi-attack')
  })
  it('refuses an unknown event with a usage message', async () => {
    const { code, stderr } = await runCli(['align', 'nowhere'])
    expect(code).toBe(1)
    expect(stderr).toMatch(/no event `nowhere`/)
  })
})
