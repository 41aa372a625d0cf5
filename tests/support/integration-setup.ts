import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, vi } from "vitest";
import { adminUrl, cloneTemplate, databaseUrl, dropDatabase, ownerUrl, withAdmin } from "./databases";
import { testSession } from "./session";

const database = `huifang_test_${randomBytes(6).toString("hex")}`;

// Keep the server's address for creating and dropping databases before DATABASE_URL points at ours.
process.env.TEST_DATABASE_URL = adminUrl();
// The app's modules read these lazily, on first use, so setting them here is in time. The app connects
// as its own role, as in a deployment; the owner's address is there for tests of what only it may do.
process.env.DATABASE_URL = databaseUrl(database);
process.env.DATABASE_OWNER_URL = ownerUrl(database);
process.env.NEXTAUTH_SECRET = "integration-tests-secret-0123456789abcdef";
process.env.DATABASE_POOL_SIZE = "5";

// Actions are called directly, as a crafted POST would: the signed-in user comes from the test.
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  return { ...original, getSessionUser: async () => testSession.user };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

beforeAll(async () => {
  await withAdmin((client) => cloneTemplate(client, database));
});

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db().$disconnect();
  await withAdmin((client) => dropDatabase(client, database));
});
