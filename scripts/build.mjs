// `npm run build`: the production artefacts: the web client (client/dist) and the api (api/dist).
import { buildApi, buildClient, generatePrismaClient } from "./setup.mjs";

generatePrismaClient();
buildClient();
await buildApi();
