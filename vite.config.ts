import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app is built into dist/web and served by the Fastify server from the same origin. */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
