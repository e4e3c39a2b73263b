import * as net from 'node:net';

/**
 * A port that is free on 127.0.0.1 right now (the OS picks it: listen on 0). Another process could take it
 * before the server binds, which is unlikely enough on a test machine to not warrant a retry loop.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}
