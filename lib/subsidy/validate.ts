import { type Text, text } from "@/lib/i18n/text";
import type { SubsidyPolicy } from "./policy";
import type { CallerInput, PayoutInput } from "./types";

// People are paid from these figures, so bad data stops the computation with a sentence that names the
// caller and the field; nothing is clamped or defaulted silently.

/**
 * Input lib/subsidy refuses to pay from. `sentence` is what to show (a catalogue sentence naming the
 * caller or group and the field); the message holds its key and values for the server's log.
 */
export class SubsidyInputError extends Error {
  constructor(readonly sentence: Text) {
    super(`${sentence.key} ${JSON.stringify(sentence.values ?? {})}`);
    this.name = "SubsidyInputError";
  }
}

const COUNT_LABELS = {
  assigned: text("subsidy.fields.assigned"),
  admitted: text("subsidy.fields.admitted"),
  enrolled: text("subsidy.fields.enrolled"),
  contacts: text("subsidy.fields.contacts"),
} as const;

function fail(callerId: string, problem: Text): never {
  throw new SubsidyInputError(text("subsidy.errors.caller", { caller: callerId, problem }));
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

export function validateCaller(caller: CallerInput, policy: SubsidyPolicy, position: number): void {
  if (typeof caller.callerId !== "string" || caller.callerId.trim() === "") {
    throw new SubsidyInputError(text("subsidy.errors.callerIdEmpty", { position: String(position + 1) }));
  }
  const id = caller.callerId;
  if (typeof caller.groupId !== "string" || caller.groupId.trim() === "") {
    fail(id, text("subsidy.errors.groupIdEmpty"));
  }
  for (const field of ["assigned", "admitted", "enrolled", "contacts"] as const) {
    const value = caller[field];
    if (!isCount(value)) {
      fail(id, text("subsidy.errors.countInvalid", { field, label: COUNT_LABELS[field], value: String(value) }));
    }
  }
  if (typeof caller.minutes !== "number" || !Number.isFinite(caller.minutes) || caller.minutes < 0) {
    fail(id, text("subsidy.errors.minutesInvalid", { value: String(caller.minutes) }));
  }
  if (caller.enrolled > caller.admitted) {
    fail(
      id,
      text("subsidy.errors.enrolledAboveAdmitted", {
        enrolled: String(caller.enrolled),
        admitted: String(caller.admitted),
      }),
    );
  }
  if (caller.admitted > caller.assigned) {
    fail(
      id,
      text("subsidy.errors.admittedAboveAssigned", {
        admitted: String(caller.admitted),
        assigned: String(caller.assigned),
      }),
    );
  }
  if (caller.overtimeFen !== undefined && !isCount(caller.overtimeFen)) {
    fail(id, text("subsidy.errors.overtimeInvalid", { value: String(caller.overtimeFen) }));
  }
  const registrations = caller.registrationPoints;
  if (
    registrations !== undefined &&
    !(
      [registrations.registrations, registrations.pointsEach, registrations.fenPerPoint].every(isCount) &&
      registrations.points === registrations.registrations * registrations.pointsEach &&
      registrations.fen === registrations.points * registrations.fenPerPoint
    )
  ) {
    fail(id, text("subsidy.errors.registrationPointsInvalid", { value: JSON.stringify(registrations) }));
  }
  if (caller.mistakenWithdrawal !== undefined && typeof caller.mistakenWithdrawal !== "boolean") {
    fail(id, text("subsidy.errors.withdrawalInvalid", { value: String(caller.mistakenWithdrawal) }));
  }
  if (caller.slanderFindings !== undefined && !isCount(caller.slanderFindings)) {
    fail(id, text("subsidy.errors.slanderInvalid", { value: String(caller.slanderFindings) }));
  }
  const fraud = caller.fraudPercent;
  if (fraud !== undefined && fraud !== 0) {
    const { minPercent, maxPercent } = policy.fraud;
    if (!Number.isInteger(fraud) || fraud < minPercent || fraud > maxPercent) {
      fail(
        id,
        text("subsidy.errors.fraudInvalid", {
          value: String(fraud),
          min: String(minPercent),
          max: String(maxPercent),
        }),
      );
    }
  }
}

export function validatePayoutInput(input: PayoutInput, policy: SubsidyPolicy): void {
  const groupIds = new Set<string>();
  for (const group of input.groups) {
    if (typeof group.groupId !== "string" || group.groupId.trim() === "") {
      throw new SubsidyInputError(text("subsidy.errors.groupsGroupIdEmpty"));
    }
    if (groupIds.has(group.groupId)) {
      throw new SubsidyInputError(text("subsidy.errors.groupIdDuplicate", { group: group.groupId }));
    }
    if (typeof group.leaderId !== "string" || group.leaderId.trim() === "") {
      throw new SubsidyInputError(text("subsidy.errors.leaderIdEmpty", { group: group.groupId }));
    }
    groupIds.add(group.groupId);
  }

  const callerIds = new Set<string>();
  input.callers.forEach((caller, position) => {
    validateCaller(caller, policy, position);
    if (callerIds.has(caller.callerId)) {
      fail(caller.callerId, text("subsidy.errors.callerIdDuplicate"));
    }
    callerIds.add(caller.callerId);
    if (!groupIds.has(caller.groupId)) {
      fail(caller.callerId, text("subsidy.errors.unknownGroup", { group: caller.groupId }));
    }
  });

  // A leader's own figures count towards the group they lead; a leader filed under another group would
  // make the pooled rate and the penalties on the bonus ambiguous.
  const callerById = new Map(input.callers.map((caller) => [caller.callerId, caller]));
  for (const group of input.groups) {
    const leader = callerById.get(group.leaderId);
    if (leader !== undefined && leader.groupId !== group.groupId) {
      throw new SubsidyInputError(
        text("subsidy.errors.leaderInOtherGroup", {
          group: group.groupId,
          leader: group.leaderId,
          other: leader.groupId,
        }),
      );
    }
  }
}
