/**
 * Child process for the kill -9 test: records decisions through the real
 * review state API as fast as it can, printing each count once written, until
 * it is killed. Usage: tsx review-writer.ts EVENT_DIR
 */
import { recordDecision } from '../../src/review/state.ts'

const [dir] = process.argv.slice(2)
for (let index = 0; ; index++) {
  const link = index.toString(16).padStart(12, '0')
  // Long notes make each write large enough to be caught half-way.
  await recordDecision(dir!, link, { decision: index % 2 ? 'approved' : 'rejected', note: `note ${index} `.repeat(200) }, { field: 'casualties', excerpt: 'test-agency', fieldValue: '000000000000' })
  process.stdout.write(`${index + 1}\n`)
}
