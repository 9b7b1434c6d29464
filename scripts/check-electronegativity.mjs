// `npm test` stage: Electronegativity (Doyensec's scanner for Electron
// misconfigurations) over the app's sources. Every finding must be fixed or
// justified by a comment next to the code it points at:
//   // electronegativity-ok CHECK_ID[, CHECK_ID]: why this is safe
// on the finding's line or in the few lines above it. Runs offline: the
// scanner's one check that downloads Electron's release list is left out
// (the Electron version is pinned in package.json), and its attempt to
// fetch translations fails quietly without a network.
//
// Findings are read from the scanner's SARIF output, not its CSV: version
// 1.10.3 writes the CSV header and rows with two racing asynchronous writes,
// so about one run in three left a garbled CSV and a failed stage.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const SOURCE_DIRS = ['main', 'renderer']
const OFFLINE_EXCLUDED = ['AvailableSecurityFixesGlobalCheck']
const LINES_ABOVE = 5
// The list of ids may wrap onto following comment lines.
const JUSTIFIED = /electronegativity-ok\s+([A-Z_,\s/*]+?):/g

const isTest = (path) =>
  /\.test\.tsx?$/.test(path) || /[\\/](test|node_modules)$/.test(path)

/** Copies the sources (without tests) to one folder, scanned as a whole. */
function stageSources() {
  const stage = mkdtempSync(join(tmpdir(), 'bulkwright-electronegativity-'))
  for (const dir of SOURCE_DIRS) {
    cpSync(join(root, dir), join(stage, dir), {
      recursive: true,
      filter: (path) => !isTest(path),
    })
  }
  return stage
}

/**
 * @typedef {{ issue: string, level: string, filename: string,
 *   line: number, column: number, description: string }} Finding
 */

/** @returns {Finding[]} */
function scan(stage) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const electron = pkg.devDependencies.electron
  const sarif = join(stage, 'findings.sarif')
  const cli = join(
    root,
    'node_modules/@doyensec/electronegativity/dist/index.js',
  )
  const args = [cli, '-i', stage, '-r', '-e', electron, '-o', sarif]
  args.push('-x', OFFLINE_EXCLUDED.join(','))
  const run = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    timeout: 180_000,
  })
  if (run.status !== 0 || !existsSync(sarif)) {
    process.stdout.write(run.stdout + run.stderr)
    throw new Error(`Electronegativity did not finish (exit ${run.status}).`)
  }
  const report = JSON.parse(readFileSync(sarif, 'utf8'))
  return report.runs.flatMap((one) => one.results.map(toFinding))
}

/** One SARIF result as a finding; its columns count from 1. */
function toFinding(result) {
  const place = result.locations[0].physicalLocation
  return {
    issue: result.ruleId,
    level: result.level,
    filename: place.artifactLocation.uri,
    line: place.region.startLine,
    column: place.region.startColumn,
    description: result.message.text,
  }
}

/**
 * The check ids justified in `text` on line `line` (1-based) or in the
 * LINES_ABOVE lines above it.
 */
export function justifiedNear(text, line) {
  const lines = text.split('\n')
  const from = Math.max(0, line - 1 - LINES_ABOVE)
  const near = lines.slice(from, line).join('\n')
  return [...near.matchAll(JUSTIFIED)].flatMap((match) =>
    match[1].split(/[\s,/*]+/).filter((id) => /^[A-Z_]+$/.test(id)),
  )
}

function justificationsNear(stage, file, line) {
  const path = join(stage, file)
  if (file.startsWith('file:') || !existsSync(path)) return []

  return justifiedNear(readFileSync(path, 'utf8'), line)
}

function main() {
  const stage = stageSources()
  try {
    const findings = scan(stage)
    const open = []
    for (const finding of findings) {
      const place = `${finding.filename}:${finding.line}:${finding.column}`
      const justified = justificationsNear(
        stage,
        finding.filename,
        finding.line,
      )
      const ok = justified.includes(finding.issue)
      process.stdout.write(
        `${ok ? 'justified' : 'OPEN     '}  ${finding.issue} (${finding.level}) at ${place}\n`,
      )
      if (!ok) open.push(finding)
    }
    process.stdout.write(
      `Electronegativity: ${findings.length} finding(s) in ${SOURCE_DIRS.join(', ')}, ` +
        `${findings.length - open.length} justified next to the code, ${open.length} open.\n`,
    )
    for (const finding of open) {
      process.stdout.write(
        `  Fix ${finding.issue} at ${finding.filename}:${finding.line} ` +
          `(${finding.description}; https://github.com/doyensec/electronegativity/wiki/${finding.issue}) or justify it there with ` +
          `"electronegativity-ok ${finding.issue}: <why>".\n`,
      )
    }
    process.exitCode = open.length === 0 ? 0 : 1
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main()
