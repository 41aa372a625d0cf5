import { describe, expect, it } from "vitest";
import { logConsultation, registerSource } from "@/app/(app)/consultations/actions";
import { db } from "@/lib/db";
import { phaseOneRecord } from "@/lib/prospects/queries";
import { anonymiseCampaign, previewAnonymise } from "@/lib/retention/anonymise";
import { beijingDay } from "@/lib/time";
import { createCampaign, createUser } from "@/prisma/seed/factories";
import { makeRetentionDue } from "../support/retention";
import { signInAs } from "../support/session";

describe("retention: phase 1's prospects go with the candidates", () => {
  it("anonymises prospects and what their consultations say, keeps the counts and points", async () => {
    const campaign = await createCampaign(db(), { now: new Date(), openPhase: 1, name: "意向考生保留期" });
    await db().campaign.updateMany({ data: { isCurrent: false } });
    await db().campaign.update({ where: { id: campaign.id }, data: { isCurrent: true } });
    const caller = await createUser(db(), { login: "prospect-retention-caller", roles: ["CALLER"] });
    signInAs(caller);
    const logged = await logConsultation({
      name: "周保密",
      phone: "13712345678",
      examNo: "24510101987654",
      region: "乐山",
      channel: "WECHAT",
      question: "周保密的妈妈问住宿条件",
      answer: "四人间，有空调",
    });
    if (!logged.ok) throw new Error(logged.code);
    const registered = await registerSource({
      prospectId: logged.data.prospectId,
      number: "BB-RET-1",
      registeredOn: beijingDay(new Date()),
    });
    if (!registered.ok) throw new Error(registered.code);

    await makeRetentionDue(campaign.id);
    expect(await previewAnonymise(db(), campaign.id)).toMatchObject({ prospects: 1, consultationTexts: 1 });
    const result = await anonymiseCampaign(db(), campaign.id);
    expect(result.counts).toMatchObject({ prospects: 1, consultationTexts: 1 });

    const prospect = await db().prospect.findUniqueOrThrow({ where: { id: logged.data.prospectId } });
    expect(prospect).toMatchObject({ phone: null, examNo: null, region: null });
    expect(prospect.name).not.toBe("周保密");
    const consultation = await db().consultation.findFirstOrThrow({ where: { prospectId: prospect.id } });
    expect(`${consultation.question}${consultation.answer}`).not.toMatch(/周保密|空调/);
    // what the people did still counts
    expect(await phaseOneRecord(campaign, caller.id)).toMatchObject({ consultations: 1, registrations: 1 });
    // a second run finds nothing
    expect(await previewAnonymise(db(), campaign.id)).toMatchObject({ prospects: 0, consultationTexts: 0 });
  });
});
