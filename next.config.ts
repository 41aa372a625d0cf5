import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // forbidden(): a caller who types an admin URL gets a 403 page, not a redirect
  experimental: { authInterrupts: true },
  // native argon2 and the embedded database stay outside the server bundle
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
