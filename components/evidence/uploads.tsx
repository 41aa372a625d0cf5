"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { attachEvidence } from "@/app/(app)/calls/evidence-actions";
import { Button } from "@/components/ui/button";
import { shrinkPhoto } from "@/components/ui/shrink-photo";

type UploadStatus = "waiting" | "uploading" | "saved" | "failed";

interface Upload {
  key: string;
  file: File;
  status: UploadStatus;
  error: string | null;
}

/**
 * Screenshots chosen for a contact, each sent on its own once the contact exists: one that fails says
 * why and keeps its file for a retry, and the others (and the contact itself) are kept.
 */
export function useEvidenceUploads() {
  const t = useTranslations("evidence");
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [logId, setLogId] = useState<string | null>(null);

  const patch = useCallback(
    (key: string, change: Partial<Upload>) =>
      setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u))),
    [],
  );

  const send = useCallback(
    async (target: string, upload: Upload): Promise<boolean> => {
      patch(upload.key, { status: "uploading", error: null });
      try {
        const form = new FormData();
        form.set("logId", target);
        form.append("screenshots", await shrinkPhoto(upload.file));
        const result = await attachEvidence(form);
        if (result.ok) {
          patch(upload.key, { status: "saved" });
          return true;
        }
        patch(upload.key, { status: "failed", error: result.fieldErrors?.screenshots?.[0] ?? result.error });
      } catch {
        // the server could not be reached (a phone on a bad network): the file stays for a retry
        patch(upload.key, { status: "failed", error: t("errors.offline") });
      }
      return false;
    },
    [patch, t],
  );

  return {
    uploads,
    /** screenshots picked in the form, added to those already waiting */
    add(files: readonly File[]) {
      setUploads((all) => [
        ...all.filter((u) => u.status !== "saved"),
        ...files.map((file) => ({ key: crypto.randomUUID(), file, status: "waiting" as const, error: null })),
      ]);
    },
    remove(key: string) {
      setUploads((all) => all.filter((u) => u.key !== key));
    },
    /** sends every screenshot not yet saved to the log, one after the other; true when all were kept */
    async sendAll(target: string): Promise<boolean> {
      setLogId(target);
      let allSaved = true;
      for (const upload of uploads) {
        if (upload.status === "saved") continue;
        if (!(await send(target, upload))) allSaved = false;
      }
      return allSaved;
    },
    async retry(key: string) {
      const upload = uploads.find((u) => u.key === key);
      if (upload && logId) await send(logId, upload);
    },
    /** the saved ones leave the list, once their contact's page shows them */
    clearSaved() {
      setUploads((all) => all.filter((u) => u.status !== "saved"));
    },
    logId,
  };
}

type Uploads = ReturnType<typeof useEvidenceUploads>;

/**
 * The picker (camera or gallery) and the chosen screenshots with each one's state: waiting, sending,
 * kept, or failed with the reason and 重试.
 */
export function EvidencePicker({
  uploads,
  max,
  testId = "evidence",
}: {
  uploads: Uploads;
  /** how many the contact may still take */
  max: number;
  testId?: string;
}) {
  const t = useTranslations("evidence");
  const waiting = uploads.uploads.filter((u) => u.status !== "saved").length;
  return (
    <div className="space-y-2">
      <label className="block text-sm">
        <span className="mb-1 block font-medium">{t("pick")}</span>
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          disabled={waiting >= max}
          onChange={(e) => {
            uploads.add(Array.from(e.target.files ?? []));
            e.target.value = "";
          }}
          className="block w-full text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3"
          data-testid={`${testId}-input`}
        />
        <span className="mt-1 block text-xs text-slate-500">{t("hint", { max })}</span>
      </label>
      {uploads.uploads.length > 0 ? (
        <ul className="space-y-1" data-testid={`${testId}-list`}>
          {uploads.uploads.map((upload, index) => (
            <li
              key={upload.key}
              className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-slate-50 px-3 py-1 text-sm"
              data-testid={`${testId}-item`}
              data-status={upload.status}
            >
              <span className={upload.status === "failed" ? "text-rose-700" : ""}>
                {upload.status === "failed"
                  ? t("status.failed", { n: index + 1, error: upload.error ?? "" })
                  : t(`status.${upload.status}`, { n: index + 1 })}
              </span>
              {upload.status === "waiting" ? (
                <Button variant="ghost" type="button" onClick={() => uploads.remove(upload.key)}>
                  {t("remove")}
                </Button>
              ) : upload.status === "failed" && uploads.logId ? (
                <Button
                  variant="secondary"
                  type="button"
                  onClick={() => uploads.retry(upload.key)}
                  data-testid={`${testId}-retry`}
                >
                  {t("retry")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {waiting > max ? (
        <p className="text-sm text-rose-700" role="alert">
          {t("tooManyChosen", { max })}
        </p>
      ) : null}
    </div>
  );
}

/** 添加截图 on one of the caller's own contacts, folded until wanted. */
export function AddEvidence({ logId, left }: { logId: string; left: number }) {
  const t = useTranslations("evidence");
  const uploads = useEvidenceUploads();
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  if (!open) {
    return (
      <Button variant="secondary" type="button" onClick={() => setOpen(true)} data-testid="add-evidence">
        {t("add")}
      </Button>
    );
  }
  const waiting = uploads.uploads.filter((u) => u.status === "waiting" || u.status === "failed").length;
  return (
    <div className="min-w-56 space-y-2" data-testid="add-evidence-form">
      <EvidencePicker uploads={uploads} max={left} testId="ledger-evidence" />
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          disabled={sending || waiting === 0 || waiting > left}
          onClick={async () => {
            setSending(true);
            await uploads.sendAll(logId);
            setSending(false);
          }}
          data-testid="ledger-evidence-send"
        >
          {sending ? t("uploading") : t("upload")}
        </Button>
        <Button variant="ghost" type="button" onClick={() => setOpen(false)}>
          {t("close")}
        </Button>
      </div>
    </div>
  );
}
