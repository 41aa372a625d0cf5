// The part of archiver 5 the materials bundle uses (the package ships no types of its own).
declare module "archiver" {
  import type { Transform } from "node:stream";

  interface ArchiverOptions {
    /** zip entries without compression: photos and xlsx are compressed already */
    store?: boolean;
  }

  interface EntryData {
    name: string;
    date?: Date;
  }

  interface Archiver extends Transform {
    append(source: NodeJS.ReadableStream | Buffer | string, data: EntryData): this;
    finalize(): Promise<void>;
    abort(): this;
    /** bytes written so far */
    pointer(): number;
  }

  function archiver(format: "zip", options?: ArchiverOptions): Archiver;
  export default archiver;
}
