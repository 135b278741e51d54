// The baseline for bench/qa-fanout.ts: a bare Socket.IO 4 server that puts every socket in one room
// and, on request, broadcasts a payload to it. No auth, no database: the floor for a fan-out.
import { createServer } from "node:http";
import { Server } from "socket.io";

const http = createServer((req, res) => void res.end(req.url === "/ready" ? "ok" : ""));
const io = new Server(http, { transports: ["websocket"] });
io.on("connection", (socket) => {
  void socket.join("room");
  socket.on("broadcast", (payload: unknown, ack: () => void) => {
    io.to("room").emit("broadcasted", payload);
    ack();
  });
});
http.listen(Number(process.env.PORT), "127.0.0.1");
