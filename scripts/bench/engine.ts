/**
 * Engine benchmark: a bare Papa Parse pass against our read + check + plan
 * of the same file with a realistic Contacts mapping, in one thread (as
 * the wizard's worker runs it) and in two (as `bulkwright check` runs large
 * files, with the built worker bundle). Each pass runs in its own process,
 * so that its peak memory is its own; rounds alternate and the best of each
 * is kept, since build machines are shared and noisy.
 *   npx tsx scripts/bench/engine.ts [rows]   (default 1,000,000)
 */
import { spawnSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { resolve } from 'node:path'
import { builtCheckWorker } from '../../main/engine/worker-url.ts'
import { ensureBenchFile } from '../gen-big-csv.ts'
import type { PassFigures } from './engine-passes/one-pass.ts'

const rows = Number(process.argv[2] ?? 1_000_000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const MODES = ['papa', 'one', 'two'] as const

const path = await ensureBenchFile(rows)
const megabytes = statSync(path).size / 1e6
spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' })
const worker = builtCheckWorker(resolve('dist')).href

function pass(mode: string): PassFigures {
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/bench/engine-passes/one-pass.ts',
      mode,
      path,
      worker,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  )
  if (run.status !== 0) throw new Error(`the ${mode} pass failed`)

  return JSON.parse(run.stdout.trim().split('\n').at(-1) as string)
}

pass('papa') // warms the file cache so every pass reads from memory
const best = new Map<string, PassFigures>()
const loads: number[] = []
for (let round = 0; round < ROUNDS; round++) {
  for (const mode of MODES) {
    loads.push(loadavg()[0] ?? 0)
    const figures = pass(mode)
    const kept = best.get(mode)
    best.set(mode, {
      ...figures,
      seconds: Math.min(figures.seconds, kept?.seconds ?? Infinity),
      cpuSeconds: Math.min(figures.cpuSeconds, kept?.cpuSeconds ?? Infinity),
      peakRssMb: Math.max(figures.peakRssMb, kept?.peakRssMb ?? 0),
    })
  }
}

const papa = best.get('papa') as PassFigures
const one = best.get('one') as PassFigures
const two = best.get('two') as PassFigures
if (one.digest !== two.digest) {
  throw new Error('the two-thread check differs from the one-thread check')
}

const out = (line: string): void => void process.stdout.write(line + '\n')
const s = (value: number) => `${value.toFixed(2)} s`
const ratio = (figures: PassFigures) =>
  `ratio ${(figures.seconds / papa.seconds).toFixed(2)} wall, ${(figures.cpuSeconds / papa.cpuSeconds).toFixed(2)} CPU`
const perSecond = (figures: PassFigures) =>
  Math.round(figures.records / figures.seconds).toLocaleString('en-US')
out(`file: ${path} (${megabytes.toFixed(0)} MB, ${one.records} rows)`)
out(
  `best of ${ROUNDS} alternating rounds, each pass in its own process; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${cpus().length} cores`,
)
out(
  `papa parse (bare, streamed):     ${s(papa.seconds)} wall, ${s(papa.cpuSeconds)} CPU (${papa.records} records), peak RSS ${papa.peakRssMb.toFixed(0)} MB`,
)
out(
  `read + check + plan, one thread: ${s(one.seconds)} wall, ${s(one.cpuSeconds)} CPU, ${ratio(one)}, ${perSecond(one)} rows/s, peak RSS ${one.peakRssMb.toFixed(0)} MB`,
)
out(
  `read + check + plan, two threads: ${s(two.seconds)} wall, ${s(two.cpuSeconds)} CPU, ${ratio(two)}, ${perSecond(two)} rows/s, peak RSS ${two.peakRssMb.toFixed(0)} MB (${two.way})`,
)
out('targets: ratio ≤ 1.3 (wall), peak RSS ≤ 400 MB')
out(
  `problems: ${one.problemCount} (${Object.entries(one.countsByCode)
    .map(([code, count]) => `${code} ${count}`)
    .join(
      ', ',
    )}); jobs: ${one.jobs}, credits: ${one.credits}; the two ways agree`,
)
