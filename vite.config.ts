import { execSync } from 'node:child_process';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The build's label, shown in the page footer: RNN_BUILD_ID when set (the update test builds a
// second version with its own), else the git commit.
function buildLabel(): string {
  if (process.env.RNN_BUILD_ID) return process.env.RNN_BUILD_ID;
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return 'local';
  }
}

/**
 * Files the page loads only on demand (chunks reached only through a dynamic import(), and what
 * only they use) stay out of the service worker's precache: they go to its runtime cache once used.
 * Collected from the bundle before vite-plugin-pwa writes the precache list.
 */
const lazyFiles = new Set<string>();
function collectLazyFiles(): Plugin {
  return {
    name: 'rnn-collect-lazy-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((o) => o.type === 'chunk');
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const staticFiles = new Set<string>();
      const visit = (file: string) => {
        const c = byName.get(file);
        if (!c || staticFiles.has(file)) return;
        staticFiles.add(file);
        for (const a of c.viteMetadata?.importedAssets ?? []) staticFiles.add(a);
        for (const a of c.viteMetadata?.importedCss ?? []) staticFiles.add(a);
        c.imports.forEach(visit);
      };
      chunks.filter((c) => c.isEntry).forEach((c) => visit(c.fileName));
      for (const c of chunks) {
        if (staticFiles.has(c.fileName)) continue;
        lazyFiles.add(c.fileName);
        for (const a of c.viteMetadata?.importedAssets ?? []) if (!staticFiles.has(a)) lazyFiles.add(a);
        for (const a of c.viteMetadata?.importedCss ?? []) if (!staticFiles.has(a)) lazyFiles.add(a);
      }
    },
  };
}

// The site is static: dist/ works from any sub-path (base './').
export default defineConfig({
  root: 'web',
  base: './',
  publicDir: 'public',
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
  define: { __BUILD_LABEL__: JSON.stringify(buildLabel()) },
  plugins: [
    collectLazyFiles(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // Registered by web/src/pwa/register.ts (a script file: the CSP forbids inline scripts).
      injectRegister: false,
      manifest: {
        name: 'RNN Playground',
        short_name: 'RNN Playground',
        description:
          'Build a recurrent network, train it on IMDB reviews in the browser tab, and look inside.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#334455',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      injectManifest: {
        rollupFormat: 'iife',
        // The site, the engine (.wasm), the quick pack (1.5 MB) and the word index; not the book's
        // pack (22 MB, loaded only when chosen: runtime cache).
        // (The web app manifest and its icons are added by the plugin.)
        globPatterns: ['**/*.{html,js,css,wasm,json}', 'data/imdb-quick.pack'],
        globIgnores: ['data/imdb-book.pack'],
        // Large lazily loaded libraries are removed by the transform below, not by size.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        manifestTransforms: [
          async (entries) => ({ manifest: entries.filter((e) => !lazyFiles.has(e.url)), warnings: [] }),
        ],
      },
    }),
  ],
});
