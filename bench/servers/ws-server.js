// Node `ws` broadcast server: POST /broadcast with the text; WebSocket on any path.
// The loop teams write: for every client, client.send(text).
const http = require('http');
const { WebSocketServer } = require('ws');
const port = Number(process.argv[2]);
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    for (const c of wss.clients) c.send(body);
    res.writeHead(204).end();
  });
});
const wss = new WebSocketServer({ server, perMessageDeflate: false });
server.listen(port, '127.0.0.1', 4096, () => console.log(`ws server on ${port}`));
