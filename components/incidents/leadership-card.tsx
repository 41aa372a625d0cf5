import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Marked, markData } from "@/components/ui/user-data";
import { incidentsForLeadership } from "@/lib/incidents/queries";
import { SeverityBadge } from "./badges";

/** The 较大 and 重大 incidents not yet closed, on the home pages of those seesLeadershipIncidents names. */
export async function LeadershipIncidents({ campaignId }: { campaignId: string }) {
  const t = await getTranslations("incidents");
  const rows = await incidentsForLeadership(campaignId);
  if (rows.length === 0) return null;
  return (
    <Card
      title={t("home.title")}
      className="mb-4 border-rose-200"
      action={
        <Link href="/inspection/incidents" className="text-sm text-brand-700 underline">
          {t("home.more")}
        </Link>
      }
    >
      <ul className="space-y-2" data-testid="leadership-incidents">
        {rows.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-2 text-sm">
            <SeverityBadge severity={r.severity} />
            <Link href={`/inspection/incidents/${r.id}`} className="text-brand-700 underline">
              <Marked sentence={t("home.line", { title: markData(r.title), status: t(`status.${r.status}`) })} />
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
