"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { setDataMember, setTeamLead } from "@/app/(app)/admin/team/actions";
import { setInspector } from "@/app/(app)/inspection/team/actions";
import { setStrikeMember } from "@/app/(app)/strike/team/actions";
import { ActionButton } from "@/components/ui/action-button";
import { Field, Input } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useActionRunner } from "@/components/ui/use-action";
import type { TeamKey } from "@/lib/teams/rules";

const MEMBER_ACTIONS = { strike: setStrikeMember, inspection: setInspector, data: setDataMember } as const;

type Kind = "member" | "lead";

function post(team: TeamKey, kind: Kind, login: string, on: boolean) {
  return kind === "member"
    ? MEMBER_ACTIONS[team]({ login, member: String(on) })
    : setTeamLead({ team, login, lead: String(on) });
}

/** Adds a member (or names a lead) by their login; says who was added. */
export function AddByLogin({ team, kind }: { team: TeamKey; kind: Kind }) {
  const t = useTranslations("teams");
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();
  const [done, setDone] = useState<string | null>(null);
  const words = kind === "member" ? "add" : "name";
  return (
    <form
      ref={formRef}
      className="mt-4 flex flex-wrap items-end gap-3"
      data-testid={`team-${team}-${kind}-form`}
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const login = String(new FormData(form).get("login") ?? "");
        setDone(null);
        const result = await run(() => post(team, kind, login, true));
        if (result.ok) {
          setDone(t(`${words}.done`, { name: result.data.name }));
          form.reset();
        }
      }}
    >
      <Field label={t("add.label")} hint={t("add.hint")} errors={fieldErrors.login} className="w-56">
        {(control) => <Input {...control} name="login" autoComplete="off" data-testid={`team-${team}-${kind}-login`} />}
      </Field>
      <SubmitRow
        pending={pending}
        label={t(`${words}.submit`)}
        pendingLabel={t(`${words}.pending`)}
        error={fieldErrors.login ? null : error}
        notice={done}
        testId={`team-${team}-${kind}-submit`}
        messageTestId={`team-${team}-${kind}-message`}
        className="mb-5"
      />
    </form>
  );
}

/** Takes a member off the team, or ends a lead's office, after a confirmation. */
export function RemoveFromTeam({
  team,
  kind,
  login,
  name,
}: {
  team: TeamKey;
  kind: Kind;
  login: string;
  name: string;
}) {
  const t = useTranslations("teams");
  return (
    <ActionButton
      action={() => post(team, kind, login, false)}
      confirm={t(kind === "member" ? "removeConfirm" : "endLeadConfirm", { name })}
      testId={`team-${team}-${kind}-remove-${login}`}
    >
      {kind === "member" ? t("remove") : t("endLead")}
    </ActionButton>
  );
}
