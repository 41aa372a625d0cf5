import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { StrikeTabs } from "@/components/strike/tabs";
import { Badge, Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { withData, Zh } from "@/components/ui/user-data";
import { BoardOpenLink, BoardTakeButton } from "@/components/worklists/board-take-button";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { daysSince } from "@/lib/strike/board";
import { zeroLostContactBoard } from "@/lib/strike/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("strike.board"))("title") };
}

const SHOWN = 8;

export default async function ZeroLostBoardPage() {
  const user = await requirePermission("strike.view");
  const t = await getTranslations();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const now = new Date();
  const board = await zeroLostContactBoard(campaign, now);
  const days = board.policy.lostContactDays;
  const change = board.total - board.yesterday;
  return (
    <>
      <PageHeader title={t("strike.title")} subtitle={t("strike.subtitle")} />
      <StrikeTabs active="board" />
      <h2 className="mb-1 text-lg font-semibold">{t("strike.board.title")}</h2>
      <p className="mb-3 text-sm text-slate-600">{t("strike.board.subtitle", { days })}</p>
      <div className="mb-4 grid grid-cols-3 gap-3">
        <div data-testid="board-total">
          <Stat
            label={t("strike.board.total")}
            value={board.total}
            hint={t("strike.board.target")}
            tone={board.total === 0 ? "good" : "bad"}
          />
        </div>
        <Stat
          label={t("strike.board.change")}
          value={change > 0 ? `+${change}` : change}
          tone={change < 0 ? "good" : change > 0 ? "bad" : "default"}
        />
        <Stat label={t("strike.board.lost")} value={board.lost} />
      </div>
      {board.total === 0 && board.lost === 0 ? (
        <Card>
          <EmptyState>{t("strike.board.empty", { days })}</EmptyState>
        </Card>
      ) : (
        <div className="grid gap-4 md:grid-cols-2" data-testid="board-groups">
          {board.groups.map((g) => {
            const max = Math.max(1, ...board.groups.map((x) => x.candidates.length));
            return (
              <Card
                key={g.groupId ?? "none"}
                title={g.name === null ? t("strike.board.noGroup") : <Zh>{g.name}</Zh>}
                action={
                  <span className="flex items-center gap-1">
                    <Badge tone={g.candidates.length === 0 ? "good" : "bad"}>{g.candidates.length}</Badge>
                    {g.lost.length > 0 ? <Badge>{`${t("strike.board.lost")} ${g.lost.length}`}</Badge> : null}
                  </span>
                }
              >
                <div className="mb-3 h-2 rounded-full bg-slate-100" aria-hidden>
                  <div
                    className="h-2 rounded-full bg-rose-500"
                    style={{ width: `${Math.round((g.candidates.length / max) * 100)}%` }}
                  />
                </div>
                <ul className="space-y-1 text-sm">
                  {g.candidates.slice(0, SHOWN).map((c) => (
                    <BoardRow key={c.id} candidate={c} now={now} userId={user.id} />
                  ))}
                </ul>
                {g.candidates.length > SHOWN ? (
                  <details className="mt-2 text-sm">
                    <summary className="cursor-pointer text-brand-700">
                      {t("strike.board.showAll", { count: g.candidates.length })}
                    </summary>
                    <ul className="mt-1 space-y-1">
                      {g.candidates.slice(SHOWN).map((c) => (
                        <BoardRow key={c.id} candidate={c} now={now} userId={user.id} />
                      ))}
                    </ul>
                  </details>
                ) : null}
              </Card>
            );
          })}
        </div>
      )}
    </>
  );
}

type BoardCandidate = Awaited<ReturnType<typeof zeroLostContactBoard>>["groups"][number]["candidates"][number];

/**
 * One candidate out of contact: who holds them, since when, who works on the case, and 接手. A case the strike
 * team already claimed is not taken twice: its member finds a link to the candidate (also what 接手 turns into
 * once the page refreshes), the others see who has it.
 */
async function BoardRow({ candidate: c, now, userId }: { candidate: BoardCandidate; now: Date; userId: string }) {
  const t = await getTranslations();
  const since = daysSince(c.lastReachedAt, now);
  const escalation = c.escalation;
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-2">
      <span>
        <Zh>{c.name}</Zh> <span className="text-slate-500 tabular-nums">{c.examNo}</span>
        <span className="text-slate-500">
          {" · "}
          {c.assignedCaller ? <Zh>{c.assignedCaller.name}</Zh> : "—"}
        </span>
      </span>
      <span className="flex items-center gap-1">
        {escalation && escalation.status !== "RESOLVED" && escalation.status !== "SENT_BACK" ? (
          <Badge tone="info">
            {escalation.status === "CLAIMED" && escalation.assignee
              ? withData((v) => t("strikeTake.claimedBy", v), { name: escalation.assignee.name })
              : escalation.toTeam === "STRIKE"
                ? t("strike.board.inStrike")
                : t("strike.board.withLeader")}
          </Badge>
        ) : null}
        <Badge tone={since === null ? "bad" : "warn"}>
          {since === null ? t("strike.board.never") : t("strike.board.daysAgo", { count: since })}
        </Badge>
        {escalation?.status !== "CLAIMED" ? (
          <BoardTakeButton candidateId={c.id} examNo={c.examNo} />
        ) : escalation.assigneeId === userId ? (
          <BoardOpenLink candidateId={c.id} examNo={c.examNo} />
        ) : null}
      </span>
    </li>
  );
}
