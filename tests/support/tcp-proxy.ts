import net from 'node:net';

/** What happens to one request and its answer on a connection through the proxy. */
type Fate = 'PASS' | 'LOSE' | 'WITHHOLD' | 'REFUSE';

export interface TcpProxy {
  /** http://127.0.0.1:<port>, in front of the API. */
  readonly url: string;
  /** Destroys every open connection both ways, as a network drop would; answers how many it cut. */
  cut(): number;
  /** The next `n` requests reach the API, but their answers are lost: the connection is cut when they come back. */
  loseAnswers(n: number): void;
  /** The next `n` requests reach the API, and their answers are held back with the connection left open. */
  withholdAnswers(n: number): void;
  /** The next `n` requests never reach the API: the proxy answers itself (a bare 503 unless told what). */
  refuse(n: number, answer?: { status: number; body: string }): void;
  close(): Promise<void>;
}

const UNAVAILABLE = { status: 503, body: 'unavailable' };

const response = ({ status, body }: { status: number; body: string }) =>
  `HTTP/1.1 ${status} Refused by the proxy\r\ncontent-type: ${body.startsWith('{') ? 'application/json' : 'text/plain'}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;

/**
 * A TCP proxy a test can break, to make drops and lost answers real rather than mocked. A request
 * is what the client sends while no answer is pending on its connection (an HTTP request, or a
 * WebSocket's upgrade and then its frames, which pass while nothing is asked of them).
 */
export async function startProxy(targetPort: number): Promise<TcpProxy> {
  /** Each connection's two sockets: the client's and the one to the API. */
  const open = new Set<[net.Socket, net.Socket]>();
  const planned: { fate: Fate; answer?: { status: number; body: string } }[] = [];
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    const pair: [net.Socket, net.Socket] = [client, upstream];
    open.add(pair);
    let fate: Fate | null = null;
    let answer = UNAVAILABLE;
    const destroy = () => {
      open.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk) => {
      if (fate === null) {
        const next = planned.shift() ?? { fate: 'PASS' };
        [fate, answer] = [next.fate, next.answer ?? UNAVAILABLE];
      }
      if (fate === 'REFUSE') return void client.end(response(answer));
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (fate === 'LOSE') return destroy();
      if (fate === 'WITHHOLD') return;
      fate = null;
      client.write(chunk);
    });
    for (const socket of pair) socket.on('error', destroy).on('close', destroy);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const plan = (fate: Fate, n: number, answer?: { status: number; body: string }) => planned.push(...Array.from({ length: n }, () => ({ fate, answer })));
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      const pairs = [...open];
      pairs.flat().forEach((socket) => socket.destroy());
      return pairs.length;
    },
    loseAnswers: (n) => plan('LOSE', n),
    withholdAnswers: (n) => plan('WITHHOLD', n),
    refuse: (n, answer) => plan('REFUSE', n, answer),
    close: () =>
      new Promise<void>((resolve) => {
        [...open].flat().forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}
