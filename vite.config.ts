import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { precompress } from './scripts/vite-precompress.js';

// The SPA is built into dist/ and served by the Node server on one port; in `npm run dev` Vite proxies /api to it.
export default defineConfig({
  plugins: [react(), tailwindcss(), precompress()],
  // The @/ and @domain/ aliases have one home: tsconfig.json `paths`.
  resolve: { tsconfigPaths: true },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Everything the first screen needs in one chunk: left alone, the bundler splits off each small module the
        // entry shares with a lazy screen, and the browser then fetches (and gzip compresses) many small files.
        codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
      // The read API of share links and displays (the pages themselves are the SPA, served by Vite).
      '^/(s|tv)/[^/]+/api(/|$)': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
});
