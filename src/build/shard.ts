/**
 * `--shard i/n`, as in Playwright: the events (in folder order) are cut into
 * n contiguous runs of nearly equal size and shard i renders the i-th. Each
 * shard still reads and checks the whole corpus, since related links,
 * reference languages and uniqueness rules span events; `merge` then adds
 * the pages about all events.
 */
export interface Shard {
  /** 1-based. */
  index: number
  total: number
}

export const SHARD_MANIFEST = 'passerelle-shard.json'

/** Parses `i/n`; undefined with a reason when it is not one. */
export function parseShard(value: string): Shard | string {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim())
  if (!match) return `--shard must look like 2/4 (shard 2 of 4), not \`${value}\``
  const index = Number(match[1])
  const total = Number(match[2])
  if (total < 1 || index < 1 || index > total) return `--shard ${value}: the shard number must be between 1 and ${Math.max(total, 1)}`
  return { index, total }
}

/** The half-open range of item indexes shard `index` of `total` takes. */
export function shardRange(count: number, shard: Shard): [from: number, to: number] {
  return [Math.floor(((shard.index - 1) * count) / shard.total), Math.floor((shard.index * count) / shard.total)]
}
