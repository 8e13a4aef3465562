import { defineConfig } from 'vite';

// The site is static: dist/ works from any sub-path (base './').
export default defineConfig({
  root: 'web',
  base: './',
  publicDir: 'public',
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
});
