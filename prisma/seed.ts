// Loads the demo campaign into an empty database: `npm run db:seed` (DATABASE_URL must be set), and
// automatically on the first `npm start` unless HUIFANG_DEMO=off.
import { createPrismaClient } from "@/lib/db/client";
import { seedDemo } from "./seed/demo";

export async function seedDemoIfEmpty(databaseUrl: string, now = new Date()) {
  const prisma = createPrismaClient(databaseUrl, { poolSize: 1 });
  try {
    if ((await prisma.campaign.count()) > 0) return null;
    // a deployment that began with create-admin is a real one, even before its first campaign
    if ((await prisma.user.count()) > 0) {
      console.log("[huifang] the database has accounts but no campaign: the demo is not loaded into it");
      return null;
    }
    const started = Date.now();
    const summary = await seedDemo(prisma, now);
    console.log(
      `[huifang] demo campaign loaded: ${summary.users} staff, ${summary.candidates} candidates, ` +
        `${summary.contactLogs} contact logs (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    return summary;
  } finally {
    await prisma.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is required: npm run db:seed seeds the database it names.");
    process.exit(2);
  }
  const summary = await seedDemoIfEmpty(url);
  if (!summary) console.log("[huifang] the database already holds a campaign: nothing seeded.");
}
