import { beforeEach, describe, expect, it } from "vitest";
import { saveSettingsSection } from "@/app/(app)/admin/settings/actions";
import { logConsultation, registerSource } from "@/app/(app)/consultations/actions";
import { db } from "@/lib/db";
import { phaseOneRecord } from "@/lib/prospects/queries";
import { beijingDay } from "@/lib/time";
import { addStaff, createCampaign, createGroup, createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

type User = Awaited<ReturnType<typeof createUser>>;
let n = 0;

async function fixture() {
  n += 1;
  const campaign = await createCampaign(db(), { now: new Date(), openPhase: 1, name: `咨询测试${n}` });
  await db().campaign.updateMany({ data: { isCurrent: false } });
  await db().campaign.update({ where: { id: campaign.id }, data: { isCurrent: true } });
  const caller = await createUser(db(), { login: `consult-caller-${n}`, roles: ["CALLER"] });
  const inspector = await createUser(db(), { login: `consult-inspector-${n}`, roles: ["INSPECTOR"] });
  return { campaign, caller, inspector };
}

const base = {
  name: "张小明",
  phone: "138 0000 1111",
  examNo: "",
  region: "成都",
  channel: "OFFICE_PHONE" as "OFFICE_PHONE" | "ONLINE" | "WECHAT" | "QQ",
  question: "护理专业今年招多少人？",
  answer: "按招生计划，护理专业招120人。",
};

async function consult(user: User, patch: Partial<typeof base> = {}) {
  signInAs(user);
  const result = await logConsultation({ ...base, ...patch });
  if (!result.ok) throw new Error(`refused: ${result.code} ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

describe("logging a consultation", () => {
  let fx: Awaited<ReturnType<typeof fixture>>;
  beforeEach(async () => {
    fx = await fixture();
  });

  it("creates a prospect, then updates it by phone, then by exam number", async () => {
    const first = await consult(fx.caller);
    expect(first.newProspect).toBe(true);
    const prospect = await db().prospect.findUniqueOrThrow({ where: { id: first.prospectId } });
    expect(prospect).toMatchObject({ name: "张小明", phone: "13800001111", examNo: null, region: "成都" });

    // any team member: an inspector answering the office phone, same number, now with the exam number
    const second = await consult(fx.inspector, { examNo: "24510101000123", channel: "WECHAT" });
    expect(second).toMatchObject({ prospectId: first.prospectId, newProspect: false });
    // a new phone, the same exam number: still the same prospect
    const third = await consult(fx.caller, { phone: "13900002222", examNo: "24510101000123", region: "" });
    expect(third).toMatchObject({ prospectId: first.prospectId, newProspect: false });
    const after = await db().prospect.findUniqueOrThrow({ where: { id: first.prospectId } });
    expect(after).toMatchObject({ examNo: "24510101000123", phone: "13900002222", region: "成都" });
    expect(await db().consultation.count({ where: { prospectId: first.prospectId } })).toBe(3);
    expect(await db().prospect.count({ where: { campaignId: fx.campaign.id } })).toBe(1);
  });

  it("keeps a different exam number on a shared phone apart", async () => {
    await consult(fx.caller, { examNo: "24510101000001" });
    const twin = await consult(fx.caller, { name: "张小红", examNo: "24510101000002" });
    expect(twin.newProspect).toBe(true);
    expect(await db().prospect.count({ where: { campaignId: fx.campaign.id } })).toBe(2);
  });

  it("is not a contact log and not phase 2-4 workload, and its audit row holds no phone number", async () => {
    const { id } = await consult(fx.caller);
    expect(await db().contactLog.count({ where: { campaignId: fx.campaign.id } })).toBe(0);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityType: "Consultation", entityId: id } });
    expect(JSON.stringify(audit)).not.toContain("13800001111");
    expect(JSON.stringify(audit)).not.toContain("1111");
    expect(await phaseOneRecord(fx.campaign, fx.caller.id)).toMatchObject({ consultations: 1, registrations: 0 });
  });

  it.each([
    ["phone", { phone: "" }, "请填写电话"],
    ["phone", { phone: "12345" }, "电话号码格式不对"],
    ["examNo", { examNo: "2.45E+13" }, "考生号应为8到20位数字"],
    ["name", { name: "  " }, "请填写考生姓名"],
    ["question", { question: "" }, "请写下咨询的问题"],
    ["channel", { channel: "PHONE" as "QQ" }, "请选择咨询方式"],
  ])("refuses a bad %s with a Chinese sentence and writes nothing", async (field, patch, sentence) => {
    signInAs(fx.caller);
    const result = await logConsultation({ ...base, ...patch });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("INVALID_INPUT");
    expect(result.fieldErrors?.[field]?.join("")).toContain(sentence);
    expect(await db().prospect.count({ where: { campaignId: fx.campaign.id } })).toBe(0);
    expect(await db().consultation.count({ where: { campaignId: fx.campaign.id } })).toBe(0);
  });
});

describe("生源报备", () => {
  let fx: Awaited<ReturnType<typeof fixture>>;
  beforeEach(async () => {
    fx = await fixture();
  });
  const today = () => beijingDay(new Date());

  it("counts the policy's points, and money only when the policy pays for them", async () => {
    const { prospectId } = await consult(fx.caller);
    signInAs(fx.caller);
    expect((await registerSource({ prospectId, number: `BB-${n}-001`, registeredOn: today() })).ok).toBe(true);
    expect(await phaseOneRecord(fx.campaign, fx.caller.id)).toMatchObject({
      consultations: 1,
      registrations: 1,
      points: 1,
      fen: 0,
    });
    const paying = { ...fx.campaign, prospectPolicy: { pointsPerRegistration: 3, fenPerPoint: 250 } };
    expect(await phaseOneRecord(paying, fx.caller.id)).toMatchObject({ points: 3, fen: 750, inPayoutRun: false });
    // only staff placed in a group are in the payout run, so only they are told the points are paid with it
    const group = await createGroup(db(), { campaignId: fx.campaign.id, name: "一组", region: "成都" });
    await addStaff(db(), { campaignId: fx.campaign.id, userId: fx.caller.id, groupId: group.id });
    expect(await phaseOneRecord(paying, fx.caller.id)).toMatchObject({ fen: 750, inPayoutRun: true });
    await addStaff(db(), { campaignId: fx.campaign.id, userId: fx.inspector.id });
    expect(await phaseOneRecord(paying, fx.inspector.id)).toMatchObject({ inPayoutRun: false });
  });

  it("refuses a registration number already used in the campaign, and a second registration of one prospect", async () => {
    const a = await consult(fx.caller);
    const b = await consult(fx.caller, { name: "李华", phone: "13800002222" });
    signInAs(fx.caller);
    const number = `BB-${n}-777`;
    expect((await registerSource({ prospectId: a.prospectId, number, registeredOn: today() })).ok).toBe(true);
    const again = await registerSource({ prospectId: b.prospectId, number, registeredOn: today() });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.fieldErrors?.number?.join("")).toContain("已经登记过");
    const twice = await registerSource({ prospectId: a.prospectId, number: `${number}-2`, registeredOn: today() });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.fieldErrors?.number?.join("")).toContain("已经报备过");
    expect(await db().sourceRegistration.count({ where: { campaignId: fx.campaign.id } })).toBe(1);
  });

  it("registers only prospects one consulted, on a day not in the future", async () => {
    const { prospectId } = await consult(fx.caller);
    signInAs(fx.inspector);
    const other = await registerSource({ prospectId, number: `BB-${n}-9`, registeredOn: today() });
    expect(other).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signInAs(fx.caller);
    const future = await registerSource({ prospectId, number: `BB-${n}-9`, registeredOn: "2999-01-01" });
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.fieldErrors?.registeredOn?.join("")).toContain("不能晚于今天");
    expect(await db().sourceRegistration.count({ where: { campaignId: fx.campaign.id } })).toBe(0);
  });

  it("pays what the admin sets in the settings' phase 1 section, to the fen", async () => {
    const { prospectId } = await consult(fx.caller);
    signInAs(fx.caller);
    expect((await registerSource({ prospectId, number: `BB-${n}-PAY`, registeredOn: today() })).ok).toBe(true);
    const admin = await createUser(db(), { login: `consult-admin-${n}`, roles: ["ADMIN"] });
    signInAs(admin);
    const { updatedAt } = await db().campaign.findUniqueOrThrow({ where: { id: fx.campaign.id } });
    const saved = await saveSettingsSection({
      campaignId: fx.campaign.id,
      version: updatedAt.toISOString(),
      section: "prospects",
      values: { pointsPerRegistration: "2", fenPerPoint: "12.35" },
    });
    expect(saved.ok).toBe(true);
    const campaign = await db().campaign.findUniqueOrThrow({ where: { id: fx.campaign.id } });
    expect(campaign.prospectPolicy).toEqual({ pointsPerRegistration: 2, fenPerPoint: 1235 });
    expect(await phaseOneRecord(campaign, fx.caller.id)).toMatchObject({ points: 2, fen: 2470 });
  });
});
