"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Zh } from "@/components/ui/user-data";
import type { Credential } from "@/lib/staff/import";

/**
 * The new accounts' temporary passwords, shown once after a staff list's apply. They live only in this
 * page's state (the apply's answer): nothing on the server keeps them. 下载 Excel posts them back to a
 * route that streams the xlsx and keeps nothing; 打印 prints one slip per person on A4 (the rest of the
 * page stays off paper). Leaving the page while they are shown asks first: a reload, closing the tab
 * or following a link would lose them for good.
 */
export function StaffImportCredentials({
  people,
  collegeName,
  onDone,
}: {
  people: Credential[];
  collegeName: string;
  onDone: () => void;
}) {
  const t = useTranslations("staffImport");
  const title = useRef<HTMLHeadingElement>(null);
  const [downloading, setDownloading] = useState(false);
  const [downloadFailed, setDownloadFailed] = useState(false);
  const guarded = people.length > 0;

  useEffect(() => title.current?.focus(), []);

  useEffect(() => {
    if (!guarded) return;
    const warning = t("leaveWarning");
    // a reload, a closed tab, an address typed: the browser asks with its own words
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = warning;
    };
    // a link inside the app navigates without unloading the page: asked here
    const click = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!link || link.getAttribute("download") !== null) return;
      if (!window.confirm(warning)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, [guarded, t]);

  async function download() {
    setDownloading(true);
    setDownloadFailed(false);
    try {
      const response = await fetch("/admin/staff/import/credentials", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ people }),
      });
      if (!response.ok) throw new Error(String(response.status));
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = t("sheet.fileName");
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setDownloadFailed(true);
    }
    setDownloading(false);
  }

  function done() {
    if (!guarded || window.confirm(t("credentials.confirmDone"))) onDone();
  }

  if (!guarded) {
    return (
      <section
        className="rounded-xl border border-slate-200 bg-white p-4 text-sm print:hidden"
        data-testid="staff-credentials"
      >
        <p>{t("credentials.none")}</p>
        <Button variant="secondary" className="mt-3" onClick={onDone}>
          {t("credentials.done")}
        </Button>
      </section>
    );
  }
  return (
    <>
      <section
        aria-labelledby="staff-credentials-title"
        className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm print:hidden"
        data-testid="staff-credentials"
      >
        <h2
          id="staff-credentials-title"
          ref={title}
          tabIndex={-1}
          className="text-base font-semibold text-slate-900 outline-none"
        >
          {t("credentials.title", { count: people.length })}
        </h2>
        <p className="text-amber-900">{t("credentials.warning")}</p>
        <div className="flex flex-wrap gap-2">
          <Button onClick={download} disabled={downloading} data-testid="staff-credentials-download">
            {downloading ? t("credentials.downloading") : t("credentials.download")}
          </Button>
          <Button variant="secondary" onClick={() => window.print()} data-testid="staff-credentials-print">
            {t("credentials.print")}
          </Button>
          <Button variant="ghost" onClick={done} data-testid="staff-credentials-done">
            {t("credentials.done")}
          </Button>
        </div>
        <p aria-live="polite" className="text-rose-700">
          {downloadFailed ? t("credentials.downloadFailed") : null}
        </p>
        <ul className="divide-y divide-amber-200 rounded-lg border border-amber-200 bg-white">
          {people.map((p) => (
            <li
              key={p.login}
              className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-3 py-2"
              data-testid="staff-credential"
            >
              <span>
                <Zh>{p.name}</Zh> · <code className="text-xs">{p.login}</code>
              </span>
              <code
                className="select-all font-mono text-base tracking-wider text-slate-900"
                translate="no"
                data-testid="staff-credential-password"
              >
                {p.temporaryPassword}
              </code>
            </li>
          ))}
        </ul>
      </section>
      {/* paper only: one slip per person, cut along the dashed lines */}
      <div className="hidden print:block" data-testid="staff-credential-slips">
        {people.map((p) => (
          <div key={p.login} className="break-inside-avoid border-b border-dashed border-slate-500 py-4 text-sm">
            <p className="font-semibold">
              <Zh>{collegeName}</Zh> · {t("sheet.title")}
            </p>
            <dl className="mt-2 grid grid-cols-[6rem_1fr] gap-y-1">
              <dt>{t("sheet.name")}</dt>
              <dd>
                <Zh>{p.name}</Zh>
              </dd>
              <dt>{t("sheet.login")}</dt>
              <dd className="font-mono">{p.login}</dd>
              <dt>{t("sheet.password")}</dt>
              <dd className="font-mono text-base tracking-wider" translate="no">
                {p.temporaryPassword}
              </dd>
            </dl>
            <p className="mt-2 font-medium">{t("sheet.note")}</p>
          </div>
        ))}
      </div>
    </>
  );
}
