"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { createUserAccount } from "@/app/(app)/admin/staff/actions";
import { ChoiceField, TextField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useActionRunner } from "@/components/ui/use-action";
import type { Role } from "@/lib/auth/permissions";
import { STAFF_SOURCES } from "@/lib/staff/pool";
import { NameAndMobileFields } from "./name-and-mobile-fields";
import { RolesField } from "./roles-field";
import { TemporaryPasswordPanel } from "./temporary-password-panel";

type Created = { login: string; name: string; temporaryPassword: string };

const EMPTY = { login: "", name: "", phone: "", roles: ["CALLER"] as Role[], poolSource: "" };

/**
 * 新建账号 on the staff page: login, name, mobile, roles, and for a caller the staff pool of this year.
 * The temporary password appears once in a panel; the form empties for the next person.
 */
export function NewAccountForm() {
  const t = useTranslations();
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();
  const [draft, setDraft] = useState(EMPTY);
  const [created, setCreated] = useState<Created | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const update = (patch: Partial<typeof EMPTY>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit() {
    setNotice(null);
    const result = await run(() => createUserAccount(draft));
    if (!result.ok) return;
    const { login, name, temporaryPassword, pool } = result.data;
    setCreated({ login, name, temporaryPassword });
    setNotice(
      t(
        pool === null
          ? "accounts.new.created"
          : pool.poolStatus === "APPROVED"
            ? "accounts.new.createdInPool"
            : "accounts.new.createdApplied",
        { login },
      ),
    );
    setDraft(EMPTY);
  }

  return (
    <div className="space-y-4">
      <form
        ref={formRef}
        noValidate
        className="space-y-4"
        data-testid="new-account"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <p className="text-sm text-slate-600">{t("accounts.new.hint")}</p>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label={t("accounts.new.login")}
            errors={fieldErrors.login}
            value={draft.login}
            onChange={(login) => update({ login })}
            maxLength={64}
            code
            testId="account-login"
          />
          <NameAndMobileFields
            name={draft.name}
            phone={draft.phone}
            onChange={update}
            errors={fieldErrors}
            testIdPrefix="account"
          />
        </div>
        <RolesField
          value={draft.roles}
          onChange={(roles) => update({ roles })}
          errors={fieldErrors.roles}
          idPrefix="account"
        />
        <ChoiceField
          label={t("accounts.new.poolSource")}
          hint={t("accounts.new.poolHint")}
          errors={fieldErrors.poolSource}
          value={draft.poolSource}
          onChange={(poolSource) => update({ poolSource })}
          emptyLabel={t("accounts.new.noPool")}
          choices={STAFF_SOURCES.map((source) => ({ value: source, label: t(`inspection.staff.source.${source}`) }))}
          selectClassName="w-full sm:w-80"
          testId="account-pool-source"
        />
        <SubmitRow
          pending={pending}
          label={t("accounts.new.submit")}
          pendingLabel={t("accounts.new.submitting")}
          error={error}
          notice={notice}
          testId="create-account"
          messageTestId="account-message"
        />
      </form>
      {created ? (
        <TemporaryPasswordPanel
          name={created.name}
          password={created.temporaryPassword}
          testId="new-account-panel"
          className="w-full sm:w-96"
          onDone={() => {
            setCreated(null);
            setNotice(null);
          }}
        />
      ) : null}
    </div>
  );
}
