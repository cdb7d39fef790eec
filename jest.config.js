/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  maxWorkers: '100%',
  transform: { '^.+\\.ts$': '<rootDir>/jest.transform.js' },
};
