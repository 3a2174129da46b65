import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The web UI lives in web/ and builds to web/dist, which the server (src/main.ts) serves at /.
// In development `npm run dev:web` proxies the API to a server started with `npm start`.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Mantine and the charts make one chunk of about a megabyte; the UI runs on the bank's network.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
})
