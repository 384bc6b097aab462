import react from '@vitejs/plugin-react';
import type { PluginOption } from 'vite';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

export default defineConfig(async ({ command, mode }): Promise<ViteUserConfig> => {
  const plugins: PluginOption[] = [react()];
  // `npm run dev`: the same API routes as the production server, mounted into Vite (one origin).
  if (command === 'serve' && mode !== 'test') {
    const { apiDevPlugin } = await import('./server/dev.ts');
    plugins.push(apiDevPlugin());
  }
  return {
    plugins,
    build: {
      target: 'es2022',
      // Hidden: written for the bench's profiles, never linked from the code or served.
      sourcemap: 'hidden',
      chunkSizeWarningLimit: 800,
    },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'app',
            include: ['src/**/*.test.{ts,tsx}'],
            environment: 'jsdom',
            setupFiles: ['src/test/setup.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'node',
            include: ['server/**/*.test.ts', 'bench/**/*.test.ts'],
            environment: 'node',
          },
        },
      ],
    },
  };
});
