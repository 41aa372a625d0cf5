import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logConsultation, registerSource } from "@/app/(app)/consultations/actions";
import { db } from "@/lib/db";
import { applyImport } from "@/lib/import/apply";
import { previewImport, previewResponse } from "@/lib/import/preview";
import { prospectOfCandidate } from "@/lib/prospects/queries";
import { beijingDay } from "@/lib/time";
import { addStaff, createCampaign, createGroup, createUser } from "@/prisma/seed/factories";
import { makeTempDir, removeTempDir, writeCsv } from "../support/import-fixtures";
import { signInAs } from "../support/session";

const dir = makeTempDir();
afterAll(() => removeTempDir(dir));

const HEADER = ["考生号", "姓名", "联系电话", "地区", "专业"];

describe("the 投档 list meets phase 1's prospects", () => {
  let campaignId: string;
  let dataId: string;
  let consultant: Awaited<ReturnType<typeof createUser>>;
  let callerId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const campaign = await createCampaign(db(), { now: new Date(), openPhase: 1, name: "意向考生对应" });
    campaignId = campaign.id;
    await db().campaign.updateMany({ data: { isCurrent: false } });
    await db().campaign.update({ where: { id: campaignId }, data: { isCurrent: true } });
    dataId = (await createUser(db(), { login: "prospect-import-data", roles: ["DATA"] })).id;
    consultant = await createUser(db(), { login: "prospect-import-consultant", roles: ["CALLER"] });
    const group = await createGroup(db(), { campaignId, name: "成都组", region: "成都" });
    const caller = await createUser(db(), { login: "prospect-import-caller", roles: ["CALLER"] });
    callerId = caller.id;
    await addStaff(db(), { campaignId, userId: caller.id, groupId: group.id });

    signInAs(consultant);
    const consult = async (key: string, name: string, phone: string, examNo = "") => {
      const r = await logConsultation({
        name,
        phone,
        examNo,
        region: "成都",
        channel: "QQ",
        question: "学费多少？",
        answer: "按省定标准收取。",
      });
      if (!r.ok) throw new Error(r.code);
      ids[key] = r.data.prospectId;
    };
    await consult("byExamNo", "王小一", "13700000001", "24510101000011");
    await consult("byPhone", "赵小二", "13700000002");
    await consult("twins", "孙双", "13700000003");
    await consult("absent", "钱不在", "13700000009");
    const registered = await registerSource({
      prospectId: ids.byExamNo as string,
      number: "BB-IMPORT-1",
      registeredOn: beijingDay(new Date()),
    });
    if (!registered.ok) throw new Error(registered.code);
  });

  const file = () =>
    writeCsv(
      dir,
      "toudang-prospects.csv",
      [
        ["2024年单招投档名单", "", "", "", ""],
        HEADER,
        // the exam number decides, whatever the phone
        ["24510101000011", "王小一", "13600000000", "成都市", "护理"],
        ["24510101000012", "赵小二", "13700000002", "成都", "护理"],
        // two candidates with one name on one phone: ambiguous
        ["24510101000013", "孙双", "13700000003", "成都", "护理"],
        ["24510101000014", "孙双", "13700000003", "成都", "软件技术"],
        ["24510101000015", "李无关", "13800000015", "成都", "护理"],
      ],
      "utf-8",
    );

  it("previews matched, ambiguous and unmatched prospects with their rows, and no phone number", async () => {
    const path = file();
    const preview = await previewImport(db(), { campaignId, kind: "toudang", path });
    const shown = previewResponse(preview, {
      fileHash: preview.fileHash,
      fileName: "toudang-prospects.csv",
      format: "csv",
      kind: "toudang",
      mappingChosen: false,
    }).prospects;
    expect(shown).toMatchObject({ matched: 2, ambiguous: 1, unmatched: 1 });
    expect(shown?.matchedRows.map((m) => [m.name, m.rows])).toEqual([
      ["王小一", [{ row: 3, examNo: "24510101000011" }]],
      ["赵小二", [{ row: 4, examNo: "24510101000012" }]],
    ]);
    expect(shown?.ambiguousRows[0]?.rows.map((r) => r.row)).toEqual([5, 6]);
    expect(JSON.stringify(shown)).not.toMatch(/137000000/);
    // a preview writes nothing
    expect(await db().prospect.count({ where: { campaignId, candidateId: { not: null } } })).toBe(0);
  });

  it("on apply, assigns by region as usual and links the matched; the phase-1 history shows on the candidate", async () => {
    const result = await applyImport(db(), {
      campaignId,
      kind: "toudang",
      path: file(),
      fileName: "toudang-prospects.csv",
      by: { id: dataId },
    });
    expect(result).toMatchObject({ ok: true, created: 5 });
    const linked = await db().prospect.findMany({
      where: { campaignId, candidateId: { not: null } },
      select: { id: true, candidate: { select: { examNo: true, assignedCallerId: true } } },
      orderBy: { name: "asc" },
    });
    expect(linked.map((p) => p.id).sort()).toEqual([ids.byExamNo, ids.byPhone].sort());
    for (const p of linked) expect(p.candidate?.assignedCallerId).toBe(callerId);
    const twins = await db().prospect.findUniqueOrThrow({ where: { id: ids.twins as string } });
    expect(twins.candidateId).toBeNull();

    const candidate = await db().candidate.findUniqueOrThrow({
      where: { campaignId_examNo: { campaignId, examNo: "24510101000011" } },
    });
    const history = await prospectOfCandidate(candidate.id);
    expect(history?.consultations.map((c) => c.consultant.name)).toEqual([consultant.name]);
    expect(history?.registrations.map((r) => [r.number, r.registrar.name])).toEqual([["BB-IMPORT-1", consultant.name]]);
    // the consultation did not become a contact log: the candidate's phase 2-4 workload starts at nothing
    expect(await db().contactLog.count({ where: { candidateId: candidate.id } })).toBe(0);
  });
});
