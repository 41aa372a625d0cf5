import { describe, expect, it } from "vitest";
import { backupsPastRetention } from "./prune";

const NOW = new Date("2026-12-02T02:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);

describe("backupsPastRetention", () => {
  const backups = [
    { file: "/b/366.hfb", createdAt: daysAgo(366) },
    { file: "/b/400.hfb", createdAt: daysAgo(400) },
    { file: "/b/365.hfb", createdAt: daysAgo(365) },
    { file: "/b/1.hfb", createdAt: daysAgo(1) },
  ];

  it("lists the backups taken more than the retention period ago, oldest first", () => {
    expect(backupsPastRetention(backups, NOW, 365, "/b/today.hfb").map((b) => b.file)).toEqual([
      "/b/400.hfb",
      "/b/366.hfb",
    ]);
  });

  it("never lists the backup just written, even with a retention of 0 days", () => {
    const today = { file: "/b/today.hfb", createdAt: daysAgo(0.01) };
    expect(backupsPastRetention([...backups, today], NOW, 0, today.file).map((b) => b.file)).not.toContain(today.file);
  });
});
