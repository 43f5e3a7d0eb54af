// ESM + TypeScript through ts-jest; type errors are caught by `npm run typecheck`, so transpile only here.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  globalSetup: '<rootDir>/test/bed/global-setup.ts',
  globalTeardown: '<rootDir>/test/bed/global-teardown.ts',
  testTimeout: 120000,
  verbose: true
}
