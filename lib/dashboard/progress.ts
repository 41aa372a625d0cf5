// "Am I on track?" for a caller's own page: pure, no clock, no I/O. The page turns the message keys
// into sentences (dashboard catalogue, namespace "progress"); nothing here ranks one caller against another.
import { enrollmentsNeeded, ratePermilleOf } from "@/lib/subsidy/money";

/** 930 -> "93%", 935 -> "93.5%" (a target as the plan writes it). */
export function percentOf(permille: number): string {
  return `${permille / 10}%`;
}

export interface ProgressInput {
  assigned: number;
  admitted: number;
  enrolled: number;
  contacts: number;
  /** logged minutes, may be fractional */
  minutes: number;
  basicPermille: number;
  targetPermille: number;
  contactsPerAssigned: number;
  minutesPerAssigned: number;
}

export interface ProgressMessage {
  key:
    | "noAdmitted"
    | "aboveTarget"
    | "aboveBasic"
    | "belowBasic"
    | "workloadMet"
    | "contactsShort"
    | "minutesShort"
    | "noCandidates";
  values?: Record<string, number | string>;
}

export interface Progress {
  /** on track = at or above the basic task (or nobody admitted yet) and the minimum workload met */
  onTrack: boolean;
  ratePermille: number | null;
  workloadMet: boolean;
  messages: ProgressMessage[];
}

export function assessProgress(input: ProgressInput): Progress {
  const messages: ProgressMessage[] = [];
  const rate = ratePermilleOf(input.enrolled, input.admitted);
  let rateOk = true;
  if (input.assigned === 0) {
    messages.push({ key: "noCandidates" });
  } else if (rate === null) {
    messages.push({ key: "noAdmitted" });
  } else if (rate >= input.targetPermille) {
    messages.push({ key: "aboveTarget", values: { target: percentOf(input.targetPermille) } });
  } else if (rate >= input.basicPermille) {
    messages.push({
      key: "aboveBasic",
      values: {
        basic: percentOf(input.basicPermille),
        target: percentOf(input.targetPermille),
        count: enrollmentsNeeded(input.enrolled, input.admitted, input.targetPermille),
      },
    });
  } else {
    rateOk = false;
    messages.push({
      key: "belowBasic",
      values: {
        basic: percentOf(input.basicPermille),
        count: enrollmentsNeeded(input.enrolled, input.admitted, input.basicPermille),
      },
    });
  }

  const contactsNeeded = input.contactsPerAssigned * input.assigned;
  const minutesNeeded = input.minutesPerAssigned * input.assigned;
  const contactsShort = Math.max(0, contactsNeeded - input.contacts);
  const minutesShort = Math.max(0, Math.ceil(minutesNeeded - input.minutes));
  const workloadMet = contactsShort === 0 && input.minutes >= minutesNeeded;
  if (input.assigned > 0) {
    if (workloadMet) {
      messages.push({
        key: "workloadMet",
        values: { contacts: input.contactsPerAssigned, minutes: input.minutesPerAssigned },
      });
    } else {
      if (contactsShort > 0) messages.push({ key: "contactsShort", values: { count: contactsShort } });
      if (minutesShort > 0) messages.push({ key: "minutesShort", values: { count: minutesShort } });
    }
  }
  return { onTrack: rateOk && workloadMet, ratePermille: rate, workloadMet, messages };
}
