import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type APIRequestContext, type BrowserContext, expect, test } from "@playwright/test";
import pg from "pg";
import { adminUrl } from "../support/server-url";
import { LoginPage, waitForHydration } from "./pages/login-page";
import { E2E_PORT } from "./support/addresses";
import { DEMO_PASSWORD } from "./support/demo";
import { ROOT, type Started, start, stop, TSX } from "./support/processes";
import { signIn } from "./support/sign-in";

// docs/reliability.md #31 (issue 11, "Done when"): two app instances, started by the launcher from the
// browser tests' build, share one PostgreSQL database behind one nginx that rewrites Host. Nothing a
// request needs may live in one instance's memory: a session from A continues on B, a list previewed
// on A is applied on B, and the apply's progress is read from either.

const PORTS = { a: E2E_PORT + 10, b: E2E_PORT + 11, proxy: E2E_PORT + 12, tls: E2E_PORT + 13, bare: E2E_PORT + 14 };
const PROXY = `http://127.0.0.1:${PORTS.proxy}`;
const TLS_PROXY = `https://127.0.0.1:${PORTS.tls}`;
const SECRET = "two-instances-share-this-secret-of-32+-chars";
const ADMIN_URL = adminUrl();
const DATABASE = `huifang_edge_${process.pid}_${Date.now()}`;
const DATABASE_URL = `${ADMIN_URL.replace(/\/[^/]*$/, "")}/${DATABASE}`;

/** The README's nginx location: the browser's host, protocol and address go to the app in headers. */
const PROXIED = `
      proxy_pass http://$instance;
      proxy_http_version 1.1;
      # the app sees its own address as Host; the browser's host arrives as X-Forwarded-Host
      proxy_set_header Host $instance;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_buffering off;
      proxy_request_buffering off;
      add_header X-Test-Instance $instance always;`;

/**
 * nginx as the README configures it, on plain http and ending TLS (a certificate made for the test),
 * plus a test cookie that picks the instance (sticky routing).
 */
function nginxConfig(dir: string): string {
  return `
worker_processes 1;
pid ${dir}/nginx.pid;
events { worker_connections 128; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 60m;
  map $cookie_huifang_instance $instance {
    default 127.0.0.1:${PORTS.a};
    b       127.0.0.1:${PORTS.b};
  }
  server {
    listen 127.0.0.1:${PORTS.proxy};
    location / {${PROXIED}
    }
  }
  server {
    listen 127.0.0.1:${PORTS.tls} ssl;
    ssl_certificate ${dir}/proxy.crt;
    ssl_certificate_key ${dir}/proxy.key;
    location / {${PROXIED}
    }
  }
}
`;
}

function startInstance(port: number): Promise<Started> {
  return start(
    TSX,
    ["scripts/serve.ts"],
    {
      ...process.env,
      DATABASE_URL,
      DATABASE_OWNER_URL: "",
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: "",
      PORT: String(port),
      HUIFANG_DEMO: "on",
      HUIFANG_TRUSTED_PROXIES: "1",
    },
    /\[huifang\] listening on port/,
  );
}

async function query<Row extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const onAdmin = (sql: string) => query(ADMIN_URL, sql);

/** One failed sign-in with the given headers; answers the address the app recorded for it. */
async function recordedAddress(
  playwright: { request: { newContext(): Promise<APIRequestContext> } },
  origin: string,
  headers: Record<string, string>,
): Promise<string | undefined> {
  const login = `edge-probe-${Date.now()}`;
  const client = await playwright.request.newContext();
  try {
    const csrf = await client.get(`${origin}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    await client.post(`${origin}/api/auth/callback/credentials`, {
      headers,
      form: { login, password: "wrong-password", csrfToken, json: "true" },
    });
  } finally {
    await client.dispose();
  }
  const rows = await query<{ ip: string }>(DATABASE_URL, `SELECT ip FROM "LoginAttempt" WHERE login = $1`, [login]);
  expect(rows, `the attempt of ${login}`).toHaveLength(1);
  return rows[0]?.ip;
}

/** Sends the next requests of this browser to one instance. */
async function useInstance(context: BrowserContext, instance: "a" | "b") {
  await context.addCookies([{ name: "huifang_instance", value: instance, url: PROXY }]);
}

test.describe("two instances behind one proxy", () => {
  test.describe.configure({ mode: "serial" });
  let instanceA: Started | undefined;
  let instanceB: Started | undefined;
  let proxy: Started | undefined;
  let proxyDir: string;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    await onAdmin(`CREATE DATABASE "${DATABASE}"`);
    // one after the other: the first applies the migrations and loads the demo, the second finds them
    instanceA = await startInstance(PORTS.a);
    instanceB = await startInstance(PORTS.b);
    proxyDir = mkdtempSync(path.join(os.tmpdir(), "huifang-nginx-"));
    // nginx started as root runs its worker as nobody, which must reach its temporary folders here
    chmodSync(proxyDir, 0o755);
    const certificate = spawnSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
        .concat(["-addext", "subjectAltName=IP:127.0.0.1"])
        .concat(["-keyout", path.join(proxyDir, "proxy.key"), "-out", path.join(proxyDir, "proxy.crt")]),
      { encoding: "utf8" },
    );
    expect(certificate.status, certificate.stderr).toBe(0);
    writeFileSync(path.join(proxyDir, "nginx.conf"), nginxConfig(proxyDir));
    const nginx = spawnSync("which", ["nginx"], { encoding: "utf8" }).stdout.trim() || "/usr/sbin/nginx";
    // nginx logs "start worker process" once it listens (notice level on stderr)
    proxy = await start(
      nginx,
      ["-p", proxyDir, "-c", "nginx.conf", "-e", "stderr", "-g", "daemon off; error_log stderr notice;"],
      process.env,
      /start worker process/,
    );
  });

  test.afterAll(async () => {
    await Promise.all([stop(proxy), stop(instanceA), stop(instanceB)]);
    if (proxyDir) rmSync(proxyDir, { recursive: true, force: true });
    await onAdmin(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  });

  test("[EDGE]: a session signed in on instance A continues on instance B, and ends on both", async ({ page }) => {
    const context = page.context();
    await useInstance(context, "a");
    await signIn(context, "caller01", undefined, PROXY);
    const onA = await page.goto(`${PROXY}/calls`);
    expect(onA?.headers()["x-test-instance"]).toBe(`127.0.0.1:${PORTS.a}`);
    await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText("我的考生");

    await useInstance(context, "b");
    const onB = await page.goto(`${PROXY}/calls`);
    expect(onB?.headers()["x-test-instance"]).toBe(`127.0.0.1:${PORTS.b}`);
    await expect(page).toHaveURL(`${PROXY}/calls`);
    await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText("我的考生");

    // signed out on B, the same cookie opens nothing on A
    await page.getByRole("banner").getByRole("button", { name: "退出登录", exact: true }).click();
    await expect(page).toHaveURL(`${PROXY}/login`);
    await useInstance(context, "a");
    const request = await context.request.get(`${PROXY}/calls`, { maxRedirects: 0 });
    expect(request.headers()["x-test-instance"]).toBe(`127.0.0.1:${PORTS.a}`);
    expect(request.status()).toBeGreaterThanOrEqual(300);
    expect(new URL(request.headers().location ?? "", PROXY).pathname).toBe("/login");
  });

  test("[EDGE]: behind the trusted proxy the app answers on the browser's host and pins https", async ({ request }) => {
    // the proxy rewrote Host, yet next-auth names the address the browser used
    const csrf = await request.get(`${PROXY}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signOut = await request.post(`${PROXY}/api/auth/signout`, {
      form: { csrfToken, callbackUrl: "/login", json: "true" },
    });
    expect(((await signOut.json()) as { url: string }).url).toBe(`${PROXY}/login`);
    expect(csrf.headers()["strict-transport-security"]).toBeUndefined();

    // a TLS-terminating proxy says https: the app pins it (here the test plays that proxy)
    const https = await request.get(`http://127.0.0.1:${PORTS.a}/login`, {
      headers: { "x-forwarded-proto": "https", "x-forwarded-host": "huifang.example.edu.cn" },
    });
    expect(https.headers()["strict-transport-security"]).toBe("max-age=31536000");
    expect(https.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  test("[EDGE]: behind a proxy that ends TLS, signing in and out stays on https with Secure cookies", async ({
    browser,
  }) => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const landed: string[] = [];
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) landed.push(frame.url());
    });
    const login = await page.goto(`${TLS_PROXY}/login`);
    expect(login?.headers()["strict-transport-security"]).toBe("max-age=31536000");
    await waitForHydration(page, "form");
    await new LoginPage(page).signIn("caller01", DEMO_PASSWORD);
    await expect(page).toHaveURL(`${TLS_PROXY}/calls`);

    // next-auth saw https through the proxy: its cookies are Secure, with the __Secure- prefix
    const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session?.name).toBe("__Secure-next-auth.session-token");
    expect(session?.secure).toBe(true);

    await waitForHydration(page, "header button");
    await page.getByRole("banner").getByRole("button", { name: "退出登录", exact: true }).click();
    await expect(page).toHaveURL(`${TLS_PROXY}/login`);
    for (const url of landed) expect(new URL(url).origin, url).toBe(TLS_PROXY);
    await context.close();
  });

  test("[EDGE]: the sign-in limits count the address the proxy saw, and a client's own claim nowhere", async ({
    playwright,
  }) => {
    const forged = { "x-forwarded-for": "6.6.6.6", "x-huifang-client-address": "6.6.6.6", forwarded: "for=6.6.6.6" };
    // nginx appends the address it saw (this machine) to the client's X-Forwarded-For: one trusted proxy
    expect(await recordedAddress(playwright, PROXY, forged)).toBe("127.0.0.1");

    // the same build started without the launcher (a plain `next start`): no token, no address believed
    const bare = await start(
      path.join(ROOT, "node_modules", ".bin", "next"),
      ["start", "-p", String(PORTS.bare)],
      { ...process.env, NODE_ENV: "production", DATABASE_URL, NEXTAUTH_SECRET: SECRET, AUTH_TRUST_HOST: "true" },
      /Ready in/,
    );
    try {
      const address = await recordedAddress(playwright, `http://127.0.0.1:${PORTS.bare}`, forged);
      expect(address).toBe("unknown");
    } finally {
      await stop(bare);
    }
  });

  test("[EDGE]: a list previewed on instance A is applied on instance B, its progress read from either", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const context = page.context();
    await useInstance(context, "a");
    await signIn(context, "data", undefined, PROXY);
    await page.goto(`${PROXY}/admin/imports`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("导入名单");
    await page.waitForLoadState("networkidle");

    // enough new candidates that the apply takes a moment to write
    const rows = Array.from({ length: 4000 }, (_, i) => {
      const n = String(i).padStart(4, "0");
      return `2451990001${n},双实例${n},1380001${n},成都市`;
    });
    const list = `考生号,姓名,联系电话,地区\r\n${rows.join("\r\n")}\r\n`;
    const uploaded = page.waitForResponse((r) => r.url() === `${PROXY}/api/imports` && r.request().method() === "POST");
    await page
      .getByTestId("import-file")
      .setInputFiles({ name: "双实例名单.csv", mimeType: "text/csv", buffer: Buffer.from(list) });
    await page.getByRole("button", { name: "上传并预览" }).click();
    const preview = await uploaded;
    expect(preview.headers()["x-test-instance"]).toBe(`127.0.0.1:${PORTS.a}`);
    const { fileHash } = (await preview.json()) as { fileHash: string };
    await expect(page.getByTestId("import-preview")).toContainText("新增 4000");

    // the apply goes to B; meanwhile both instances are asked how far it has got
    await useInstance(context, "b");
    const seen = { a: new Set<string>(), b: new Set<string>() };
    let applying = true;
    const watch = (async () => {
      while (applying) {
        for (const instance of ["a", "b"] as const) {
          const response = await context.request.get(
            `http://127.0.0.1:${PORTS[instance]}/api/imports/progress?fileHash=${fileHash}`,
          );
          seen[instance].add(((await response.json()) as { stage: string }).stage);
        }
      }
    })();
    const applied = page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(PROXY));
    await page.getByTestId("import-apply").click();
    expect((await applied).headers()["x-test-instance"]).toBe(`127.0.0.1:${PORTS.b}`);
    await expect(page.getByTestId("import-message")).toHaveText(/^已导入：新增 4000，/, { timeout: 90_000 });
    applying = false;
    await watch;

    expect(
      [...seen.a].filter((stage) => stage !== "idle"),
      "stages read on A",
    ).not.toEqual([]);
    expect(
      [...seen.b].filter((stage) => stage !== "idle"),
      "stages read on B",
    ).not.toEqual([]);
  });
});
