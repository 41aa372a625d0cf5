// The web server process that scripts/serve.ts starts once the database is ready: Next behind
// lib/http/web-server.ts. The launcher has checked the environment and passes it on.
import { launcherEnvSchema, parseEnv } from "@/lib/env";
import { startWebServer } from "@/lib/http/web-server";

const env = parseEnv(launcherEnvSchema, process.env);
const dev = env.NODE_ENV === "development";
await startWebServer({ dev, port: env.PORT, trustedProxies: env.HUIFANG_TRUSTED_PROXIES });
console.log(
  `[huifang] listening on port ${env.PORT} (${dev ? "development" : "production"}, ` +
    `trusted proxies: ${env.HUIFANG_TRUSTED_PROXIES})`,
);
