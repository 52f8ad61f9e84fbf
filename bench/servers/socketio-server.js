// Socket.IO broadcast server (WebSocket transport): POST /broadcast with JSON; io.emit('e', it).
const http = require('http');
const { Server } = require('socket.io');
const port = Number(process.argv[2]);
const server = http.createServer((req, res) => {
  if (req.url !== '/broadcast') return;
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    io.emit('e', JSON.parse(body));
    res.writeHead(204).end();
  });
});
const io = new Server(server, { transports: ['websocket'], perMessageDeflate: false, serveClient: false });
server.listen(port, '127.0.0.1', 4096, () => console.log(`socket.io server on ${port}`));
