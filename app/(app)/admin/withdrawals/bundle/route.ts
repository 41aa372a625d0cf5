import { Readable } from "node:stream";
import { route, routeFailure } from "@/lib/action";
import { currentCampaign } from "@/lib/campaign/queries";
import type { TranslateFn } from "@/lib/i18n/text";
import { errorFields, log } from "@/lib/log";
import { beijingDay } from "@/lib/time/beijing";
import { bundleSummary, zipStream } from "@/lib/withdrawals/bundle";
import { bundleFilterOf } from "@/lib/withdrawals/bundle-plan";
import { approvedMaterialsOf, bundleEntriesOf } from "@/lib/withdrawals/queries";

/**
 * The approved 退档 / 放弃录取 materials of the current campaign as one zip for upload: summary.xlsx and
 * the photos of the signed forms named by 考生号, filtered by kind and by the day the data team approved
 * them (`?kind=DECLINE&from=2024-07-01&to=2024-07-31`). Streamed as it is written, photo by photo from
 * the app's store. For the data team and admins; anyone else is answered 404. Audited.
 */
export const GET = route(
  { name: "withdrawal.bundle", permission: "withdrawal.bundle", forbiddenAs: "NOT_FOUND" },
  async (_request, { query, audit, t, render, requestId }) => {
    const checked = bundleFilterOf(query);
    if (!checked.ok) return routeFailure("INVALID_INPUT", render(checked.error));
    const campaign = await currentCampaign();
    if (!campaign) return routeFailure("NOT_FOUND");
    const { filter } = checked;
    const requests = await approvedMaterialsOf(campaign.id, filter);
    const translate: TranslateFn = (key, values) => t(key as never, values as never);
    const summary = await bundleSummary(requests, translate);
    await audit({
      entityType: "Export",
      entityId: campaign.id,
      after: {
        kinds: filter.kinds,
        from: filter.from,
        to: filter.to,
        requests: requests.length,
        photos: requests.reduce((n, r) => n + r.photos.length, 0),
      },
    });
    const zip = zipStream(bundleEntriesOf(requests, summary));
    // the response is already on its way when a photo fails: the download is cut short, and the log says why
    zip.on("error", (error) =>
      log().error(
        { kind: "action", requestId, action: "withdrawal.bundle", error: errorFields(error) },
        "bundle failed",
      ),
    );
    const fileName = `${t("bundle.file", { day: beijingDay(new Date()) })}.zip`;
    return new Response(Readable.toWeb(zip) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="materials.zip"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
