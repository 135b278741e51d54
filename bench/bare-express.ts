// The baseline for bench/token-issuance.ts: the smallest Express 5 app that answers a JSON POST.
import express from "express";

const app = express();
app.use(express.json());
app.post("/bare", (_req, res) => void res.json({ ok: true }));
app.get("/ready", (_req, res) => void res.json({ ok: true }));
app.listen(Number(process.env.PORT), "127.0.0.1");
