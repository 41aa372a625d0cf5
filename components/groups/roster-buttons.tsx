"use client";

// The one-tap actions of the groups page and a group's roster: each runs its server action through
// ActionButton (a confirmation first where the step is hard to undo), the refusal read out below it.
import { useTranslations } from "next-intl";
import { approveRoster, deleteGroup } from "@/app/(app)/admin/groups/actions";
import { cancelLeave, endOwnLeave } from "@/app/(app)/calls/leave/actions";
import { decideLeave, endMemberLeave } from "@/app/(app)/groups/leave-actions";
import { addMember, releaseMember } from "@/app/(app)/groups/roster-actions";
import { ActionButton } from "@/components/ui/action-button";
import { TwoWayDecision } from "@/components/ui/two-way-decision";

export function ApproveRosterButton({ groupId, groupName }: { groupId: string; groupName: string }) {
  const t = useTranslations("roster.filing");
  return (
    <ActionButton
      action={() => approveRoster({ groupId })}
      confirm={t("approveConfirm", { group: groupName })}
      testId="approve-roster"
    >
      {t("approve")}
    </ActionButton>
  );
}

export function DeleteGroupButton({ groupId, groupName }: { groupId: string; groupName: string }) {
  const t = useTranslations("roster.filing");
  return (
    <ActionButton
      action={() => deleteGroup({ groupId })}
      confirm={t("deleteConfirm", { group: groupName })}
      testId="delete-group"
    >
      {t("delete")}
    </ActionButton>
  );
}

export function PickButton({ groupId, profileId }: { groupId: string; profileId: string }) {
  const t = useTranslations("roster.pool");
  return (
    <ActionButton action={() => addMember({ groupId, profileId })} testId="pick-member">
      {t("pick")}
    </ActionButton>
  );
}

export function ReleaseButton({ groupId, profileId, name }: { groupId: string; profileId: string; name: string }) {
  const t = useTranslations("roster.members");
  return (
    <ActionButton
      action={() => releaseMember({ groupId, profileId })}
      confirm={t("releaseConfirm", { name })}
      testId="release-member"
    >
      {t("release")}
    </ActionButton>
  );
}

/** The leader's answer to a leave request: approve in one tap, or refuse with a written reason. */
export function LeaveDecision({ leaveId }: { leaveId: string }) {
  const t = useTranslations("roster.leave");
  return (
    <TwoWayDecision
      labels={{
        accept: t("approve"),
        sendBackWithReason: t("refuseWithReason"),
        reason: t("refusalReason"),
        sendBack: t("refuse"),
        cancel: t("cancel"),
      }}
      onAccept={() => decideLeave({ leaveId, decision: "approve" })}
      onSendBack={(note) => decideLeave({ leaveId, decision: "refuse", note })}
      reasonField="note"
      reasonMaxLength={200}
      testIds={{
        accept: "approve-leave",
        sendBackWithReason: "refuse-leave",
        reason: "refusal-reason",
        sendBack: "confirm-refusal",
      }}
    />
  );
}

/** 销假, by the leader (`own` false) or by the caller on their own page. */
export function EndLeaveButton({ leaveId, name, own = false }: { leaveId: string; name?: string; own?: boolean }) {
  const t = useTranslations("roster");
  return (
    <ActionButton
      action={() => (own ? endOwnLeave({ leaveId }) : endMemberLeave({ leaveId }))}
      confirm={own ? t("mine.endConfirm") : t("leave.endConfirm", { name: name ?? "" })}
      testId="end-leave"
    >
      {t("leave.end")}
    </ActionButton>
  );
}

export function WithdrawLeaveButton({ leaveId }: { leaveId: string }) {
  const t = useTranslations("roster.mine");
  return (
    <ActionButton action={() => cancelLeave({ leaveId })} confirm={t("withdrawConfirm")} testId="withdraw-leave">
      {t("withdraw")}
    </ActionButton>
  );
}
