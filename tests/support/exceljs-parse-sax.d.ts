// exceljs's SAX step, imported by lib/import/read.test.ts to check the patch on it (patches/).
declare module "exceljs/lib/utils/parse-sax.js" {
  type SaxEvent = { eventType: "opentag" | "text" | "closetag"; value: unknown };
  export default function parseSax(iterable: AsyncIterable<Uint8Array | string>): AsyncGenerator<SaxEvent[]>;
}
