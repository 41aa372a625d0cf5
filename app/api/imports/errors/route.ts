import { route, routeFailure } from "@/lib/action";
import { xlsxResponse } from "@/lib/export/workbook";
import { text } from "@/lib/i18n/text";
import { LIST_KINDS, type ListKind, parseMapping } from "@/lib/import/columns";
import { errorReportWorkbook } from "@/lib/import/error-report";
import { UnreadableFileError } from "@/lib/import/read";
import { checkUpload } from "@/lib/import/upload-store";

/**
 * The row-error report of an uploaded list as xlsx (GET ?fileHash=&format=&kind=&mapping=): the file
 * is checked again, with the mapping the preview used, so the report lists every error, not only the
 * first ones the preview shows. Nothing about the campaign is read or written. The report is in the
 * reader's language: its headers, sheet, file name and sentences.
 */
export const GET = route(
  { name: "import.errorReport", permission: "import.run" },
  async (_request, { query, t, render }) => {
    const fileHash = query.get("fileHash") ?? "";
    const format = query.get("format");
    const kind = query.get("kind") as ListKind;
    const mapping = parseMapping(query.get("mapping"));
    if (!/^[0-9a-f]{64}$/.test(fileHash) || (format !== "xlsx" && format !== "csv") || !LIST_KINDS.includes(kind))
      return routeFailure("INVALID_INPUT", t("imports.refusals.brokenLink"));
    if (!mapping.ok) return routeFailure("INVALID_INPUT", render(mapping.error));
    try {
      const report = await checkUpload({ fileHash, format }, kind, mapping.value);
      if (!report) return routeFailure("NOT_FOUND", t("imports.refusals.reportUploadGone"));
      const fileName = render(text("imports.errorReport.fileName", { list: text(`imports.kinds.${kind}`) }));
      return xlsxResponse(await errorReportWorkbook(report, render), fileName, "errors.xlsx");
    } catch (error) {
      if (error instanceof UnreadableFileError) return routeFailure("UNREADABLE", render(error.reason));
      throw error;
    }
  },
);
