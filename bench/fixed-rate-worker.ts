// Open-loop load at a fixed rate, in its own process so its event loop does not share the
// orchestrator's: a request is sent every 1000/rate ms whatever the server is doing, and each latency
// is measured from its own send time. Prints one JSON line of percentiles.
import http from "node:http";

const { url, method, headers, body, rate, seconds } = JSON.parse(process.argv[2]!);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const latencies: number[] = [];
let errors = 0;
let inFlight = 0;
const total = rate * seconds;
const start = performance.now();

function send() {
  const sentAt = performance.now();
  inFlight++;
  const req = http.request(url, { method, headers, agent }, (res) => {
    res.resume();
    res.on("end", () => {
      inFlight--;
      if (res.statusCode! >= 300) errors++;
      latencies.push(performance.now() - sentAt);
      if (latencies.length + errors >= total) finish();
    });
  });
  req.on("error", () => {
    inFlight--;
    errors++;
  });
  req.end(body);
}

let sent = 0;
// Ticks every 5 ms and catches up to the schedule, so timer jitter does not lower the rate.
const timer = setInterval(() => {
  const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
  while (sent < due) {
    send();
    sent++;
  }
  if (sent >= total) clearInterval(timer);
}, 5);

function finish() {
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!;
  console.log(JSON.stringify({ p50: pct(50), p99: pct(99), max: latencies.at(-1), count: latencies.length, errors, inFlight }));
  agent.destroy();
  process.exit(0);
}
setTimeout(() => finish(), (seconds + 10) * 1000).unref();
