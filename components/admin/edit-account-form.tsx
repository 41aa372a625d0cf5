"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { editUserAccount } from "@/app/(app)/admin/staff/[userId]/actions";
import { ChoiceField, TextField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useActionRunner } from "@/components/ui/use-action";
import { STAFF_IDENTITIES, type StaffIdentityValue } from "@/lib/accounts/identities";
import type { Role } from "@/lib/auth/permissions";
import { NameAndMobileFields } from "./name-and-mobile-fields";
import { RolesField } from "./roles-field";

export interface EditableAccount {
  id: string;
  name: string;
  phone: string | null;
  identity: StaffIdentityValue | null;
  department: string | null;
  roles: Role[];
}

/** 账号资料 on the person's page: everything but the login, which is who the person is. */
export function EditAccountForm({ account }: { account: EditableAccount }) {
  const t = useTranslations("accounts");
  const identityLabel = useTranslations("roster.identity");
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();
  const [draft, setDraft] = useState({
    name: account.name,
    phone: account.phone ?? "",
    identity: account.identity ?? "",
    department: account.department ?? "",
    roles: account.roles,
  });
  const [notice, setNotice] = useState<string | null>(null);
  const update = (patch: Partial<typeof draft>) => {
    setNotice(null);
    setDraft((d) => ({ ...d, ...patch }));
  };

  async function submit() {
    const result = await run(
      () => editUserAccount({ userId: account.id, ...draft, identity: draft.identity as "" | StaffIdentityValue }),
      // an admin who changed their own roles is signed out: a refresh would swap the page for the login
      // before they read why, so the page stays until they move on
      (answer) => answer.ok && !answer.data.signedOut,
    );
    if (!result.ok) return;
    setNotice(
      t(
        result.data.signedOut
          ? "person.savedOwnRoles"
          : result.data.rolesChanged
            ? "person.savedRoles"
            : "person.saved",
      ),
    );
  }

  return (
    <form
      ref={formRef}
      noValidate
      className="space-y-4"
      data-testid="edit-account"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <NameAndMobileFields
          name={draft.name}
          phone={draft.phone}
          onChange={update}
          errors={fieldErrors}
          testIdPrefix="edit"
        />
        <ChoiceField
          label={t("person.identity")}
          errors={fieldErrors.identity}
          value={draft.identity}
          onChange={(identity) => update({ identity: identity as typeof draft.identity })}
          emptyLabel={t("person.identityUnknown")}
          choices={STAFF_IDENTITIES.map((identity) => ({ value: identity, label: identityLabel(identity) }))}
          testId="edit-identity"
        />
        <TextField
          label={t("person.department")}
          errors={fieldErrors.department}
          value={draft.department}
          onChange={(department) => update({ department })}
          maxLength={60}
          testId="edit-department"
        />
      </div>
      <RolesField
        value={draft.roles}
        onChange={(roles) => update({ roles })}
        errors={fieldErrors.roles}
        idPrefix="edit"
      />
      <SubmitRow
        pending={pending}
        label={t("person.save")}
        pendingLabel={t("person.saving")}
        error={error}
        notice={notice}
        testId="save-account"
        messageTestId="edit-account-message"
      />
    </form>
  );
}
