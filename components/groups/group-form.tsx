"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { createGroup, updateGroup } from "@/app/(app)/admin/groups/actions";
import { ChoiceField, TextField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useActionRunner } from "@/components/ui/use-action";
import { withData } from "@/components/ui/user-data";

/**
 * 新建小组 (name, region, leader by login) or, given `group`, its edit (name and leader: the region
 * stays). The leader's login is suggested from the pool and today's leaders.
 */
export function GroupForm({
  regions,
  leaders,
  group,
}: {
  regions: string[];
  leaders: { login: string; name: string }[];
  group?: { id: string; name: string; region: string; leaderLogin: string };
}) {
  const t = useTranslations("roster.form");
  const listId = useId();
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();
  const empty = { name: "", region: "", leaderLogin: "" };
  const [draft, setDraft] = useState(group ? { ...group } : empty);
  const [notice, setNotice] = useState<string | null>(null);
  const update = (patch: Partial<typeof empty>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit() {
    setNotice(null);
    const result = await run<unknown>(() =>
      group
        ? updateGroup({ groupId: group.id, name: draft.name, leaderLogin: draft.leaderLogin })
        : createGroup({ name: draft.name, region: draft.region, leaderLogin: draft.leaderLogin }),
    );
    if (!result.ok) return;
    setNotice(t(group ? "saved" : "created"));
    if (!group) setDraft(empty);
  }

  return (
    <form
      ref={formRef}
      noValidate
      className="space-y-4"
      data-testid={group ? "edit-group" : "new-group"}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label={t("name")}
          errors={fieldErrors.name}
          value={draft.name}
          onChange={(name) => update({ name })}
          maxLength={40}
          testId="group-name"
        />
        {group ? (
          <p className="self-end pb-3 text-sm text-slate-600">
            {withData((v) => t("regionFixed", v), { region: group.region })}
          </p>
        ) : (
          <ChoiceField
            label={t("region")}
            hint={t("regionHint")}
            errors={fieldErrors.region}
            value={draft.region}
            onChange={(region) => update({ region })}
            emptyLabel={t("choose")}
            choices={regions.map((r) => ({ value: r, label: r, lang: "zh" }))}
            testId="group-region"
          />
        )}
        <TextField
          label={t("leader")}
          hint={t("leaderHint")}
          errors={fieldErrors.leaderLogin}
          value={draft.leaderLogin}
          onChange={(leaderLogin) => update({ leaderLogin })}
          maxLength={64}
          code
          list={listId}
          testId="group-leader"
        />
        <datalist id={listId}>
          {leaders.map((l) => (
            <option key={l.login} value={l.login} lang="zh">
              {l.name}
            </option>
          ))}
        </datalist>
      </div>
      <SubmitRow
        pending={pending}
        label={t(group ? "save" : "create")}
        pendingLabel={t(group ? "saving" : "creating")}
        error={error}
        notice={notice}
        testId={group ? "save-group" : "create-group"}
        messageTestId="group-form-message"
      />
    </form>
  );
}
