// A tiny static server for trying dist/ without the service: /dashboard/* from dist/, GET /graphql -> graphiql.html,
// everything else -> index.html. Point the pages at a running service with ?api=http://127.0.0.1:5097/graphql.
// Usage: node dev-server.mjs [port]   (default 5098)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('./dist/', import.meta.url));
const port = Number(process.argv[2] || 5098);
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.woff2': 'font/woff2', '.woff': 'font/woff', '.svg': 'image/svg+xml', '.png': 'image/png' };

createServer(async (req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  let file = 'index.html';
  if (pathname.startsWith('/dashboard/')) file = normalize(pathname.slice('/dashboard/'.length)).replace(/^(\.\.[/\\])+/, '');
  else if (pathname === '/graphql') file = 'graphiql.html';
  try {
    const body = await readFile(join(dist, file));
    res.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`dashboard on http://127.0.0.1:${port}/`));
