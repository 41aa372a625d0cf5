import { describe, expect, it } from "vitest";
import { bundleFilterOf, MAX_BUNDLE_DAYS, photoNames, reviewedBetween } from "./bundle-plan";

const query = (values: Record<string, string>) => new URLSearchParams(values);

describe("bundleFilterOf", () => {
  it("takes both kinds and no bounds when nothing is chosen", () => {
    expect(bundleFilterOf(query({}))).toEqual({
      ok: true,
      filter: { kinds: ["WITHDRAW", "DECLINE"], from: null, to: null },
    });
    expect(bundleFilterOf(query({ kind: "", from: "", to: "" }))).toMatchObject({
      ok: true,
      filter: { kinds: ["WITHDRAW", "DECLINE"] },
    });
  });

  it("takes one kind and a range of days", () => {
    expect(bundleFilterOf(query({ kind: "DECLINE", from: "2024-07-01", to: "2024-07-31" }))).toEqual({
      ok: true,
      filter: { kinds: ["DECLINE"], from: "2024-07-01", to: "2024-07-31" },
    });
  });

  it.each([
    ["an unknown kind", { kind: "ALL_OF_THEM" }, "bundle.errors.kind"],
    ["a date that is not a day", { from: "2024-02-30" }, "bundle.errors.date"],
    ["a date in another format", { to: "07/31/2024" }, "bundle.errors.date"],
    ["a range the wrong way round", { from: "2024-08-01", to: "2024-07-01" }, "bundle.errors.order"],
    ["a range over a year", { from: "2023-01-01", to: "2024-07-01" }, "bundle.errors.tooLong"],
  ])("refuses %s with a sentence", (_label, values, key) => {
    const checked = bundleFilterOf(query(values));
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.error.key).toBe(key);
  });

  it("accepts a range of exactly the longest length less a day", () => {
    const to = new Date(Date.parse("2024-01-01") + (MAX_BUNDLE_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
    expect(bundleFilterOf(query({ from: "2024-01-01", to })).ok).toBe(true);
  });
});

describe("reviewedBetween", () => {
  it("bounds the approval time by whole Beijing days", () => {
    expect(reviewedBetween({ kinds: ["DECLINE"], from: "2024-07-15", to: "2024-07-15" })).toEqual({
      gte: new Date("2024-07-14T16:00:00.000Z"),
      lte: new Date("2024-07-15T15:59:59.999Z"),
    });
    expect(reviewedBetween({ kinds: ["DECLINE"], from: null, to: null })).toEqual({});
  });
});

describe("photoNames", () => {
  it("names each photo by 考生号 with a running number and its type's extension", () => {
    expect(
      photoNames([
        { examNo: "24510101110001", photos: [{ mimeType: "image/jpeg" }, { mimeType: "image/png" }] },
        { examNo: "24510101110002", photos: [] },
        { examNo: "24510101110003", photos: [{ mimeType: "image/webp" }] },
      ]),
    ).toEqual([["photos/24510101110001-1.jpg", "photos/24510101110001-2.png"], [], ["photos/24510101110003-1.webp"]]);
  });

  it("keeps counting for a candidate with two requests, so no name repeats", () => {
    const names = photoNames([
      { examNo: "24510101110001", photos: [{ mimeType: "image/jpeg" }] },
      { examNo: "24510101110001", photos: [{ mimeType: "image/jpeg" }] },
    ]).flat();
    expect(names).toEqual(["photos/24510101110001-1.jpg", "photos/24510101110001-2.jpg"]);
  });

  it("makes an exam number that is not plain digits safe as a file name", () => {
    expect(photoNames([{ examNo: "../24/x", photos: [{ mimeType: "image/jpeg" }] }])).toEqual([
      ["photos/___24_x-1.jpg"],
    ]);
  });
});
