/**
 * A git smart-HTTP remote on 127.0.0.1: git's own `git http-backend` (CGI) behind a Node server that, like
 * GitHub, answers 401 without `Authorization: basic x-access-token:<token>`. Tests that an action authenticates
 * its fetches and pushes with its `token` input when the checkout kept no credentials (persist-credentials: false).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, basename } from 'node:path';

export interface GitHttpRemote {
  /** Clone URL of the repository (`http://127.0.0.1:<port>/<name>.git`). */
  url: string;
  /** Requests seen: `<status> <method> <path>` (the 401s included). */
  requests: string[];
  stop(): Promise<void>;
}

export async function startGitHttpRemote(bareDir: string, token: string): Promise<GitHttpRemote> {
  const expected = `basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if ((req.headers.authorization ?? '').toLowerCase() !== expected.toLowerCase()) {
      requests.push(`401 ${req.method} ${url.pathname}`);
      req.resume();
      res.writeHead(401, { 'www-authenticate': 'Basic realm="git"' }).end();
      return;
    }
    const cgi = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: dirname(bareDir),
        GIT_HTTP_EXPORT_ALL: '1',
        REMOTE_USER: 'x-access-token',
        REQUEST_METHOD: req.method,
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''),
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    req.pipe(cgi.stdin);
    let head = Buffer.alloc(0);
    let headerDone = false;
    cgi.stdout.on('data', (chunk: Buffer) => {
      if (headerDone) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      headerDone = true;
      let status = 200;
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const i = line.indexOf(':');
        const name = line.slice(0, i).trim();
        const value = line.slice(i + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else res.setHeader(name, value);
      }
      requests.push(`${status} ${req.method} ${url.pathname}`);
      res.writeHead(status);
      res.write(head.subarray(end + 4));
    });
    cgi.stdout.on('end', () => res.end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/${basename(bareDir)}`,
    requests,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
