import type { WebPreferences } from 'electron'

/**
 * The wizard window's web preferences: Electron's security checklist as
 * settings. The renderer is a sandboxed guest without Node; its only way
 * out is the preload's contract object. Developer tools are off in a
 * packaged app.
 */
export function secureWebPreferences(
  preloadPath: string,
  options: { packaged: boolean },
): WebPreferences {
  return {
    preload: preloadPath,
    devTools: !options.packaged,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    // Middle-click would open links as new windows; those are denied anyway.
    disableBlinkFeatures: 'Auxclick',
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  }
}
