// ESM + TypeScript through ts-jest; type errors are caught by `npm run typecheck`, so transpile only here.
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  }
}

export default {
  testTimeout: 120000,
  verbose: true,
  projects: [
    // Pure unit tests need no servers: `npm run test:unit` runs them without starting the test bed.
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'bed',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/unit/'],
      globalSetup: '<rootDir>/test/bed/global-setup.ts',
      globalTeardown: '<rootDir>/test/bed/global-teardown.ts'
    }
  ]
}
