import { graphqlUrlFor, writeIntervalMs } from './client.js';

test('writes are paced a second apart on GitHub.com and GHE.com, not on GitHub Enterprise Server', () => {
  expect(writeIntervalMs('https://api.github.com')).toBe(1000);
  expect(writeIntervalMs('https://api.octocorp.ghe.com/')).toBe(1000);
  expect(writeIntervalMs('https://ghe.example.com/api/v3')).toBe(0);
  // A host that merely contains the name is not GitHub's.
  expect(writeIntervalMs('https://api.github.com.example.net')).toBe(0);
  expect(writeIntervalMs('http://127.0.0.1:8080/')).toBe(0);
});

test('the GraphQL endpoint of a REST base', () => {
  expect(graphqlUrlFor('https://api.github.com')).toBe('https://api.github.com/graphql');
  expect(graphqlUrlFor('https://ghe.example.com/api/v3/')).toBe('https://ghe.example.com/api/graphql');
});
