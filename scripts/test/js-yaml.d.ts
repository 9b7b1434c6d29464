// js-yaml ships no types; electron-builder depends on it to read its config.
declare module 'js-yaml' {
  /** Parses one YAML document. */
  export function load(text: string): unknown
}
