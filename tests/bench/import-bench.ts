// `npm run bench:import`: 100,000-row lists, read three ways, each beside a floor measured in the same
// run, every phase in a child process of its own so that its peak memory is its own:
//   read floor     the bytes decoded (csv: GB18030 → text, lines counted; xlsx: exceljs's streaming
//                  reader, rows counted), nothing checked
//   parse only     checkListFile: header, every cell normalised, errors and duplicates (no database)
//   write floor    the 100,000 candidates as plain multi-row INSERTs (2,000 rows, values from one JSON
//                  parameter each) in one transaction: bare rows (no group, no caller, random ids), and
//                  again as the apply writes them (its group by region, a caller of the group in turn,
//                  the credit with the caller, the apply's ordered ids): the same candidates, without
//                  the check, the comparison, the assignment rows or the undo record
//   parse + apply  applyImport: check, compare with the campaign, write as one batch (new candidates
//                  with assignment and undo records; then a 录取 list changing all of them, on
//                  connections that have each updated one candidate before, as a serving app's have)
// It prints rows/s, peak RSS and peak heap, and each figure's ratio to its floor. It asserts nothing.
// Database: DATABASE_URL, else a database it creates (and drops) on 127.0.0.1:5432 with the migrations.
// `npm run bench:import -- --parse-only` skips the database phases. A phase that fails is reported in
// the table as failed, with its reason, and the others still run.
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { applyImport } from "@/lib/import/apply";
import { checkListFile } from "@/lib/import/check-file";
import { undoImport } from "@/lib/import/undo";
import { addStaff, createCampaign, createGroup, createUser } from "@/prisma/seed/factories";
import {
  encodeGb18030,
  generatedCandidate,
  makeTempDir,
  removeTempDir,
  writeBytes,
  writeLargeToudangCsv,
} from "../support/import-fixtures";

const ROWS = 100_000;
const REGIONS = ["成都", "绵阳", "德阳", "乐山", "南充", "宜宾"];

interface Measure {
  rows: number;
  seconds: number;
  peakRssMb: number;
  peakHeapMb: number;
}

// ---------------------------------------------------------------------------------------------
// child: one phase, measured

async function measure(run: () => Promise<number>): Promise<Measure> {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 10);
  const started = performance.now();
  const rows = await run();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  sample();
  // maxRSS (KiB) also catches a peak between two samples
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  return { rows, seconds, peakRssMb: peakRss / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20 };
}

async function readCsvFloor(path: string): Promise<number> {
  const decoder = new TextDecoder("gb18030");
  let lines = 0;
  for await (const chunk of createReadStream(path)) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines += 1;
  }
  return lines - 1;
}

async function readXlsxFloor(path: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: "cache", worksheets: "emit" });
  let rows = 0;
  for await (const sheet of reader) {
    for await (const _ of sheet as AsyncIterable<ExcelJS.Row>) rows += 1;
    break;
  }
  return rows - 1;
}

/**
 * Each connection of the pool updates one candidate first, as a server's connections have when callers
 * have been logging contacts: a statement trigger's query is planned once per connection, for the rows
 * of the first statement it ran for, and a plan made for one row must still hold for a chunk of 2,000.
 */
async function servedCallers(db: ReturnType<typeof createPrismaClient>, campaignId: string) {
  let started = 0;
  await Promise.all(
    [0, 1].map((nth) =>
      db.$transaction(async (tx) => {
        // a candidate each: the second would otherwise wait for the first's row lock
        await tx.$executeRaw`
          UPDATE "Candidate" SET "updatedAt" = "updatedAt"
          WHERE id = (SELECT id FROM "Candidate" WHERE "campaignId" = ${campaignId} ORDER BY id OFFSET ${nth} LIMIT 1)`;
        started += 1;
        // both transactions at once, so that they hold both connections of the pool
        while (started < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      }),
    ),
  );
}

/** The group of a candidate's region and, in turn, one of its callers: as the apply assigns them. */
async function holdersByRegion(db: ReturnType<typeof createPrismaClient>, campaignId: string) {
  const groups = await db.group.findMany({
    where: { campaignId },
    select: { id: true, region: true, members: { select: { userId: true } } },
  });
  return (region: string, n: number) => {
    const group = groups.find((g) => g.region && region.startsWith(g.region));
    const callers = group?.members ?? [];
    return {
      groupId: group?.id ?? null,
      callerId: callers.length > 0 ? (callers[n % callers.length]?.userId ?? null) : null,
    };
  };
}

async function child(phase: string, args: Record<string, string>) {
  const prisma = args.databaseUrl ? createPrismaClient(args.databaseUrl, { poolSize: 2 }) : null;
  const result = await measure(async () => {
    switch (phase) {
      case "read-csv":
        return readCsvFloor(args.csv as string);
      case "read-xlsx":
        return readXlsxFloor(args.xlsx as string);
      case "parse-csv":
        return (await checkListFile(args.csv as string, "toudang")).valid;
      case "parse-xlsx":
        return (await checkListFile(args.xlsx as string, "toudang")).valid;
      case "write-floor":
      case "write-floor-held": {
        const db = prisma as NonNullable<typeof prisma>;
        // the group and callers of each region, read before the clock matters little: 36 rows
        const holders = phase === "write-floor-held" ? await holdersByRegion(db, args.campaignId as string) : null;
        const floorBatch = `b${Date.now().toString(36)}${randomBytes(8).toString("hex")}`;
        await db.$transaction(
          async (tx) => {
            for (let i = 0; i < ROWS; i += 2000) {
              // the plainest bulk insert: one multi-row statement per chunk, values from one JSON parameter
              const rows = Array.from({ length: Math.min(2000, ROWS - i) }, (_, j) => {
                const c = generatedCandidate(i + j + 1);
                const held = holders?.(c.region, i + j) ?? { groupId: null, callerId: null };
                return {
                  // bare rows take random ids; rows as applied the apply's ordered ids (lib/import/apply.ts)
                  id: holders ? `${floorBatch}c${String(i + j + 1).padStart(8, "0")}` : randomBytes(12).toString("hex"),
                  examNo: c.examNo,
                  name: c.name,
                  gender: c.gender,
                  phones: [c.phone],
                  region: c.region,
                  school: c.school,
                  groupId: held.groupId,
                  callerId: held.callerId,
                };
              });
              await tx.$executeRaw`
                INSERT INTO "Candidate" (id, "campaignId", "examNo", name, gender, phones, region, school,
                                         "groupId", "assignedCallerId", "creditCallerId", "updatedAt")
                SELECT v.id, ${args.campaignId}, v."examNo", v.name, v.gender, v.phones, v.region, v.school,
                       v."groupId", v."callerId", v."callerId", now()
                FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(
                  id text, "examNo" text, name text, gender text, phones text[], region text, school text,
                  "groupId" text, "callerId" text)`;
            }
          },
          { timeout: 600_000 },
        );
        return ROWS;
      }
      case "apply-csv":
      case "apply-xlsx":
      case "apply-luqu": {
        if (phase === "apply-luqu")
          await servedCallers(prisma as NonNullable<typeof prisma>, args.campaignId as string);
        const result = await applyImport(prisma as NonNullable<typeof prisma>, {
          campaignId: args.campaignId as string,
          kind: phase === "apply-luqu" ? "luqu" : "toudang",
          path: (phase === "apply-xlsx" ? args.xlsx : phase === "apply-luqu" ? args.luqu : args.csv) as string,
          fileName: phase,
          by: { id: args.userId as string },
        });
        if (!result.ok || result.alreadyApplied) throw new Error(`${phase}: ${JSON.stringify(result)}`);
        process.send?.({ batchId: result.batchId });
        return result.created + result.updated;
      }
      case "undo-luqu": {
        const result = await undoImport(prisma as NonNullable<typeof prisma>, {
          batchId: args.batchId as string,
          by: { id: args.userId as string },
        });
        if (!result.ok) throw new Error(`${phase}: ${JSON.stringify(result)}`);
        return result.updated;
      }
      default:
        throw new Error(`unknown phase ${phase}`);
    }
  });
  await prisma?.$disconnect();
  process.send?.({ result });
}

// ---------------------------------------------------------------------------------------------
// parent: files, database, phases, table

function runPhase(phase: string, args: Record<string, string>): Promise<Measure & { batchId?: string }> {
  return new Promise((resolve, reject) => {
    const proc = fork(fileURLToPath(import.meta.url), ["--phase", phase, JSON.stringify(args)]);
    let batchId: string | undefined;
    proc.on("message", (message: { result?: Measure; batchId?: string }) => {
      if (message.batchId) batchId = message.batchId;
      if (message.result) resolve({ ...message.result, batchId });
    });
    proc.on("exit", (code) => code !== 0 && reject(new Error(`${phase} exited with ${code}`)));
  });
}

/** The xlsx as Excel saves it, written row by row (exceljs's streaming writer), exam numbers as text. */
async function writeLargeToudangXlsx(path: string) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet("Sheet1");
  sheet.addRow(["考生号", "姓名", "性别", "联系电话", "生源地", "毕业学校"]).commit();
  for (let n = 1; n <= ROWS; n++) {
    const c = generatedCandidate(n);
    sheet.addRow([c.examNo, c.name, c.gender, c.phone, c.region, c.school]).commit();
  }
  sheet.commit();
  await workbook.commit();
  return path;
}

function writeLargeLuquCsv(dir: string) {
  const chunks = [encodeGb18030("考生号,姓名,录取专业\r\n")];
  for (let n = 1; n <= ROWS; n++) {
    const c = generatedCandidate(n);
    chunks.push(encodeGb18030(`${c.examNo},${c.name},${n % 3 === 0 ? "护理" : "软件技术"}\r\n`));
  }
  return writeBytes(dir, "luqu-100k.csv", Buffer.concat(chunks));
}

async function campaignWithCallers(db: ReturnType<typeof createPrismaClient>, name: string, tag: string) {
  const campaign = await createCampaign(db, { now: new Date(), openPhase: 3, name });
  for (const [i, region] of REGIONS.entries()) {
    const group = await createGroup(db, { campaignId: campaign.id, name: `第${i + 1}组`, region });
    for (let k = 0; k < 6; k++) {
      const caller = await createUser(db, { login: `bench-${tag}-${i}-${k}`, roles: ["CALLER"] });
      await addStaff(db, { campaignId: campaign.id, userId: caller.id, groupId: group.id });
    }
  }
  return campaign.id;
}

async function main() {
  const parseOnly = process.argv.includes("--parse-only");
  const dir = makeTempDir();
  const own = !process.env.DATABASE_URL;
  const serverUrl = "postgresql://postgres@127.0.0.1:5432/postgres";
  const dbName = `huifang_bench_${randomBytes(4).toString("hex")}`;
  const databaseUrl = own ? serverUrl.replace(/\/postgres$/, `/${dbName}`) : (process.env.DATABASE_URL as string);
  const admin = new pg.Client({ connectionString: serverUrl });
  const tag = randomBytes(3).toString("hex");
  let prisma: ReturnType<typeof createPrismaClient> | null = null;
  const campaigns: string[] = [];
  try {
    console.log(`Generating ${ROWS.toLocaleString("en")} rows (GB18030 csv, xlsx, 录取 csv)…`);
    const csv = writeLargeToudangCsv(dir, ROWS, "toudang-100k.csv");
    const xlsx = await writeLargeToudangXlsx(`${dir}/toudang-100k.xlsx`);
    const luqu = writeLargeLuquCsv(dir);
    const size = async (p: string) => `${((await stat(p)).size / 2 ** 20).toFixed(1)} MB`;
    console.log(`  csv ${await size(csv)}, xlsx ${await size(xlsx)}, 录取 csv ${await size(luqu)}`);
    if (own) {
      await admin.connect();
      await admin.query(`CREATE DATABASE "${dbName}"`);
      console.log(`Migrating ${dbName} on 127.0.0.1:5432…`);
      await applyMigrations(databaseUrl, { quiet: true });
    }
    prisma = createPrismaClient(databaseUrl, { poolSize: 2 });
    const userId = (await createUser(prisma, { login: `bench-data-${tag}`, roles: ["DATA"] })).id;
    const [floorCampaign, heldFloorCampaign, csvCampaign, xlsxCampaign] = [
      await campaignWithCallers(prisma, `基准-floor-${tag}`, `f${tag}`),
      await campaignWithCallers(prisma, `基准-floor-held-${tag}`, `h${tag}`),
      await campaignWithCallers(prisma, `基准-csv-${tag}`, `c${tag}`),
      await campaignWithCallers(prisma, `基准-xlsx-${tag}`, `x${tag}`),
    ];
    campaigns.push(floorCampaign, heldFloorCampaign, csvCampaign, xlsxCampaign);
    const files = { csv, xlsx, luqu };
    const withDb = { ...files, databaseUrl, userId };

    const results: [string, Measure, string][] = [];
    const failed: [string, string][] = [];
    const phase = async (label: string, name: string, args: Record<string, string>, floor?: string) => {
      process.stdout.write(`  ${label}…`);
      const m = await runPhase(name, args).catch((error: unknown) => {
        failed.push([label, error instanceof Error ? error.message : String(error)]);
        return null;
      });
      process.stdout.write(m ? ` ${m.seconds.toFixed(1)} s\n` : " failed\n");
      if (m) results.push([label, m, floor ?? ""]);
      return m;
    };
    console.log("Phases (each in its own process):");
    await phase("read floor, csv", "read-csv", files);
    await phase("read floor, xlsx", "read-xlsx", files);
    await phase("parse only, csv", "parse-csv", files, "read floor, csv");
    await phase("parse only, xlsx", "parse-xlsx", files, "read floor, xlsx");
    if (parseOnly) return printTable(results, failed);
    await phase("write floor (INSERT)", "write-floor", { ...withDb, campaignId: floorCampaign });
    await phase("write floor, rows as applied", "write-floor-held", { ...withDb, campaignId: heldFloorCampaign });
    await phase("parse + apply, csv (new)", "apply-csv", { ...withDb, campaignId: csvCampaign }, "parse only, csv");
    await phase("parse + apply, xlsx (new)", "apply-xlsx", { ...withDb, campaignId: xlsxCampaign }, "parse only, xlsx");
    const luquApplied = await phase(
      "parse + apply, 录取 csv (changes)",
      "apply-luqu",
      { ...withDb, campaignId: csvCampaign },
      "parse only, csv",
    );
    if (luquApplied) await phase("undo the 录取 batch", "undo-luqu", { ...withDb, batchId: luquApplied.batchId ?? "" });
    printTable(results, failed);
  } finally {
    if (prisma && !own) {
      // a shared database keeps nothing of the bench: its campaigns go with their candidates
      await prisma.campaign.deleteMany({ where: { id: { in: campaigns } } });
      await prisma.user.deleteMany({ where: { login: { startsWith: "bench-" }, AND: { login: { contains: tag } } } });
    }
    await prisma?.$disconnect();
    if (own) {
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
      await admin.end();
    }
    removeTempDir(dir);
  }
}

function printTable(results: [string, Measure, string][], failed: [string, string][]) {
  {
    const own = !process.env.DATABASE_URL;
    const byLabel = new Map(results.map(([label, m]) => [label, m]));
    const write = byLabel.get("write floor (INSERT)");
    const held = byLabel.get("write floor, rows as applied");
    console.log(
      `\nimport benchmark, ${ROWS.toLocaleString("en")} rows, Node ${process.version}, PostgreSQL ${own ? "127.0.0.1:5432" : "DATABASE_URL"}`,
    );
    const head = ["phase", "rows", "seconds", "rows/s", "peak RSS MB", "peak heap MB", "time vs floor"];
    const lines = results.map(([label, m, floorLabel]) => {
      const floor = byLabel.get(floorLabel);
      const vs = [
        floor ? `${(m.seconds / floor.seconds).toFixed(2)}× ${floorLabel}` : "",
        label.startsWith("parse + apply") && write ? `${(m.seconds / write.seconds).toFixed(2)}× write floor` : "",
        label.startsWith("parse + apply") && held ? `${(m.seconds / held.seconds).toFixed(2)}× rows as applied` : "",
      ]
        .filter(Boolean)
        .join("; ");
      return [
        label,
        m.rows.toLocaleString("en"),
        m.seconds.toFixed(2),
        Math.round(m.rows / m.seconds).toLocaleString("en"),
        m.peakRssMb.toFixed(0),
        m.peakHeapMb.toFixed(0),
        vs || "(floor)",
      ];
    });
    const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
    const row = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
    console.log(row(head));
    for (const line of lines) console.log(row(line));
    for (const [label, reason] of failed) console.log(`${label}: failed (${reason.split("\n")[0]})`);
  }
}

if (process.argv[2] === "--phase") {
  await child(process.argv[3] as string, JSON.parse(process.argv[4] as string) as Record<string, string>);
} else {
  await main();
}
