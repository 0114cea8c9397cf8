import { redactUrl, redactUrls } from './redact.js';

test('credentials in URLs are replaced, everything else kept', () => {
  expect(redactUrl('http://user:pw@host:4873/npm/')).toBe('http://***@host:4873/npm/');
  expect(redactUrl('https://token@registry.example/')).toBe('https://***@registry.example/');
  expect(redactUrl('https://registry.npmjs.org/')).toBe('https://registry.npmjs.org/');
  expect(redactUrl('http://host/path?q=a@b')).toBe('http://host/path?q=a@b');
  expect(redactUrls('npm registry http://u:p%40ss@h/ is down; see https://x.test/a@b')).toBe(
    'npm registry http://***@h/ is down; see https://x.test/a@b',
  );
});
