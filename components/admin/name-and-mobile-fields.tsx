"use client";

import { useTranslations } from "next-intl";
import { DigitsField, TextField } from "@/components/ui/field";

/**
 * A person's name and mobile as every account form asks them (新建账号, the person's page), with the limits
 * the accounts keep (lib/accounts/create-account: 40 characters, an 11-digit mobile).
 */
export function NameAndMobileFields({
  name,
  phone,
  onChange,
  errors,
  testIdPrefix,
}: {
  name: string;
  phone: string;
  onChange: (patch: { name?: string; phone?: string }) => void;
  errors: { name?: string[]; phone?: string[] };
  testIdPrefix: "account" | "edit";
}) {
  const t = useTranslations("accounts.new");
  return (
    <>
      <TextField
        label={t("name")}
        errors={errors.name}
        value={name}
        onChange={(value) => onChange({ name: value })}
        maxLength={40}
        testId={`${testIdPrefix}-name`}
      />
      <DigitsField
        label={t("phone")}
        errors={errors.phone}
        value={phone}
        onChange={(value) => onChange({ phone: value })}
        maxDigits={11}
        inputMode="tel"
        inputClassName="w-full"
        testId={`${testIdPrefix}-phone`}
      />
    </>
  );
}
