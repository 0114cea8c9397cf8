/** The release PR's package trailers: written as read back, and every malformed or unknown one refused. */
import { hasPackageTrailers, packageTrailers, readPackageTrailers } from './trailers.js';

const workspace = { packages: ['@a/core', '@a/util', 'plain'], tagFormat: '{name}@{version}' };
const recorded = [
  { name: '@a/core', version: '1.1.0', tag: '@a/core@1.1.0' },
  { name: 'plain', version: '2.0.0-rc.1', tag: 'plain@2.0.0-rc.1' },
];

test('what is written is read back, in order, from a whole commit message', () => {
  const message = `chore(release): publish\n\n- @a/core@1.1.0\n- plain@2.0.0-rc.1\n\n${packageTrailers(recorded)}\n`;
  expect(packageTrailers(recorded)).toBe(
    'Release-Actions-Package: @a/core 1.1.0 @a/core@1.1.0\nRelease-Actions-Package: plain 2.0.0-rc.1 plain@2.0.0-rc.1',
  );
  expect(hasPackageTrailers(message)).toBe(true);
  expect(readPackageTrailers(message, workspace)).toEqual({ packages: recorded, problems: [] });
});

test.each([
  ['Release-Actions-Package: @a/nope 1.0.0 @a/nope@1.0.0', /"@a\/nope", which is not a package of the workspace/],
  ['Release-Actions-Package: @a/core 1.0 @a/core@1.0', /version "1\.0", which is not a semver version/],
  ['Release-Actions-Package: @a/core v1.0.0 @a/core@v1.0.0', /version "v1\.0\.0"/],
  [
    'Release-Actions-Package: @a/core 1.0.0 v1.0.0',
    /tag "v1\.0\.0", but tag_format "\{name\}@\{version\}" names it @a\/core@1\.0\.0/,
  ],
  ['Release-Actions-Package: @a/core@1.0.0', /is not "Release-Actions-Package: <name> <version> <tag>"/],
  ['Release-Actions-Package: @a/core 1.0.0 @a/core@1.0.0 extra', /is not "Release-Actions-Package/],
  ['release-actions-package: @a/core 1.0.0 @a/core@1.0.0', /is not "Release-Actions-Package/],
  [
    'Release-Actions-Package: @a/core 1.0.0 @a/core@1.0.0\nRelease-Actions-Package: @a/core 1.0.1 @a/core@1.0.1',
    /"@a\/core" a second time/,
  ],
  ['chore(release): publish', /no "Release-Actions-Package:" trailer/],
])('refused: %s', (trailers, problem) => {
  const r = readPackageTrailers(`chore(release): publish\n\n${trailers}\n`, workspace);
  expect(r.packages).toEqual([]);
  expect(r.problems).toHaveLength(1);
  expect(r.problems[0]).toMatch(problem);
});

test('one bad trailer among good ones refuses them all; control characters are shown, not passed on', () => {
  const r = readPackageTrailers(
    `${packageTrailers(recorded)}\nRelease-Actions-Package: \u001b[31m::error::x 1.0.0 y\n`,
    workspace,
  );
  expect(r.packages).toEqual([]);
  expect(r.problems).toHaveLength(1);
  expect(r.problems[0]).not.toContain('\u001b');
  expect(r.problems[0]).not.toMatch(/^::/);
});
