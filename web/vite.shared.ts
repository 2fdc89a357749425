import react from '@vitejs/plugin-react';
import * as path from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

/** One Vite build per UI; each lands in web/dist/<app>, which the stack deploys and the local cloud serves. */
export function webApp(app: 'admin' | 'portal'): UserConfig {
  return defineConfig({
    root: path.join(import.meta.dirname, app),
    plugins: [react()],
    build: { outDir: path.join(import.meta.dirname, 'dist', app), emptyOutDir: true, sourcemap: true },
  });
}
