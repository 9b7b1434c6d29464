/** Types of after-pack.mjs, for the packaging tests. */
export declare const FUSES: Record<string, boolean | string>
/** The file that holds the fuse wire, per platform. */
export declare function electronBinaryPath(
  context: AfterPackContextLike,
): string
/** Which fuses in a read-back wire differ from FUSES, by name. */
export declare function fuseMismatches(wire: Record<string, unknown>): string[]
/** Flips and verifies the fuses of the app electron-builder just packed. */
export default function afterPack(context: AfterPackContextLike): Promise<void>

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface AfterPackContextLike {
  appOutDir: string
  electronPlatformName: string
  arch: number
  packager: { executableName: string; appInfo: { productFilename: string } }
}
