/**
 * The peers page: the same log lines in the viewers operators would pick instead of Jobscope.
 * A bench-only build, served to the browser by the bench itself; nothing in src/ imports it.
 */
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export const PEERS_BASE = '/__bench/peers/';

export default defineConfig({
  root: here,
  base: PEERS_BASE,
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: path.join(here, 'dist'), emptyOutDir: true, target: 'es2022' },
});
