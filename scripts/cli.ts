// The data team's command line: `npm run cli -- <command> ...`.
//   check-list <file> --list <toudang|luqu|jiaofei|baodao|staff> [--mapping <json>] [--json]
//     Validates a list file without any database (staff: the 人员名单, its duplicates keyed by login). Exit 0 when the file was read (whatever its
//     errors), 2 when it cannot be read or the arguments are wrong.
//   import <file> --list <kind> [--campaign <id>] [--mapping <json>] [--apply --by <login>] [--json]
//     Previews the file against the campaign (DATABASE_URL; the newest campaign by default) and, with
//     --apply, applies it as one batch, as the data team's page does. Exit 1 when the apply is refused.
//   retention [--apply] [--now <ISO date>] [--json]
//     Lists the campaigns whose retention period has passed and what anonymising them would remove
//     (counts only, nothing written); with --apply, anonymises every due campaign, each in one
//     transaction (README "Retention"), and deletes the list uploads never applied within 24 hours.
//     --now replaces the clock. Exit 1 when an anonymisation fails.
//   create-admin --login <login> --name <name>
//     The first admin of a deployment (scripts/commands/create-admin.ts); the password comes from
//     HUIFANG_ADMIN_PASSWORD or a prompt. Exit 0 created, 2 refused.
//   backup <file> [--prune]   restore <file> [--replace]
//     The database the app uses (DATABASE_URL, else the embedded one) into a file encrypted with
//     HUIFANG_BACKUP_PASSPHRASE, and back (scripts/commands/backup.ts, README "Backup and restore");
//     --prune deletes the folder's backups older than the campaign's retention, --replace lets a restore
//     replace a database that holds data. Exit 0 done, 2 refused, 1 failed; nothing is changed unless done.
//   --mapping '{"row":2,"fields":["examNo","name",null,"phones","region"]}' names the header row and
//     the field of each column (null: not imported), as the import page's corrected mapping does.
import { parseArgs } from "node:util";
import { CURRENT_CAMPAIGN_FIRST } from "@/lib/campaign/latest";
import { translatorFor } from "@/lib/i18n/messages";
import { isText, renderText, type Text, text } from "@/lib/i18n/text";
import type { CheckReport, DuplicateExamNo, DuplicateLogin } from "@/lib/import/check";
import { checkListFile, checkStaffListFile } from "@/lib/import/check-file";
import { LIST_KINDS, type ListKind, parseMapping, STAFF_SPEC } from "@/lib/import/columns";
import { listText } from "@/lib/import/list-text";
import { UnreadableFileError } from "@/lib/import/read";
import { beijingDay } from "@/lib/time";

// The command line speaks Chinese: every sentence built in lib is rendered with the Chinese catalogue.
const t = translatorFor("zh-CN");
const render = (sentence: Text | string) => (isText(sentence) ? renderText(t, sentence) : sentence);

/** `value` with each sentence in it rendered, for --json: the output holds text, never catalogue keys. */
function rendered<T>(value: T): T {
  const walk = (node: unknown): unknown => {
    if (isText(node)) return renderText(t, node);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === "object" && Object.getPrototypeOf(node) === Object.prototype) {
      return Object.fromEntries(Object.entries(node).map(([key, inner]) => [key, walk(inner)]));
    }
    return node;
  };
  return walk(value) as T;
}

const USAGE = `${t("cli.usage")}\n${t("backup.cli.usageLines")}`;

function parseCommandArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        list: { type: "string" },
        json: { type: "boolean", default: false },
        campaign: { type: "string" },
        apply: { type: "boolean", default: false },
        by: { type: "string" },
        mapping: { type: "string" },
        now: { type: "string" },
      },
    });
  } catch {
    return null;
  }
}

/** The lists check-list reads: the four admission lists and the staff list. */
const CHECKED_LISTS = [...LIST_KINDS, "staff"] as const;
type CheckedList = (typeof CHECKED_LISTS)[number];

async function checkList(args: string[]) {
  const parsed = parseCommandArgs(args);
  if (!parsed) {
    console.error(USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  const kind = values.list as CheckedList | undefined;
  if (!file || !kind || !CHECKED_LISTS.includes(kind)) {
    console.error(USAGE);
    return 2;
  }
  try {
    const report =
      kind === "staff" ? await checkStaffList(file, values.mapping) : await checkKind(file, kind, values.mapping);
    if (!report.ok) {
      console.error(render(report.error));
      return 2;
    }
    const checked = report.value;
    if (values.json) {
      process.stdout.write(`${JSON.stringify(rendered(checked))}\n`);
    } else {
      const counts = {
        list: kind === "staff" ? t("staffImport.listName") : t(`imports.kinds.${kind}`),
        rows: checked.rows,
        valid: checked.valid,
        errors: checked.errors.length,
        duplicates: checked.duplicates.length,
      };
      const summary = kind === "staff" ? t("staffImport.cliChecked", counts) : t("cli.checked", counts);
      console.log(`${summary}${checked.encoding ? t("cli.encoding", { encoding: checked.encoding }) : ""}`);
      for (const e of checked.errors.slice(0, 50)) {
        console.log(t("cli.errorLine", { row: e.row, column: e.column, message: render(e.message) }));
      }
      if (checked.errors.length > 50) console.log(t("cli.moreErrors", { count: checked.errors.length - 50 }));
      for (const d of checked.duplicates.slice(0, 20)) {
        const line =
          "examNo" in d
            ? text("cli.duplicateLine", { examNo: d.examNo, rows: listText(d.rows) })
            : text("staffImport.cliDuplicateLine", { login: d.login, rows: listText(d.rows) });
        console.log(render(line));
      }
    }
    return 0;
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      if (values.json)
        process.stdout.write(`${JSON.stringify({ error: { code: error.code, message: render(error.reason) } })}\n`);
      else console.error(render(error.reason));
      return 2;
    }
    console.error(t("cli.cannotRead", { detail: error instanceof Error ? error.message : String(error) }));
    return 2;
  }
}

type Checked<D> = { ok: true; value: CheckReport<D> } | { ok: false; error: Text };

/** An admission list by its kind, with a hand-given mapping of that list's fields. */
async function checkKind(
  file: string,
  kind: ListKind,
  rawMapping: string | undefined,
): Promise<Checked<DuplicateExamNo>> {
  const mapping = parseMapping(rawMapping);
  if (!mapping.ok) return mapping;
  return { ok: true, value: await checkListFile(file, kind, undefined, { mapping: mapping.value }) };
}

/** The staff list (人员名单), with a hand-given mapping of its own fields. */
async function checkStaffList(file: string, rawMapping: string | undefined): Promise<Checked<DuplicateLogin>> {
  const mapping = parseMapping(rawMapping, STAFF_SPEC);
  if (!mapping.ok) return mapping;
  return { ok: true, value: await checkStaffListFile(file, undefined, { mapping: mapping.value }) };
}

const [command, ...rest] = process.argv.slice(2);
async function importList(args: string[]) {
  const parsed = parseCommandArgs(args);
  const file = parsed?.positionals[0];
  const kind = parsed?.values.list as ListKind | undefined;
  const databaseUrl = process.env.DATABASE_URL;
  if (!parsed || !file || !kind || !LIST_KINDS.includes(kind) || (parsed.values.apply && !parsed.values.by)) {
    console.error(USAGE);
    return 2;
  }
  const mapping = parseMapping(parsed.values.mapping);
  if (!mapping.ok) {
    console.error(render(mapping.error));
    return 2;
  }
  if (!databaseUrl) {
    console.error(t("cli.importNeedsDatabase"));
    return 2;
  }
  const { createPrismaClient } = await import("@/lib/db/client");
  const { applyImport } = await import("@/lib/import/apply");
  const { previewImport } = await import("@/lib/import/preview");
  const prisma = createPrismaClient(databaseUrl, { poolSize: 2 });
  try {
    const campaign = parsed.values.campaign
      ? await prisma.campaign.findUnique({ where: { id: parsed.values.campaign } })
      : await prisma.campaign.findFirst({ orderBy: CURRENT_CAMPAIGN_FIRST });
    if (!campaign) {
      console.error(t("cli.noCampaign"));
      return 2;
    }
    const out = (value: unknown, text: string) =>
      parsed.values.json ? process.stdout.write(`${JSON.stringify(value)}\n`) : console.log(text);
    if (!parsed.values.apply) {
      const { report, plan, alreadyApplied, warnings } = await previewImport(prisma, {
        campaignId: campaign.id,
        kind,
        path: file,
        mapping: mapping.value,
      });
      out(
        rendered({ report, plan, alreadyApplied, warnings }),
        plan
          ? t("cli.previewPlan", {
              create: plan.create.length,
              update: plan.update.length,
              unchanged: plan.unchanged,
              missing: plan.missing.length,
              unknown: plan.unknown.length,
              applied: alreadyApplied ? t("cli.previewApplied") : "",
            })
          : t("cli.previewErrors", { errors: report.errors.length, duplicates: report.duplicates.length }),
      );
      if (!parsed.values.json) {
        for (const w of warnings) {
          console.log(t("cli.warningLine", { row: w.row, column: w.column, message: render(w.message) }));
        }
      }
      return 0;
    }
    // the same action as the import page's, run as the --by account through the same wrapper
    const result = await applyImport(prisma, {
      campaignId: campaign.id,
      kind,
      path: file,
      fileName: file.split("/").pop() ?? file,
      by: { login: String(parsed.values.by) },
      mapping: mapping.value,
    });
    if (!result.ok && (result.code === "UNAUTHENTICATED" || result.code === "FORBIDDEN")) {
      console.error(t("cli.byRefused"));
      return 2;
    }
    out(
      result,
      result.ok
        ? result.alreadyApplied
          ? t("cli.alreadyApplied")
          : t("cli.applied", {
              created: result.created,
              updated: result.updated,
              unassigned: result.unassigned,
              batchId: result.batchId,
            })
        : result.message,
    );
    return result.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      console.error(render(error.reason));
      return 2;
    }
    throw error;
  } finally {
    await prisma.$disconnect();
  }
}

async function retention(args: string[]) {
  const parsed = parseCommandArgs(args);
  const now = parsed?.values.now === undefined ? new Date() : new Date(parsed.values.now);
  if (!parsed || parsed.positionals.length > 0 || Number.isNaN(now.getTime())) {
    console.error(USAGE);
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(t("cli.retentionNeedsDatabase"));
    return 2;
  }
  const { createPrismaClient } = await import("@/lib/db/client");
  const { COUNT_LABELS, runRetention, sweepExpiredUploads, totalOf } = await import("@/lib/retention");
  const prisma = createPrismaClient(databaseUrl, { poolSize: 2 });
  const apply = parsed.values.apply;
  const summarise = (counts: Parameters<typeof totalOf>[0]) =>
    (Object.keys(COUNT_LABELS) as (keyof typeof COUNT_LABELS)[])
      .filter((key) => counts[key] > 0)
      .map((key) => t("cli.count", { label: t(COUNT_LABELS[key]), count: counts[key] }))
      .join(t("cli.countSeparator"));
  try {
    const entries = await runRetention(prisma, { now, apply });
    const expiredUploads = await sweepExpiredUploads(prisma, { now, apply });
    // the object store's files whose rows went (retention, the sweep, any cascade) and old orphans
    const { cleanUpObjects } = await import("@/lib/storage");
    const objectStore = await cleanUpObjects(prisma, { now, apply }).catch((error: unknown) => ({
      failed: error instanceof Error ? error.message : String(error),
    }));
    if (parsed.values.json) {
      process.stdout.write(
        `${JSON.stringify(rendered({ now: now.toISOString(), apply, campaigns: entries, expiredUploads, objectStore }))}\n`,
      );
    } else {
      const due = entries.filter((e) => e.due).length;
      console.log(t("cli.retentionSummary", { now: now.toISOString(), campaigns: entries.length, due }));
      for (const e of entries) {
        const { name } = e;
        if (!e.due) {
          console.log(e.dueAt ? t("cli.notDue", { name, day: beijingDay(e.dueAt) }) : t("cli.neverDue", { name }));
        } else if (e.error) {
          console.error(t("cli.failed", { name, reason: render(e.error) }));
        } else if (!e.counts || totalOf(e.counts) === 0) {
          console.log(t("cli.alreadyAnonymised", { name }));
        } else {
          console.log(t(apply ? "cli.anonymised" : "cli.willAnonymise", { name, counts: summarise(e.counts) }));
        }
      }
      if (expiredUploads > 0) {
        console.log(t(apply ? "cli.uploadsDeleted" : "cli.uploadsToDelete", { count: expiredUploads }));
      }
      if (objectStore && "failed" in objectStore) {
        console.error(t("cli.objectsFailed", { detail: objectStore.failed }));
      } else if (objectStore && objectStore.deleted + objectStore.orphans > 0) {
        console.log(t(apply ? "cli.objectsDeleted" : "cli.objectsToDelete", { ...objectStore }));
      }
      if (!apply && (due > 0 || expiredUploads > 0)) console.log(t("cli.retentionPreview"));
    }
    return entries.some((e) => e.error) || (objectStore && "failed" in objectStore) ? 1 : 0;
  } finally {
    await prisma.$disconnect();
  }
}

if (command === "check-list") {
  process.exit(await checkList(rest));
}
if (command === "import") {
  process.exit(await importList(rest));
}
if (command === "retention") {
  process.exit(await retention(rest));
}
if (command === "backup" || command === "restore") {
  const { backupCommand, restoreCommand } = await import("./commands/backup");
  process.exit(await (command === "backup" ? backupCommand(rest) : restoreCommand(rest)));
}
if (command === "create-admin") {
  const { createAdminCommand } = await import("./commands/create-admin");
  process.exit(await createAdminCommand(rest));
}
console.error(USAGE);
process.exit(2);
