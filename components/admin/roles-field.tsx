"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/components/ui/field";
import { ROLES, type Role } from "@/lib/auth/permissions";

/** The roles of one account as thumb-sized checkboxes (a new account's form, the person's page). */
export function RolesField({
  value,
  onChange,
  errors,
  idPrefix,
}: {
  value: readonly Role[];
  onChange: (roles: Role[]) => void;
  errors: string[] | undefined;
  /** names the error line and the checkboxes' test ids: `${idPrefix}-role-ADMIN` */
  idPrefix: string;
}) {
  const t = useTranslations();
  const errorId = `${idPrefix}-roles-error`;
  return (
    <fieldset aria-describedby={errorId}>
      <legend className="mb-1 text-sm font-medium">{t("accounts.new.roles")}</legend>
      <div className="flex flex-wrap gap-2">
        {ROLES.map((role) => (
          <label
            key={role}
            className="flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 px-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            <input
              type="checkbox"
              className="size-4 accent-brand-600"
              checked={value.includes(role)}
              onChange={(e) => onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))}
              aria-invalid={Boolean(errors?.length)}
              data-testid={`${idPrefix}-role-${role}`}
            />
            {t(`roles.${role}`)}
          </label>
        ))}
      </div>
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}
