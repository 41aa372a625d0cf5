// The parameter of a bulk write's statement: a chunk of rows as JSON bytes (lib/import/apply).

/**
 * A chunk's rows as one UTF-8 JSON array, the parameter of its statement (bytea), written row by row into
 * one buffer that the next chunk reuses. A chunk-sized string (a megabyte, two bytes a character once a
 * name is Chinese) and a fresh buffer per chunk were garbage only a full collection frees: the heap grew
 * by them chunk after chunk (bench:import). The bytes returned are good until the next `encode`: the
 * statement that sends them is awaited before the next chunk is encoded.
 */
export class ChunkEncoder {
  private bytes = Buffer.allocUnsafe(1 << 20);
  private length = 0;

  encode(rows: readonly unknown[]): Buffer {
    this.length = 0;
    this.put("[");
    for (const [i, row] of rows.entries()) this.put(i === 0 ? JSON.stringify(row) : `,${JSON.stringify(row)}`);
    this.put("]");
    return this.bytes.subarray(0, this.length);
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
