import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env['VIGIE_URL'] ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': { target: api, ws: true } } },
});
