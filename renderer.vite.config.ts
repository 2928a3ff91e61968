import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

/**
 * The renderer build, shared by electron-vite (the app) and plain Vite (the browser test host
 * and the benchmark), so both serve byte-identical renderer bundles from `out/renderer`.
 */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: false,
    minify: true,
    reportCompressedSize: false,
  },
};

export default rendererConfig;
