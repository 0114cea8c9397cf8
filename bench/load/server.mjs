// The service both load generators hit: a plain Node HTTP server answering a small body, in its own process.
import { createServer } from 'node:http';

const body = JSON.stringify({ ok: true, service: 'bench' });
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
