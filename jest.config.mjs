// Jest runs TypeScript as native ESM (ts-jest, useESM) under Node 24 with --experimental-vm-modules,
// which scripts/test.mjs sets. Type checking is `npm run build` (tsc --noEmit); here we only transpile.
const cpus = (await import('node:os')).availableParallelism();

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  testMatch: [
    '<rootDir>/packages/**/*.test.ts',
    '<rootDir>/actions/**/*.test.ts',
    '<rootDir>/cli/**/*.test.ts',
    '<rootDir>/test/**/*.test.ts',
    '<rootDir>/bench/**/*.test.ts',
    '<rootDir>/examples/**/*.test.ts',
    '<rootDir>/scripts/**/*.test.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60_000,
  maxWorkers: Math.max(1, Math.min(cpus, 2)),
};
