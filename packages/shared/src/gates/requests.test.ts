import { InputError } from '../util/errors.js';
import { loadTarget, statusExpected } from './requests.js';

test('target_url alone, or a list of requests relative to it', () => {
  expect(loadTarget('http://127.0.0.1:8080/api/health?x=1', undefined)).toEqual({
    origin: 'http://127.0.0.1:8080',
    requests: [{ method: 'GET', path: '/api/health?x=1', headers: {}, expectStatus: [] }],
  });
  const t = loadTarget('http://127.0.0.1:8080/api', [
    { method: 'post', path: '/items', body: { a: 1 }, expect_status: [201, 409] },
    '/health',
  ]);
  expect(t.requests[0]).toEqual({
    method: 'POST',
    path: '/api/items',
    headers: { 'content-type': 'application/json' },
    body: '{"a":1}',
    expectStatus: [201, 409],
  });
  expect(statusExpected(t.requests[0]!, 409)).toBe(true);
  expect(statusExpected(t.requests[1]!, 204)).toBe(true);
  expect(statusExpected(t.requests[1]!, 302)).toBe(false);
});

test('absolute URLs of one origin without target_url; anything else is bad input', () => {
  expect(loadTarget(undefined, [{ url: 'http://127.0.0.1:9/a' }]).origin).toBe('http://127.0.0.1:9');
  expect(() => loadTarget(undefined, undefined)).toThrow(InputError);
  expect(() => loadTarget(undefined, ['/relative'])).toThrow('target_url is empty');
  expect(() => loadTarget(undefined, [{ url: 'http://a:1/' }, { url: 'http://b:2/' }])).toThrow('not the origin');
  expect(() => loadTarget('http://x/', [{ method: 'FETCH' }])).toThrow('method FETCH');
  expect(() => loadTarget('http://x/', [{ expect_status: 'ok' }])).toThrow('not an HTTP status');
});
