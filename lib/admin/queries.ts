import "server-only";
import { db } from "@/lib/db";

export async function campaignOverview(campaignId: string) {
  const prisma = db();
  const candidate = (where: object) => prisma.candidate.count({ where: { campaignId, ...where } });
  const [submitted, admitted, paid, enrolled, staff, groups, imports, audit] = await Promise.all([
    candidate({}),
    candidate({ admitted: true }),
    candidate({ admitted: true, paid: true }),
    candidate({ admitted: true, enrollment: "ENROLLED" }),
    prisma.staffProfile.count({ where: { campaignId } }),
    prisma.group.count({ where: { campaignId } }),
    prisma.importBatch.findMany({
      where: { campaignId },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, kind: true, fileName: true, status: true, rowsRead: true, createdAt: true },
    }),
    prisma.auditLog.findMany({
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, action: true, entityType: true, createdAt: true, actor: { select: { name: true } } },
    }),
  ]);
  return { pipeline: { submitted, admitted, paid, enrolled }, staff, groups, imports, audit };
}
