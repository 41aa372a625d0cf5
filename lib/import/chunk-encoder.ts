// The parameter of a bulk write's statement: a chunk of rows as JSON bytes (lib/import/apply).

/**
 * A chunk's rows as one UTF-8 JSON array, the parameter of its statement (bytea), written row by row into
 * one buffer that the next chunk reuses. A chunk-sized string (a megabyte, two bytes a character once a
 * name is Chinese) and a fresh buffer per chunk were garbage only a full collection frees: the heap grew
 * by them chunk after chunk (bench:import). Rows are added as they are planned, so a row's objects die
 * young instead of waiting for their chunk; the bytes `take` returns are good until the next `add`.
 */
export class ChunkEncoder {
  private bytes = Buffer.allocUnsafe(1 << 20);
  private length = 0;
  /** rows added since the last `take` */
  count = 0;

  add(row: unknown): void {
    if (this.count === 0) this.length = 0;
    this.put(this.count === 0 ? `[${JSON.stringify(row)}` : `,${JSON.stringify(row)}`);
    this.count += 1;
  }

  /** The rows added since the last `take`, as a JSON array; the next `add` starts a new one. */
  take(): Buffer {
    if (this.count === 0) {
      this.length = 0;
      this.put("[");
    }
    this.put("]");
    this.count = 0;
    return this.bytes.subarray(0, this.length);
  }

  encode(rows: readonly unknown[]): Buffer {
    this.length = 0;
    this.count = 0;
    for (const row of rows) this.add(row);
    return this.take();
  }

  private put(text: string) {
    const needed = this.length + Buffer.byteLength(text);
    if (needed > this.bytes.length) {
      const larger = Buffer.allocUnsafe(Math.max(needed, this.bytes.length * 2));
      this.bytes.copy(larger, 0, 0, this.length);
      this.bytes = larger;
    }
    this.length += this.bytes.write(text, this.length);
  }
}
