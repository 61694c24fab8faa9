import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests of the harness (no nix needed for most), and the case
// suite, which runs real nix on every case under every condition.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['harness/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'cases',
          include: ['cases/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
