// The web server process that scripts/serve.ts starts once the database is ready: Next behind
// lib/http/web-server.ts. The launcher has checked the environment and passes it on.
import { launcherEnvSchema, parseEnv } from "@/lib/env";
import { startWebServer } from "@/lib/http/web-server";
import { log } from "@/lib/log";
import { logRequests } from "@/lib/log/requests";

const env = parseEnv(launcherEnvSchema, process.env);
const dev = env.NODE_ENV === "development";
const server = await startWebServer({ dev, port: env.PORT, trustedProxies: env.HUIFANG_TRUSTED_PROXIES });
// in the same turn as the listen: no request arrives before its id and its log line are in place
logRequests(server, env.NEXTAUTH_SECRET);
log().info(
  { port: env.PORT, mode: dev ? "development" : "production", trustedProxies: env.HUIFANG_TRUSTED_PROXIES },
  `[huifang] listening on port ${env.PORT} (${dev ? "development" : "production"}, ` +
    `trusted proxies: ${env.HUIFANG_TRUSTED_PROXIES})`,
);
