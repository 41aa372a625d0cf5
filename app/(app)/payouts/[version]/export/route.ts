import { route, routeFailure } from "@/lib/action";
import { currentCampaign } from "@/lib/campaign/queries";
import { buildWorkbook, xlsxResponse } from "@/lib/export/workbook";
import type { Messages } from "@/lib/i18n/messages";
import { signedPayoutPeople } from "@/lib/payouts/queries";
import { type PayoutPerson, payoutTotals, yuanCell } from "@/lib/payouts/statements";

type Row = (PayoutPerson & { login: string }) | { totals: ReturnType<typeof payoutTotals> };

const MONEY = "0.00";

/**
 * A signed-off payout run for the finance office as xlsx: one row per person and a totals row, amounts
 * in 元 as numbers with two decimals, all read from the frozen run (never computed again). Headers in
 * the reader's language; the explanation is the Chinese lines frozen at sign-off. Open to whoever may
 * read the payouts; anything else, or a version that does not exist, is 404. Audited.
 */
export const GET = route<{ version: string }>(
  { name: "export.payoutRun", permission: "payouts.view", forbiddenAs: "NOT_FOUND" },
  async (_request, { params: { version }, audit, t }) => {
    if (!/^\d{1,6}$/.test(version)) return routeFailure("NOT_FOUND");
    const campaign = await currentCampaign();
    if (!campaign) return routeFailure("NOT_FOUND");
    const signed = await signedPayoutPeople(campaign.id, Number(version));
    if (!signed) return routeFailure("NOT_FOUND");
    const { run, people } = signed;

    const header = (column: keyof Messages["payouts"]["financeExport"]["columns"]) =>
      t(`payouts.financeExport.columns.${column}`);
    const person = <T>(row: Row, value: (p: PayoutPerson & { login: string }) => T) =>
      "totals" in row ? null : value(row);
    const rows: Row[] = [...people, { totals: payoutTotals(people) }];
    const file = await buildWorkbook<Row>({
      name: t("payouts.financeExport.sheet"),
      creator: t("app.name"),
      rows,
      columns: [
        {
          header: header("name"),
          width: 16,
          value: (r) => ("totals" in r ? t("payouts.financeExport.totals", { count: r.totals.people }) : r.name),
        },
        { header: header("login"), width: 14, value: (r) => person(r, (p) => p.login) },
        { header: header("group"), width: 16, value: (r) => person(r, (p) => p.groups.join(" / ")) },
        { header: header("admitted"), width: 8, value: (r) => ("totals" in r ? r.totals.admitted : r.admitted) },
        { header: header("enrolled"), width: 8, value: (r) => ("totals" in r ? r.totals.enrolled : r.enrolled) },
        {
          header: header("rate"),
          width: 9,
          numFmt: "0.0%",
          value: (r) => person(r, (p) => (p.ratePermille === null ? null : p.ratePermille / 1000)),
        },
        {
          header: header("subsidy"),
          width: 14,
          numFmt: MONEY,
          value: (r) => yuanCell("totals" in r ? r.totals.subsidyFen : r.subsidyFen),
        },
        {
          header: header("overtime"),
          width: 14,
          numFmt: MONEY,
          value: (r) => yuanCell("totals" in r ? r.totals.overtimeFen : r.overtimeFen),
        },
        {
          header: header("registrations"),
          width: 16,
          numFmt: MONEY,
          value: (r) => yuanCell("totals" in r ? r.totals.registrationFen : r.registrationFen),
        },
        {
          header: header("leaderBonus"),
          width: 16,
          numFmt: MONEY,
          value: (r) => yuanCell("totals" in r ? r.totals.leaderBonusFen : r.leaderBonusFen),
        },
        {
          header: header("deductions"),
          width: 16,
          numFmt: MONEY,
          value: (r) =>
            "totals" in r ? yuanCell(r.totals.deductionFen) : r.deductionFen === null ? null : yuanCell(r.deductionFen),
        },
        {
          header: header("total"),
          width: 14,
          numFmt: MONEY,
          value: (r) => yuanCell("totals" in r ? r.totals.totalFen : r.totalFen),
        },
        // the lines as signed, in Chinese whatever the reader's language
        { header: header("explanation"), width: 90, value: (r) => person(r, (p) => p.lines.join("\n")) },
      ],
    });
    await audit({ entityType: "PayoutRun", entityId: run.id, after: { version: run.version } });
    return xlsxResponse(
      file,
      `${t("payouts.financeExport.file", { version: run.version })}.xlsx`,
      `payouts-v${run.version}.xlsx`,
    );
  },
);
