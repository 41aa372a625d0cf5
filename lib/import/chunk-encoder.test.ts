import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ChunkEncoder } from "./chunk-encoder";

const decoded = (bytes: Buffer) => JSON.parse(bytes.toString("utf8")) as unknown;

describe("ChunkEncoder", () => {
  it("writes the rows as one JSON array in UTF-8, Chinese names and all", () => {
    const rows = [
      { examNo: "24510101000001", name: "钱同学", phones: ["13800000001"], school: null },
      { examNo: "24510101000002", name: 'O\'Brien "小明"\n', phones: [], school: "成都七中" },
    ];
    const bytes = new ChunkEncoder().encode(rows);
    expect(decoded(bytes)).toEqual(rows);
    expect(bytes.toString("utf8")).toBe(JSON.stringify(rows));
  });

  it("writes an empty chunk as an empty array", () => {
    expect(new ChunkEncoder().encode([]).toString("utf8")).toBe("[]");
  });

  it("grows past its first megabyte, and a shorter chunk after a longer one holds only its own rows", () => {
    const encoder = new ChunkEncoder();
    const long = Array.from({ length: 5000 }, (_, i) => ({
      examNo: String(i).padStart(14, "0"),
      name: "长".repeat(80),
    }));
    const first = encoder.encode(long);
    expect(first.length).toBeGreaterThan(1 << 20);
    expect(decoded(first)).toEqual(long);
    const short = [{ examNo: "1", name: "短" }];
    expect(decoded(encoder.encode(short))).toEqual(short);
  });

  it("encodes any rows as JSON.stringify does, chunk after chunk on one encoder", () => {
    const encoder = new ChunkEncoder();
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.constant(null))))),
        (chunks) => {
          for (const rows of chunks) expect(encoder.encode(rows).toString("utf8")).toBe(JSON.stringify(rows));
        },
      ),
    );
  });

  it("takes the rows added one at a time since the last take, in turn with a second encoder", () => {
    const [a, b] = [new ChunkEncoder(), new ChunkEncoder()];
    fc.assert(
      fc.property(fc.array(fc.array(fc.record({ examNo: fc.string(), name: fc.string() }))), (chunks) => {
        chunks.forEach((rows, i) => {
          const encoder = i % 2 === 0 ? a : b;
          for (const row of rows) encoder.add(row);
          expect(encoder.count).toBe(rows.length);
          expect(encoder.take().toString("utf8")).toBe(JSON.stringify(rows));
          expect(encoder.count).toBe(0);
        });
      }),
    );
    expect(a.take().toString("utf8")).toBe("[]");
  });
});
