// Test files for uploads, made in memory: real images (a PNG drawn here, a JPEG made by
// Chromium's own encoder), a PDF posing as a PNG, a file that only starts like a PNG, an
// image over the 2 MiB limit.
import { deflateSync } from "node:zlib";

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A real PNG of w×h pixels in one colour. */
export function png(w = 40, h = 30, rgb = [0, 82, 217]) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(w).fill(rgb).flat())]);
  const raw = Buffer.concat(Array(h).fill(row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A real 48×32 JPEG (green with a white bar), encoded by Chromium's canvas. */
export const realJpeg = Buffer.from(
  "/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAgADADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAgF/8QAGhABAAEFAAAAAAAAAAAAAAAAAAMGF1Wk0v/EABgBAAMBAQAAAAAAAAAAAAAAAAACAwQG/8QAIBEAAgICAQUBAAAAAAAAAAAAAAIBAxESMRMUUlOB8P/aAAwDAQACEQMRAD8AxwUjcqkstrTcMirDczg56ilbc7NqTcKRuVSWW1puC5VJZbWm4N018i/Z1e2P30m4UjcqkstrTcJuKywvE5IX0rVjVtgAQzgAAAAB/9k=",
  "base64",
);

/** The first bytes of a PNG followed by filler: sniffed as PNG, opens as nothing. */
export function fakePng(size = 4096) {
  const b = Buffer.alloc(size, 0x11);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  return b;
}

export const files = {
  licence: { name: "营业执照.png", mimeType: "image/png", buffer: png(60, 40, [200, 30, 30]) },
  proof: { name: "bank-proof.jpg", mimeType: "image/jpeg", buffer: realJpeg },
  fakePng: { name: "scan.png", mimeType: "image/png", buffer: fakePng() },
  exactlyOverLimit: { name: "big-by-one.png", mimeType: "image/png", buffer: Buffer.concat([png(), Buffer.alloc(2 * 1024 * 1024 + 1 - png().length)]) },
  bigPng: { name: "big.png", mimeType: "image/png", buffer: Buffer.concat([png(), Buffer.alloc(3 * 1024 * 1024)]) },
  pdfAsPng: { name: "licence.png", mimeType: "image/png", buffer: Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\n" + "x".repeat(5000)) },
};
