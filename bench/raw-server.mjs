// The baseline: the same work as Parley's message path, hand-written with no GraphQL.
// POST /post {chatId, body} -> one transaction (bump the chat's sequence, insert the message)
// -> publish on Redis channel raw:<chatId> -> every WebSocket subscribed to that chat gets the JSON.
import http from 'node:http';
import Redis from 'ioredis';
import pg from 'pg';
import { WebSocketServer } from 'ws';

const { DATABASE_URL, REDIS_URL } = process.env;
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });
await pool.query(`create table if not exists raw_chats (id text primary key, last_sequence int not null default 0);
  create table if not exists raw_messages (id bigserial primary key, chat_id text not null, sequence int not null, body text not null,
    created_at timestamptz not null default now(), unique (chat_id, sequence))`);
const pub = new Redis(REDIS_URL);
// A subscriber connection cannot answer the INFO ready check once it has subscribed.
const sub = new Redis(REDIS_URL, { enableReadyCheck: false });
const sockets = new Map();

sub.on('message', (channel, message) => {
  for (const ws of sockets.get(channel.slice(4)) ?? []) ws.send(message);
});

const server = http.createServer(async (req, res) => {
  if (req.method !== 'POST') return res.writeHead(404).end();
  let raw = '';
  for await (const chunk of req) raw += chunk;
  const { chatId, body } = JSON.parse(raw);
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('insert into raw_chats (id) values ($1) on conflict do nothing', [chatId]);
    const { rows } = await client.query('update raw_chats set last_sequence = last_sequence + 1 where id = $1 returning last_sequence', [chatId]);
    const ins = await client.query('insert into raw_messages (chat_id, sequence, body) values ($1, $2, $3) returning id, created_at', [chatId, rows[0].last_sequence, body]);
    await client.query('commit');
    const message = JSON.stringify({ id: ins.rows[0].id, chatId, sequence: rows[0].last_sequence, body, createdAt: ins.rows[0].created_at });
    await pub.publish(`raw:${chatId}`, message);
    res.writeHead(200, { 'content-type': 'application/json' }).end(message);
  } catch (err) {
    await client.query('rollback').catch(() => {});
    res.writeHead(500).end(String(err));
  } finally {
    client.release();
  }
});

const wss = new WebSocketServer({ server });
wss.on('connection', (ws) => {
  ws.on('message', async (data) => {
    const { chatId } = JSON.parse(String(data));
    let set = sockets.get(chatId);
    if (!set) {
      sockets.set(chatId, (set = new Set()));
      await sub.subscribe(`raw:${chatId}`);
    }
    set.add(ws);
    ws.send(JSON.stringify({ subscribed: chatId }));
    ws.on('close', () => set.delete(ws));
  });
});

server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.address().port }));
process.on('SIGTERM', async () => {
  wss.close();
  server.close();
  sub.disconnect();
  pub.disconnect();
  await pool.end();
  process.exit(0);
});
