// Writes two 20,000-row statement chunks for scripts/bench-server.sh, deterministic (a
// fixed-seed generator), so runs compare:
//   OUT/rows.json     a JSON array of 20,000 row objects (what a provider's import holds:
//                     month, customer, product, payment mode, amounts; short keys, as
//                     an export of this size has), ≈ 2.5 MB
//   OUT/columns.json  the app's own stored chunk form (src/data/money.rs: {"rows":
//                     base64 of the column layout, 41 bytes a row, "csv": ""}), ≈ 1.1 MB
// Both stay under the server's 3 MiB body limit with the record around them.
//
// usage: node scripts/bench-server/chunk.mjs OUT
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROWS = 20_000;
const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/bench-server/chunk.mjs OUT');
  process.exit(2);
}

// mulberry32: small, fast and the same on every machine.
let state = 20260101;
const random = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

const customers = Array.from({ length: 200 }, (_, i) => String(100012000000 + i * 37));
const products = [
  ['CVM', 'S5'], ['CVM', 'SA2'], ['CVM', 'M5'], ['COS', 'standard'], ['COS', 'archive'],
  ['CDN', 'traffic'], ['CLB', 'public'], ['TencentDB', 'MySQL'], ['TencentDB', 'Redis'],
  ['CBS', 'SSD'], ['VPC', 'NAT'], ['SCF', 'calls'],
];
const months = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
const ratios = ['0.05', '0.08', '0.1', '0.12', '0.15'];
const fen = (n) => (n / 100).toFixed(2);

const rows = [];
for (let i = 0; i < ROWS; i++) {
  const [product, sub] = pick(products);
  const consumption = Math.floor(random() * 5_000_000);
  const ratio = pick(ratios);
  rows.push({
    month: pick(months),
    uin: pick(customers),
    sku: `${product}/${sub}`,
    pay: random() < 0.7 ? 'pre' : 'post',
    amount: fen(consumption),
    rate: ratio,
    rebate: fen(Math.round(consumption * Number(ratio))),
  });
}
const json = JSON.stringify(rows);
writeFileSync(join(out, 'rows.json'), json);

// The column layout: month (i32), uin, name, product, sub-product, ratio (u32 indices
// into shared texts), flags (u8), consumption and rebate (i64 fen) — 41 bytes a row —
// after the shared texts, as StatementTable::encode writes it.
const texts = [...customers, ...customers.map((c) => `客户${c}`), ...products.flat()];
const head = Buffer.from(texts.join('\n') + '\n' + ratios.join('\n'));
const body = Buffer.alloc(ROWS * 41);
let at = 0;
const put32 = (v) => { body.writeInt32LE(v, at); at += 4; };
for (let i = 0; i < ROWS; i++) put32(2026 * 12 + Math.floor(random() * 6) + 5);
for (let c = 0; c < 5; c++) for (let i = 0; i < ROWS; i++) put32(Math.floor(random() * 200));
for (let i = 0; i < ROWS; i++) body[at++] = random() < 0.3 ? 1 : 0;
for (let c = 0; c < 2; c++) {
  for (let i = 0; i < ROWS; i++) {
    body.writeBigInt64LE(BigInt(Math.floor(random() * 5_000_000)), at);
    at += 8;
  }
}
const columns = JSON.stringify({ rows: Buffer.concat([Buffer.from([1]), head, body]).toString('base64'), csv: '' });
writeFileSync(join(out, 'columns.json'), columns);

console.log(`rows.json ${json.length} bytes, columns.json ${columns.length} bytes`);
