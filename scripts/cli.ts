// The data team's command line: `npm run cli -- <command> ...`.
//   check-list <file> --list <toudang|luqu|jiaofei|baodao> [--json]
//     Validates a list file without any database. Exit 0 when the file was read (whatever its
//     errors), 2 when it cannot be read or the arguments are wrong.
import { parseArgs } from "node:util";
import { checkListFile } from "@/lib/import/check-file";
import { LIST_KINDS, LIST_NAMES, type ListKind } from "@/lib/import/columns";
import { UnreadableFileError } from "@/lib/import/read";

const USAGE = "用法：npm run cli -- check-list <文件> --list <toudang|luqu|jiaofei|baodao> [--json]";

function parseCheckListArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: { list: { type: "string" }, json: { type: "boolean", default: false } },
    });
  } catch {
    return null;
  }
}

async function checkList(args: string[]) {
  const parsed = parseCheckListArgs(args);
  if (!parsed) {
    console.error(USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  const kind = values.list as ListKind | undefined;
  if (!file || !kind || !LIST_KINDS.includes(kind)) {
    console.error(USAGE);
    return 2;
  }
  try {
    const report = await checkListFile(file, kind);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
    } else {
      console.log(
        `${LIST_NAMES[kind]}：读取 ${report.rows} 行，有效 ${report.valid} 行，错误 ${report.errors.length} 处，重复考生号 ${report.duplicates.length} 个${report.encoding ? `（编码 ${report.encoding}）` : ""}`,
      );
      for (const e of report.errors.slice(0, 50)) console.log(`  第 ${e.row} 行 [${e.column}] ${e.message}`);
      if (report.errors.length > 50) console.log(`  ……另有 ${report.errors.length - 50} 处错误（用 --json 查看全部）`);
      for (const d of report.duplicates.slice(0, 20))
        console.log(`  考生号 ${d.examNo} 重复：第 ${d.rows.join("、")} 行`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      if (values.json)
        process.stdout.write(`${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`);
      else console.error(error.message);
      return 2;
    }
    console.error(`无法读取文件：${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === "check-list") {
  process.exit(await checkList(rest));
}
console.error(USAGE);
process.exit(2);
