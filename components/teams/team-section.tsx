import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { Zh } from "@/components/ui/user-data";
import { type TeamMember, teamLeads, teamMembers } from "@/lib/teams/queries";
import { TEAM_KEYS, TEAMS, type TeamKey } from "@/lib/teams/rules";
import { AddByLogin, RemoveFromTeam } from "./team-controls";

/** A team's members section (突击组成员, 督查组成员, 数据组成员): who is on it, add by login, remove. */
export async function TeamSection({ team }: { team: TeamKey }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const members = await teamMembers(team);
  const columns: Column<TeamMember>[] = [
    {
      key: "name",
      label: t("teams.columns.name"),
      primary: true,
      cell: (m) => (
        <span className="inline-flex items-center gap-2">
          <Zh>{m.name}</Zh>
          {m.lead ? <Badge tone="good">{t("teams.lead")}</Badge> : null}
        </span>
      ),
    },
    { key: "login", label: t("teams.columns.login"), cell: (m) => <code className="text-xs">{m.login}</code> },
    {
      key: "roles",
      label: t("teams.columns.roles"),
      cell: (m) =>
        format.list(
          m.roles.map((r) => t(`roles.${r}`)),
          { type: "conjunction", style: "narrow" },
        ),
    },
    {
      key: "action",
      label: t("teams.columns.action"),
      align: "right",
      // a co-lead or the data lead is a member by office: the admin ends the office first (团队负责人)
      cell: (m) =>
        m.lead && TEAMS[team].leadIsMember ? (
          <span className="text-xs text-slate-500">{t("teams.leadByOffice")}</span>
        ) : (
          <RemoveFromTeam team={team} kind="member" login={m.login} name={m.name} />
        ),
    },
  ];
  return (
    <Card title={t(`teams.sections.${team}`)} className="mb-4">
      <p className="text-sm text-slate-600">{t(`teams.hints.${team}`)}</p>
      <p className="mb-3 text-xs text-slate-500">{t("teams.hints.sessions")}</p>
      <div data-testid={`team-${team}-members`}>
        {members.length === 0 ? (
          <EmptyState>{t("teams.empty")}</EmptyState>
        ) : (
          <Table columns={columns} rows={members} rowKey={(m) => m.id} caption={t(`teams.sections.${team}`)} />
        )}
      </div>
      <AddByLogin team={team} kind="member" />
    </Card>
  );
}

/** The admin's section naming each team's lead (团队负责人). */
export async function TeamLeadsSection() {
  const t = await getTranslations();
  const leads = await teamLeads();
  return (
    <Card title={t("teams.sections.leads")} className="mb-4">
      <p className="text-sm text-slate-600">{t("teams.hints.leads")}</p>
      <p className="mb-3 text-xs text-slate-500">{t("teams.hints.sessions")}</p>
      <div className="grid gap-4 md:grid-cols-3">
        {TEAM_KEYS.map((team) => (
          <section key={team} aria-labelledby={`lead-${team}`} className="rounded-lg border border-slate-200 p-3">
            <h3 id={`lead-${team}`} className="mb-2 text-sm font-semibold">
              {t(`teams.leadOf.${team}`)}
            </h3>
            <ul className="space-y-2 text-sm" data-testid={`team-${team}-leads`}>
              {leads[team].length === 0 ? <li className="text-slate-500">{t("teams.noLead")}</li> : null}
              {leads[team].map((p) => (
                <li key={p.id} className="flex items-center justify-between gap-2">
                  <span>
                    <Zh>{p.name}</Zh> <code className="text-xs text-slate-500">{p.login}</code>
                  </span>
                  <RemoveFromTeam team={team} kind="lead" login={p.login} name={p.name} />
                </li>
              ))}
            </ul>
            <AddByLogin team={team} kind="lead" />
          </section>
        ))}
      </div>
    </Card>
  );
}
