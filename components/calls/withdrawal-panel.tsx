"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveWithdrawalMaterials } from "@/app/(app)/calls/actions";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action";
import { withData } from "@/components/ui/user-data";
import { WITHDRAWAL_CHECKLIST } from "@/lib/workflow/rules";

const MAX_EDGE = 1600;

/** Phone photos are several MB: scale them to 1600 px JPEG in the browser before upload. */
async function shrink(file: File): Promise<File> {
  if (!file.type.startsWith("image/")) return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.82));
    return blob ? new File([blob], file.name.replace(/\.\w+$/, ".jpg"), { type: "image/jpeg" }) : file;
  } catch {
    // not decodable here: send as is, the server checks it
    return file;
  }
}

export function WithdrawalPanel({
  request,
  editable,
}: {
  request: { id: string; status: string; checklist: string[]; reviewReason: string | null; photoCount: number };
  editable: boolean;
}) {
  const t = useTranslations("withdrawal");
  const [checked, setChecked] = useState<string[]>(request.checklist);
  const [files, setFiles] = useState<File[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const { run, refuse, pending, error } = useActionRunner();

  async function save(submit: boolean) {
    setSaved(null);
    // the runner answers an unreachable server as UNAVAILABLE; here it says that nothing was saved
    let unreachable = false;
    try {
      const result = await run(async () => {
        const form = new FormData();
        form.set("requestId", request.id);
        for (const item of checked) form.append("checklist", item);
        for (const file of files) form.append("photos", await shrink(file));
        form.set("submit", String(submit));
        return saveWithdrawalMaterials(form).catch((error: unknown) => {
          unreachable = true;
          throw error;
        });
      });
      if (unreachable) refuse(t("offline"));
      else if (result.ok) {
        setFiles([]);
        setSaved(submit ? t("submitted") : t("saved"));
      }
    } catch {
      // the action could not be reached (a phone on a bad network): nothing was saved
      refuse(t("offline"));
    }
  }

  return (
    <section
      className="rounded-xl border border-amber-200 bg-amber-50 p-4"
      aria-labelledby="withdrawal-title"
      data-testid="withdrawal-panel"
    >
      <h2 id="withdrawal-title" className="text-base font-semibold">
        {t("title")} · {t(`status.${request.status}` as "status.AGREED")}
      </h2>
      {request.status === "SENT_BACK" && request.reviewReason ? (
        <p className="mt-1 text-sm text-rose-700">
          {withData((v) => t("sentBack", v), { reason: request.reviewReason })}
        </p>
      ) : null}
      <fieldset className="mt-3" disabled={!editable}>
        <legend className="mb-1 text-sm font-medium">{t("checklist")}</legend>
        {WITHDRAWAL_CHECKLIST.map((item) => (
          <label key={item} className="flex min-h-10 items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-5"
              checked={checked.includes(item)}
              onChange={(e) => setChecked((c) => (e.target.checked ? [...c, item] : c.filter((x) => x !== item)))}
            />
            {t(`items.${item}`)}
          </label>
        ))}
      </fieldset>
      <p className="mt-2 text-sm text-slate-600">{t("photos", { count: request.photoCount })}</p>
      {editable ? (
        <>
          <label className="mt-2 block text-sm">
            <span className="mb-1 block font-medium">{t("addPhotos")}</span>
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              capture="environment"
              multiple
              onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
              className="block w-full text-sm"
            />
          </label>
          <p aria-live="polite" className={`mt-2 min-h-5 text-sm ${error ? "text-rose-700" : "text-emerald-700"}`}>
            {error ?? saved}
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button variant="secondary" disabled={pending} onClick={() => save(false)}>
              {t("save")}
            </Button>
            <Button disabled={pending} onClick={() => save(true)}>
              {t("submit")}
            </Button>
          </div>
        </>
      ) : null}
    </section>
  );
}
