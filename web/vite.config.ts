import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // features import shared code as '@shared/…' (also in tsconfig.json "paths"); a root-relative path is resolved from web/
    alias: { '@shared': '/src/shared' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // each portal is its own chunk (React.lazy in src/app/router.tsx); antd's shared parts are large
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React, the router and the query cache change rarely: their own long-cached chunk
            { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/idp': { target: backend, changeOrigin: false },
    },
  },
});
