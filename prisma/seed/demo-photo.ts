import { crc32, deflateSync } from "node:zlib";

type Rgb = readonly [number, number, number];

/** A real RGB PNG, `width`×`height`, each pixel the colour `colourAt` gives. No image library is needed. */
export function encodePng(width: number, height: number, colourAt: (x: number, y: number) => Rgb): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set(colourAt(x, y), row + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const WHITE: Rgb = [0xff, 0xff, 0xff];
const GREY: Rgb = [0x88, 0x88, 0x88];

/**
 * A small grey-on-white PNG standing in for a photo of a signed withdrawal form, so the data team's
 * review queue in the demo has something to open.
 */
export function demoFormPhoto(width = 240, height = 160): Uint8Array<ArrayBuffer> {
  const png = encodePng(width, height, (x, y) => {
    const border = x < 4 || y < 4 || x >= width - 4 || y >= height - 4;
    const line = y > 30 && y % 18 === 0 && x > 20 && x < width - 20;
    const signature = y > height - 40 && y < height - 30 && x > width - 100 && x < width - 30 && (x + y) % 5 < 2;
    return border || line || signature ? GREY : WHITE;
  });
  // a copy on a plain ArrayBuffer, the type Prisma's Bytes fields take
  return new Uint8Array(png);
}
