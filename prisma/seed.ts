// Seeds the sample WSIS+20 agenda and the development demo accounts into the configured database.
import { parseConfig } from "../api/src/config.ts";
import { openDatabase } from "../api/src/db/client.ts";
import { seedDemo } from "../api/src/seed/seed.ts";

const config = parseConfig(process.env);
if (config.isProduction) throw new Error("The demo seed is for development only.");
const database = await openDatabase(config.database);
await seedDemo(database.prisma, { log: console.log });
await database.close();
