// Builds renderer/ into dist/renderer/. base './' so the same files load from file:// inside
// Electron and from the preview bridge; no inline scripts so a strict CSP holds.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // The polyfill would be injected as an inline script, which the CSP refuses; Chromium
    // and Electron support modulepreload natively.
    modulePreload: { polyfill: false },
    // Fonts are files, never data: URLs, so font-src 'self' suffices.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2500,
    sourcemap: true,
    target: 'es2022',
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
});
