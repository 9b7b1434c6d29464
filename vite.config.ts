import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The wizard is loaded from a file:// URL in Electron: relative asset paths.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
  },
})
