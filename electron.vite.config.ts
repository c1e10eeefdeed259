import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    // The core runs in its own worker thread (electron/core/worker): built as out/main/core-worker.js.
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/main/index.ts'), 'core-worker': resolve(__dirname, 'electron/core/worker/core-worker.ts') },
      },
    },
  },
  preload: {
    // Sandboxed preloads cannot require node_modules: it only imports `electron` and stays tiny.
    build: { outDir: 'out/preload', rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') }, output: { format: 'cjs' } } },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    // The renderer imports the contract (zod schemas, types) and message catalogue from the core.
    resolve: { alias: { '@core': resolve(__dirname, 'electron/core') } },
    // Both the Electron app:// protocol and the loopback host serve the app at the origin's root.
    // electron-vite forces relative asset paths ('./assets') in production, which break a reload
    // on a deep route (/tamizaje/persona/…): put the root back after its preset has run.
    plugins: [react(), { name: 'acogida:root-base', enforce: 'post', config: () => ({ base: '/' }) }],
    // Minified: electron-vite leaves the renderer readable by default, and 2.4 MB of script took
    // over a second to first render on a desk computer (npm run bench -- --only startup).
    build: { outDir: resolve(__dirname, 'out/renderer'), minify: 'esbuild', rollupOptions: { input: resolve(__dirname, 'renderer/index.html') } },
  },
});
