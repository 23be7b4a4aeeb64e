import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/** The SPA's import aliases (mirrored in tsconfig.json `paths`; vitest.config.ts reuses this object). */
export const alias = {
  '@domain': fileURLToPath(new URL('./src/domain', import.meta.url)),
  '@': fileURLToPath(new URL('./src/web', import.meta.url)),
};

// The SPA is built into dist/ and served by the Node server on one port; in `npm run dev` Vite proxies /api to it.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: { alias },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
