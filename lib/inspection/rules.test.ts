import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_INSPECTION_POLICY as policy } from "./policy";
import {
  callerRates,
  chatsWithoutEvidence,
  copiedNotes,
  isOutsideHours,
  isZeroDurationCall,
  median,
  normaliseNote,
  type RuleLog,
  rateOutliers,
  reachedAfterWrongNumber,
  sameMinuteBursts,
  suspiciousLogs,
} from "./rules";

let serial = 0;
/** A log at a Beijing wall-clock time ("2024-07-15 10:30:00"). */
function log(patch: Partial<Omit<RuleLog, "startedAt">> & { at?: string }): RuleLog {
  serial += 1;
  const { at = "2024-07-15 10:00:00", ...rest } = patch;
  return {
    id: `log${String(serial).padStart(4, "0")}`,
    callerId: "a",
    candidateId: `cand${serial}`,
    channel: "PHONE",
    startedAt: new Date(`${at.replace(" ", "T")}+08:00`),
    durationSeconds: 300,
    outcome: "WILL_COME",
    notes: null,
    evidenceCount: 0,
    ...rest,
  };
}

describe("ZERO_DURATION: a reached phone call logged with 0 seconds", () => {
  it.each([
    ["a reached phone call of 0 s", { durationSeconds: 0 }, true],
    ["a reached phone call of 1 s", { durationSeconds: 1 }, false],
    ["an unanswered call of 0 s (关机)", { durationSeconds: 0, outcome: "UNREACHABLE_PHONE_OFF" }, false],
    ["a WeChat message of 0 s", { durationSeconds: 0, channel: "WECHAT" }, false],
    ["a consultation call of 0 s", { durationSeconds: 0, outcome: "CONSULTED" }, true],
  ])("%s -> %s", (_, patch, flagged) => {
    expect(isZeroDurationCall(log(patch), policy)).toBe(flagged);
  });

  it("follows the policy's threshold", () => {
    expect(isZeroDurationCall(log({ durationSeconds: 5 }), { reachedCallMaxSeconds: 5 })).toBe(true);
    expect(isZeroDurationCall(log({ durationSeconds: 6 }), { reachedCallMaxSeconds: 5 })).toBe(false);
  });
});

describe("OUTSIDE_HOURS: before 8:00 or from 22:00, Beijing time", () => {
  it.each([
    ["07:59:59", true],
    ["08:00:00", false],
    ["21:59:59", false],
    ["22:00:00", true],
    ["23:30:00", true],
    ["00:10:00", true],
  ])("%s -> %s", (time, flagged) => {
    expect(isOutsideHours(log({ at: `2024-07-15 ${time}` }), policy)).toBe(flagged);
  });

  it("judges Beijing time whatever the instant's UTC date (23:00 Beijing is 15:00 UTC)", () => {
    const late = log({});
    late.startedAt = new Date("2024-07-15T15:00:00Z");
    expect(isOutsideHours(late, policy)).toBe(true);
  });
});

describe("SAME_MINUTE: many logs by one caller in the same minute", () => {
  it("flags 3 logs of one caller in one minute, not 2, not 3 spread over two minutes or two callers", () => {
    const burst = ["10:00:01", "10:00:30", "10:00:59"].map((t) => log({ at: `2024-07-15 ${t}` }));
    const two = ["11:00:01", "11:00:30"].map((t) => log({ at: `2024-07-15 ${t}` }));
    const spread = ["12:00:50", "12:00:59", "12:01:00"].map((t) => log({ at: `2024-07-15 ${t}` }));
    const others = ["a", "b", "c"].map((callerId) => log({ callerId, at: "2024-07-15 13:00:00" }));
    const flagged = sameMinuteBursts([...burst, ...two, ...spread, ...others], policy);
    expect([...flagged].sort()).toEqual(burst.map((l) => l.id).sort());
  });
});

describe("COPIED_NOTES: the same note on several candidates", () => {
  const note = "家长表示已经决定来校报到，正在准备材料";

  it("flags a note of 10+ characters copied onto 3 candidates, ignoring spacing", () => {
    const copies = [note, ` ${note}`, note.replace("，", " ，")].map((notes) => log({ notes }));
    expect([...copiedNotes(copies, policy)].sort()).toEqual(copies.map((l) => l.id).sort());
  });

  it("does not flag the same note on two candidates, or three logs of one candidate", () => {
    const two = [log({ notes: note }), log({ notes: note })];
    const one = [1, 2, 3].map(() => log({ notes: note, candidateId: "same" }));
    expect(copiedNotes(two, policy).size).toBe(0);
    expect(copiedNotes(one, policy).size).toBe(0);
  });

  it("does not flag a short stock phrase used everywhere", () => {
    const stock = [1, 2, 3, 4].map(() => log({ notes: "询问缴费方式" }));
    expect(copiedNotes(stock, policy).size).toBe(0);
  });

  it("counts characters, not bytes or UTF-16 units", () => {
    expect([..."家长询问住宿条件和费用"].length).toBe(11);
    expect(normaliseNote(" 家长  询问 ")).toBe("家长询问");
  });
});

describe("REACHED_AFTER_WRONG_NUMBER: reached right after a wrong number", () => {
  it("flags the reached log that follows a wrong number within 24 h on the same candidate", () => {
    const wrong = log({ candidateId: "x", outcome: "UNREACHABLE_WRONG_NUMBER", at: "2024-07-15 10:00:00" });
    const reached = log({ candidateId: "x", outcome: "WILL_COME", at: "2024-07-16 09:59:00" });
    expect([...reachedAfterWrongNumber([reached, wrong], policy)]).toEqual([reached.id]);
  });

  it.each([
    ["after more than the window", "2024-07-16 10:00:01", "WILL_COME", "UNREACHABLE_WRONG_NUMBER"],
    ["after another unreachable result", "2024-07-15 11:00:00", "UNREACHABLE_PHONE_OFF", "UNREACHABLE_WRONG_NUMBER"],
    ["after a phone that was off, not a wrong number", "2024-07-15 11:00:00", "WILL_COME", "UNREACHABLE_PHONE_OFF"],
  ])("does not flag a result %s", (_, at, outcome, previousOutcome) => {
    const previous = log({ candidateId: "y", outcome: previousOutcome, at: "2024-07-15 10:00:00" });
    const next = log({ candidateId: "y", outcome, at });
    expect(reachedAfterWrongNumber([previous, next], policy).size).toBe(0);
  });

  it("looks only at the very next log: wrong number, 关机, then reached is not flagged", () => {
    const logs = [
      log({ candidateId: "z", outcome: "UNREACHABLE_WRONG_NUMBER", at: "2024-07-15 10:00:00" }),
      log({ candidateId: "z", outcome: "UNREACHABLE_PHONE_OFF", at: "2024-07-15 11:00:00" }),
      log({ candidateId: "z", outcome: "PAID", at: "2024-07-15 12:00:00" }),
    ];
    expect(reachedAfterWrongNumber(logs, policy).size).toBe(0);
  });

  it("does not mix candidates", () => {
    const logs = [
      log({ candidateId: "p", outcome: "UNREACHABLE_WRONG_NUMBER", at: "2024-07-15 10:00:00" }),
      log({ candidateId: "q", outcome: "WILL_COME", at: "2024-07-15 10:05:00" }),
    ];
    expect(reachedAfterWrongNumber(logs, policy).size).toBe(0);
  });
});

describe("RATE_OUTLIER: a caller far above everyone's contacts per hour", () => {
  /** `count` logs of one caller in one clock hour, `hours` such hours on consecutive days */
  function steady(callerId: string, perHour: number, hours: number) {
    return Array.from({ length: hours }, (_, day) =>
      Array.from({ length: perHour }, (_, i) =>
        log({ callerId, at: `2024-07-${String(10 + day).padStart(2, "0")} 10:${String(i).padStart(2, "0")}:00` }),
      ),
    ).flat();
  }

  it("computes contacts per active hour and the median", () => {
    const rates = callerRates([...steady("a", 2, 3), ...steady("b", 4, 1)]);
    expect(rates.map((r) => [r.callerId, r.logs, r.activeHours, r.perHour])).toEqual([
      ["a", 6, 3, 2],
      ["b", 4, 1, 4],
    ]);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  it("flags the busy hour of a caller at 3x the median, with enough logs", () => {
    const normal = ["a", "b", "c", "d"].flatMap((c) => steady(c, 3, 4));
    const busy = steady("fast", 12, 1); // 12 an hour vs a median of 3
    const flagged = rateOutliers([...normal, ...busy], policy);
    expect([...flagged].sort()).toEqual(busy.map((l) => l.id).sort());
  });

  it("does not flag a caller just under the factor, or one with too few logs", () => {
    const normal = ["a", "b", "c", "d"].flatMap((c) => steady(c, 3, 4));
    expect(rateOutliers([...normal, ...steady("nearly", 8, 2)], policy).size).toBe(0);
    const few = steady("few", 9, 1); // 9 = 3x the median, but fewer than 10 logs
    expect(rateOutliers([...normal, ...few], policy).size).toBe(0);
  });

  it("never flags anyone when everybody works at the same pace (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 20 }), (callers, perHour) => {
        const logs = Array.from({ length: callers }, (_, i) => steady(`c${i}`, perHour, 2)).flat();
        return rateOutliers(logs, policy).size === 0;
      }),
    );
  });
});

describe("suspiciousLogs", () => {
  it("lists each flagged log once with every rule that flagged it, in rule order", () => {
    const late = log({ at: "2024-07-15 23:05:00", durationSeconds: 0 });
    const fine = log({ at: "2024-07-15 10:00:00" });
    const flagged = suspiciousLogs([late, fine], policy);
    expect([...flagged.entries()]).toEqual([[late.id, ["ZERO_DURATION", "OUTSIDE_HOURS"]]]);
  });

  it("property: flags only logs it was given, and honest logs (daytime, real durations, own notes) none", () => {
    const honest = fc.array(
      fc.record({
        candidate: fc.integer({ min: 0, max: 30 }),
        hour: fc.integer({ min: 8, max: 21 }),
        minute: fc.integer({ min: 0, max: 59 }),
        day: fc.integer({ min: 10, max: 16 }),
        seconds: fc.integer({ min: 60, max: 900 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(honest, (rows) => {
        // one log per (day, hour, minute) at most twice: stays under the same-minute threshold
        const seen = new Map<string, number>();
        const logs = rows
          .filter((r) => {
            const key = `${r.day}-${r.hour}-${r.minute}`;
            seen.set(key, (seen.get(key) ?? 0) + 1);
            return (seen.get(key) ?? 0) <= 2;
          })
          .map((r, i) =>
            log({
              callerId: "a",
              candidateId: `c${r.candidate}`,
              durationSeconds: r.seconds,
              notes: `第${i}次联系的记录内容各不相同`,
              at: `2024-07-${r.day} ${String(r.hour).padStart(2, "0")}:${String(r.minute).padStart(2, "0")}:00`,
            }),
          );
        return suspiciousLogs(logs, policy).size === 0;
      }),
    );
  });
});

describe("chatsWithoutEvidence", () => {
  // a minute apart, so no other rule speaks
  const wechat = log({ channel: "WECHAT", at: "2024-07-15 10:01:00" });
  const qq = log({ channel: "QQ", at: "2024-07-15 10:02:00" });
  const kept = log({ channel: "WECHAT", evidenceCount: 2, at: "2024-07-15 10:03:00" });
  const sms = log({ channel: "SMS", at: "2024-07-15 10:04:00" });
  const phone = log({ channel: "PHONE", at: "2024-07-15 10:05:00" });
  const logs = [wechat, qq, kept, sms, phone];

  it("flags nothing while the policy leaves it off (the default)", () => {
    expect(policy.flagChatWithoutEvidence).toBe(false);
    expect(chatsWithoutEvidence(logs, policy).size).toBe(0);
    expect([...suspiciousLogs(logs, policy).values()].flat()).not.toContain("CHAT_WITHOUT_EVIDENCE");
  });

  it("flags WeChat and QQ contacts without a screenshot when it is on, and nothing else", () => {
    const on = { ...policy, flagChatWithoutEvidence: true };
    expect([...chatsWithoutEvidence(logs, on)].sort()).toEqual([wechat.id, qq.id].sort());
    expect(suspiciousLogs(logs, on).get(wechat.id)).toEqual(["CHAT_WITHOUT_EVIDENCE"]);
    expect(suspiciousLogs(logs, on).has(kept.id)).toBe(false);
  });
});
