/** Types of check-electronegativity.mjs, for its test. */
/** The check ids justified on a line (1-based) or in the lines above it. */
export declare function justifiedNear(text: string, line: number): string[]
