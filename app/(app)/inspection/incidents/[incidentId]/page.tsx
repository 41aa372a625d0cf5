import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SeverityBadge, StatusBadge } from "@/components/incidents/badges";
import { IncidentUpdateForm } from "@/components/incidents/incident-update";
import { Card, PageHeader } from "@/components/ui/card";
import { withData, Zh } from "@/components/ui/user-data";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { incidentDetail } from "@/lib/incidents/queries";
import { nextStatuses } from "@/lib/incidents/status";
import { beijingDateTime } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidents"))("title") };
}

export default async function IncidentPage({ params }: { params: Promise<{ incidentId: string }> }) {
  const user = await requirePermission("incident.view");
  const { incidentId } = await params;
  const t = await getTranslations("incidents");
  const format = await getFormatter();
  const campaign = await currentCampaign();
  if (!campaign) notFound();
  const incident = await incidentDetail(campaign.id, incidentId);
  if (!incident) notFound();
  const writes = can(user.roles, "incident.record");
  const when = (at: Date) =>
    format.dateTime(at, { year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });
  const facts: [string, React.ReactNode][] = [
    [t("field.kind"), t(`kind.${incident.kind}`)],
    [t("field.reportedAt"), when(incident.reportedAt)],
    [t("detail.reporter"), incident.reporter ? <Zh key="reporter">{incident.reporter.name}</Zh> : t("source.SYSTEM")],
    [t("detail.reportedBy"), incident.reportedBy ? <Zh key="reportedBy">{incident.reportedBy}</Zh> : t("detail.none")],
    [t("detail.owner"), incident.owner ? <Zh key="owner">{incident.owner.name}</Zh> : t("list.noOwner")],
    [
      t("detail.candidates"),
      incident.candidates.length === 0
        ? t("detail.none")
        : incident.candidates.map(({ candidate }) => (
            <span key={candidate.id} className="block">
              {withData((v) => t("detail.candidateLine", v), { name: candidate.name, examNo: candidate.examNo })}
            </span>
          )),
    ],
    [
      t("detail.staff"),
      incident.staff.length === 0
        ? t("detail.none")
        : incident.staff.map(({ user: person }) => (
            <span key={person.id} className="block">
              <Zh>{person.name}</Zh>
            </span>
          )),
    ],
  ];
  const now = beijingDateTime(new Date());
  return (
    <>
      <PageHeader title={<Zh>{incident.title}</Zh>}>
        <Link href="/inspection/incidents" className="text-sm text-brand-700 underline">
          {t("detail.back")}
        </Link>
      </PageHeader>
      <div className="mb-4 flex flex-wrap gap-2" data-testid="incident-badges">
        <SeverityBadge severity={incident.severity} />
        <StatusBadge status={incident.status} />
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <div className="space-y-4 md:col-span-2">
          <Card>
            <p className="mb-3 whitespace-pre-wrap" lang="zh">
              {incident.description}
            </p>
            {/* on a phone each label sits above its value, the pairs apart; side by side from sm up */}
            <dl className="grid grid-cols-1 gap-x-4 text-sm sm:grid-cols-[auto_1fr] sm:gap-y-2">
              {facts.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-xs text-slate-500 sm:text-sm">{label}</dt>
                  <dd className="mb-2 min-w-0 break-words sm:mb-0">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
          {incident.status === "CLOSED" && incident.closingNote ? (
            <Card title={t("detail.closing")}>
              <p className="whitespace-pre-wrap" lang="zh" data-testid="incident-closing">
                {incident.closingNote}
              </p>
              {incident.closedAt ? (
                <p className="mt-2 text-xs text-slate-500">
                  {t("detail.closedAt")} {when(incident.closedAt)}
                </p>
              ) : null}
            </Card>
          ) : null}
          <Card title={t("detail.timeline")}>
            <ol className="space-y-3 border-l-2 border-slate-200 pl-4" data-testid="incident-timeline">
              {incident.actions.map((entry) => (
                <li key={entry.id} className="text-sm">
                  <p className="text-xs text-slate-500">
                    {when(entry.takenAt)} · {entry.author ? <Zh>{entry.author.name}</Zh> : t("detail.system")}
                    {entry.status ? (
                      <>
                        {" · "}
                        {entry.status === "OPEN"
                          ? t("detail.opened")
                          : t("detail.moved", { status: t(`status.${entry.status}`) })}
                      </>
                    ) : null}
                  </p>
                  {entry.note ? (
                    <p className="whitespace-pre-wrap" lang="zh">
                      {entry.note}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          </Card>
        </div>
        {writes ? (
          <div className="space-y-4 self-start">
            {incident.status === "CLOSED" ? (
              <Card>
                <p className="text-sm text-slate-600">{t("detail.closedHint")}</p>
              </Card>
            ) : (
              <Card title={t("detail.addAction")}>
                <IncidentUpdateForm
                  incidentId={incident.id}
                  version={incident.version}
                  update={{ kind: "action", now }}
                />
              </Card>
            )}
            <Card title={t("detail.changeStatus")}>
              <IncidentUpdateForm
                key={incident.version}
                incidentId={incident.id}
                version={incident.version}
                update={{ kind: "status", next: nextStatuses(incident.status) }}
              />
            </Card>
          </div>
        ) : (
          <Card className="self-start">
            <p className="text-sm text-slate-600">{t("readOnly")}</p>
          </Card>
        )}
      </div>
    </>
  );
}
