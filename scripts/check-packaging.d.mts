/** Types of check-packaging.mjs, for the packaging tests. */
export declare const REQUIRED_ENTRIES: string[]
/** What is wrong with a list of app.asar entries; empty when it is right. */
export declare function asarProblems(entries: string[]): string[]
/** A folder shaped like Electron's Linux download, with a fuse wire. */
export declare function makeElectronStandIn(dir: string, version: string): void
/** Packs a copy of the project over a stand-in and reports what went in. */
export declare function validatePackaging(options?: {
  distDir?: string
}): Promise<{
  output: string
  entries: string[]
  asarProblems: string[]
  fuseProblems: string[]
}>
