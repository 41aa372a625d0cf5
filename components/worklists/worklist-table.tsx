"use client";

import { useFormatter, useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { forwardFromWorklist } from "@/app/(app)/worklists/actions";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { ChoiceField, WordsField } from "@/components/ui/field";
import { type Column, Table } from "@/components/ui/table";
import { useActionRunner } from "@/components/ui/use-action";
import { Zh } from "@/components/ui/user-data";
import type { ForwardReason } from "@/lib/worklists/filters";

/** One row as the page shows it: every text already in the reader's language, but the user data. */
export interface WorklistViewRow {
  id: string;
  name: string;
  examNo: string;
  group: string | null;
  caller: string | null;
  /** when, the result's label, who made it; null: never contacted */
  last: { time: string; outcome: string; caller: string } | null;
  lists: string[];
  /** the current escalation's status, in words, and whether the strike team has it */
  escalation: { label: ReactNode; withStrike: boolean } | null;
}

/**
 * The list with a box on each row, and the forward form for the ticked ones: a reason (proposed from the
 * list) and a note for the strike team. Those already with the strike team cannot be ticked.
 */
export function WorklistTable({
  rows,
  showGroup,
  mayForward,
  reasons,
  proposedReason,
}: {
  rows: WorklistViewRow[];
  showGroup: boolean;
  mayForward: boolean;
  reasons: { value: ForwardReason; label: string }[];
  proposedReason: ForwardReason;
}) {
  const t = useTranslations("worklists");
  const format = useFormatter();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState<string>(proposedReason);
  const [note, setNote] = useState("");
  const [report, setReport] = useState<{ done: number; already: string[] } | null>(null);
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();
  const selectable = rows.filter((r) => !r.escalation?.withStrike);
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allTicked = selectable.length > 0 && selectable.every((r) => selected.has(r.id));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setReport(null);
    const result = await run(() => forwardFromWorklist({ candidateIds: [...selected], reason, note }));
    if (result.ok) {
      setReport({
        done: result.data.forwarded.length,
        already: result.data.alreadyWithStrike.map((a) =>
          a.claimedBy ? t("forward.alreadyClaimed", { name: a.name, member: a.claimedBy }) : a.name,
        ),
      });
      setSelected(new Set());
      setNote("");
    }
  }

  const columns: Column<WorklistViewRow>[] = [
    ...(mayForward
      ? [
          {
            key: "select",
            label: t("columns.select"),
            cell: (r: WorklistViewRow) => (
              <input
                type="checkbox"
                className="size-5"
                aria-label={`${t("columns.select")} ${r.examNo}`}
                checked={selected.has(r.id)}
                disabled={Boolean(r.escalation?.withStrike)}
                onChange={() => toggle(r.id)}
                data-testid={`worklist-select-${r.examNo}`}
              />
            ),
          },
        ]
      : []),
    {
      key: "candidate",
      label: t("columns.candidate"),
      primary: true,
      cell: (r) => (
        <span>
          <Zh>{r.name}</Zh> <span className="text-xs text-slate-500 tabular-nums">{r.examNo}</span>
        </span>
      ),
    },
    ...(showGroup
      ? [
          {
            key: "group",
            label: t("columns.group"),
            cell: (r: WorklistViewRow) => (r.group ? <Zh>{r.group}</Zh> : "—"),
          },
        ]
      : []),
    {
      key: "caller",
      label: t("columns.caller"),
      cell: (r) => (r.caller ? <Zh>{r.caller}</Zh> : <span className="text-slate-500">{t("noCaller")}</span>),
    },
    {
      key: "last",
      label: t("columns.lastContact"),
      cell: (r) =>
        r.last ? (
          <span className="whitespace-nowrap">
            {r.last.time} · {r.last.outcome} · <Zh>{r.last.caller}</Zh>
          </span>
        ) : (
          <Badge tone="warn">{t("never")}</Badge>
        ),
    },
    {
      key: "status",
      label: t("columns.status"),
      cell: (r) => (
        <span className="inline-flex flex-wrap justify-end gap-1 md:justify-start">
          {r.lists.map((label) => (
            <Badge key={label}>{label}</Badge>
          ))}
          {r.escalation ? <Badge tone="info">{r.escalation.label}</Badge> : null}
        </span>
      ),
    },
  ];

  return (
    <div className="space-y-4">
      {mayForward ? (
        <label className="flex w-fit items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            className="size-5"
            checked={allTicked}
            disabled={selectable.length === 0}
            onChange={() => setSelected(allTicked ? new Set() : new Set(selectable.map((r) => r.id)))}
            data-testid="worklist-select-all"
          />
          {t("selectAll")}
        </label>
      ) : null}
      <div data-testid="worklist-rows">
        <Table columns={columns} rows={rows} rowKey={(r) => r.id} caption={t("title")} />
      </div>
      {mayForward ? (
        <Card
          title={t("forward.title")}
          action={<Badge tone="info">{t("forward.selected", { count: selected.size })}</Badge>}
        >
          <form ref={formRef} onSubmit={submit} className="grid gap-3 md:grid-cols-[14rem_1fr]" noValidate>
            <ChoiceField
              label={t("forward.reason")}
              value={reason}
              onChange={setReason}
              choices={reasons}
              emptyLabel="—"
              errors={fieldErrors.reason}
              testId="forward-reason"
            />
            <WordsField
              label={t("forward.note")}
              hint={t("forward.noteHint")}
              value={note}
              onChange={setNote}
              rows={2}
              maxLength={300}
              errors={fieldErrors.note}
              errorTestId="forward-note-error"
              testId="forward-note"
            />
            <div className="md:col-span-2 flex flex-wrap items-center gap-3">
              <Button type="submit" disabled={pending} data-testid="forward-submit">
                {pending ? t("forward.submitting") : t("forward.submit")}
              </Button>
              <p aria-live="polite" className="text-sm" data-testid="forward-result">
                {error ? (
                  <span className="text-rose-700">{fieldErrors.candidateIds?.join(" ") ?? error}</span>
                ) : report ? (
                  <span className="text-emerald-700">
                    {t("forward.done", { count: report.done })}
                    {report.already.length > 0 ? (
                      <span className="block text-amber-800">
                        {t("forward.already", { names: format.list(report.already, { type: "conjunction" }) })}
                      </span>
                    ) : null}
                  </span>
                ) : null}
              </p>
            </div>
          </form>
        </Card>
      ) : null}
    </div>
  );
}
