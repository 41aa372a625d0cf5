import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // forbidden(): a caller who types an admin URL gets a 403 page, not a redirect
  experimental: {
    authInterrupts: true,
    // withdrawal photos: the browser scales each to ~1600 px (a few hundred KB); up to 6 in one post
    serverActions: { bodySizeLimit: "8mb" },
  },
  // native argon2 and the embedded database stay outside the server bundle; so does the S3 client's
  // multipart upload, beside the client itself (which Next keeps outside by default)
  serverExternalPackages: [
    "@node-rs/argon2",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@aws-sdk/lib-storage",
  ],
  poweredByHeader: false,
  // a second build folder lets two browser-test runs build side by side (playwright.config.ts)
  distDir: process.env.HUIFANG_NEXT_DIST_DIR || ".next",
};

export default withNextIntl(nextConfig);
