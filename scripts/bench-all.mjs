// `npm run bench`: runs every benchmark in scripts/bench/ one after the
// other and prints their figures. Benchmarks measure; tests never time.
// `npm run bench -- engine` runs only the benchmarks whose name matches.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'

const only = process.argv[2]
const benches = readdirSync('scripts/bench')
  .filter((name) => name.endsWith('.ts'))
  .filter((name) => only === undefined || name.includes(only))
  .sort()

let failed = 0
for (const name of benches) {
  process.stdout.write(`\n=== ${name} ===\n`)
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', `scripts/bench/${name}`],
    {
      stdio: 'inherit',
    },
  )
  if (run.status !== 0) failed += 1
}
process.exitCode = failed === 0 ? 0 : 1
