import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { assessProgress, type ProgressInput, percentOf } from "./progress";

const base: ProgressInput = {
  assigned: 30,
  admitted: 25,
  enrolled: 24,
  contacts: 120,
  minutes: 600,
  basicPermille: 930,
  targetPermille: 950,
  contactsPerAssigned: 4,
  minutesPerAssigned: 20,
};

const zh = createTranslator({ locale: "zh-CN", messages: MESSAGES["zh-CN"], namespace: "progress" });
const sentences = (input: ProgressInput) =>
  assessProgress(input).messages.map((m) => zh(`messages.${m.key}`, m.values ?? {}));

describe("assessProgress", () => {
  it("is on track at the target with the workload met, in plain Chinese", () => {
    const p = assessProgress(base);
    expect(p).toMatchObject({ onTrack: true, ratePermille: 960, workloadMet: true });
    expect(sentences(base)).toEqual(["报到率已达到目标任务 95%，保持住！", "工作量已达到每生 4 次、20 分钟的标准。"]);
  });

  it("names the enrollments still needed for the target between 93% and 95%", () => {
    // 47/50 = 94%: 48/50 = 96% reaches 95%
    const input = { ...base, admitted: 50, enrolled: 47, assigned: 30 };
    expect(assessProgress(input).onTrack).toBe(true);
    expect(sentences(input)[0]).toBe("报到率已达到基本任务 93%，再报到 1 人可达到目标任务 95%。");
  });

  it("is off track below the basic task, with the gap in people", () => {
    // 40/50 = 80%: 47 reaches 93%
    const input = { ...base, admitted: 50, enrolled: 40 };
    const p = assessProgress(input);
    expect(p.onTrack).toBe(false);
    expect(sentences(input)[0]).toBe("报到率低于基本任务 93%，还需再报到 7 人。");
  });

  it("is off track when the workload is short, saying by how much", () => {
    const input = { ...base, contacts: 100, minutes: 550.5 };
    const p = assessProgress(input);
    expect(p).toMatchObject({ onTrack: false, workloadMet: false });
    expect(sentences(input).slice(1)).toEqual(["联系次数还差 20 次才达到标准。", "通话时长还差 50 分钟才达到标准。"]);
  });

  it("says there is no rate yet without admitted candidates, and that is not off track", () => {
    const input = { ...base, admitted: 0, enrolled: 0 };
    expect(assessProgress(input)).toMatchObject({ onTrack: true, ratePermille: null });
    expect(sentences(input)[0]).toBe("你负责的考生还没有录取结果，暂无报到率。");
  });

  it("has nothing to measure without candidates", () => {
    const input = { ...base, assigned: 0, admitted: 0, enrolled: 0, contacts: 0, minutes: 0 };
    expect(sentences(input)).toEqual(["你目前还没有负责的考生。"]);
  });

  it("writes targets as the plan does", () => {
    expect(percentOf(930)).toBe("93%");
    expect(percentOf(935)).toBe("93.5%");
  });
});
