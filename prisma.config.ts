import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The schema reads env("DATABASE_URL"); without a value the CLI cannot parse it and falls back to
// downloading engines. Any valid URL will do for generate/diff.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/test";

// Prisma 7's CLI downloads a native schema engine that this environment cannot reach; 6.19 with the
// JS engine and a driver adapter works offline. The api applies migrations itself at start-up
// (api/src/db/migrate.ts); the CLI is used to generate the client and to diff new migrations.
export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
