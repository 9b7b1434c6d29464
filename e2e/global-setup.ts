import { execFileSync } from 'node:child_process'

/** Builds the wizard and the bridge preload once before the tests. */
export default function globalSetup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' })
}
