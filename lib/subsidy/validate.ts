import type { SubsidyPolicy } from "./policy";
import type { CallerInput, PayoutInput } from "./types";

// People are paid from these figures, so bad data stops the computation with a message that names the
// caller and the field; nothing is clamped or defaulted silently.

const COUNT_LABELS = {
  assigned: "投档人数",
  admitted: "录取人数",
  enrolled: "报到人数",
  contacts: "联系次数",
} as const;

function fail(callerId: string, message: string): never {
  throw new Error(`回访人员 ${callerId}：${message}`);
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

export function validateCaller(caller: CallerInput, policy: SubsidyPolicy, position: number): void {
  if (typeof caller.callerId !== "string" || caller.callerId.trim() === "") {
    throw new Error(`第 ${position + 1} 条回访人员记录：callerId（回访人员编号）不能为空`);
  }
  const id = caller.callerId;
  if (typeof caller.groupId !== "string" || caller.groupId.trim() === "") {
    fail(id, "groupId（小组）不能为空");
  }
  for (const field of ["assigned", "admitted", "enrolled", "contacts"] as const) {
    const value = caller[field];
    if (!isCount(value)) {
      fail(id, `${field}（${COUNT_LABELS[field]}）为 ${String(value)}，必须是非负整数`);
    }
  }
  if (typeof caller.minutes !== "number" || !Number.isFinite(caller.minutes) || caller.minutes < 0) {
    fail(id, `minutes（回访时长，分钟）为 ${String(caller.minutes)}，必须是非负数`);
  }
  if (caller.enrolled > caller.admitted) {
    fail(id, `enrolled（报到人数）${caller.enrolled} 大于 admitted（录取人数）${caller.admitted}`);
  }
  if (caller.admitted > caller.assigned) {
    fail(id, `admitted（录取人数）${caller.admitted} 大于 assigned（投档人数）${caller.assigned}`);
  }
  if (caller.overtimeFen !== undefined && !isCount(caller.overtimeFen)) {
    fail(id, `overtimeFen（加班补贴，分）为 ${String(caller.overtimeFen)}，必须是非负整数`);
  }
  if (caller.mistakenWithdrawal !== undefined && typeof caller.mistakenWithdrawal !== "boolean") {
    fail(id, `mistakenWithdrawal（误退）为 ${String(caller.mistakenWithdrawal)}，必须是 true 或 false`);
  }
  const fraud = caller.fraudPercent;
  if (fraud !== undefined && fraud !== 0) {
    const { minPercent, maxPercent } = policy.fraud;
    if (!Number.isInteger(fraud) || fraud < minPercent || fraud > maxPercent) {
      fail(
        id,
        `fraudPercent（玩忽职守/弄虚作假扣除比例）为 ${String(fraud)}，` +
          `必须是 0 或 ${minPercent}–${maxPercent} 之间的整数`,
      );
    }
  }
}

export function validatePayoutInput(input: PayoutInput, policy: SubsidyPolicy): void {
  const groupIds = new Set<string>();
  for (const group of input.groups) {
    if (typeof group.groupId !== "string" || group.groupId.trim() === "") {
      throw new Error("小组：groupId（小组编号）不能为空");
    }
    if (groupIds.has(group.groupId)) {
      throw new Error(`小组 ${group.groupId}：groupId（小组编号）重复`);
    }
    if (typeof group.leaderId !== "string" || group.leaderId.trim() === "") {
      throw new Error(`小组 ${group.groupId}：leaderId（组长）不能为空`);
    }
    groupIds.add(group.groupId);
  }

  const callerIds = new Set<string>();
  input.callers.forEach((caller, position) => {
    validateCaller(caller, policy, position);
    if (callerIds.has(caller.callerId)) {
      fail(caller.callerId, "callerId（回访人员编号）重复");
    }
    callerIds.add(caller.callerId);
    if (!groupIds.has(caller.groupId)) {
      fail(caller.callerId, `groupId（小组）${caller.groupId} 不在小组列表中`);
    }
  });

  // A leader's own figures count towards the group they lead; a leader filed under another group would
  // make the pooled rate and the penalties on the bonus ambiguous.
  const callerById = new Map(input.callers.map((caller) => [caller.callerId, caller]));
  for (const group of input.groups) {
    const leader = callerById.get(group.leaderId);
    if (leader !== undefined && leader.groupId !== group.groupId) {
      throw new Error(`小组 ${group.groupId}：组长 ${group.leaderId} 的回访记录属于小组 ${leader.groupId}`);
    }
  }
}
