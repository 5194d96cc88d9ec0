import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is one static page: served by the web host, or loaded from file:// by Electron
// (hence relative asset paths).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
