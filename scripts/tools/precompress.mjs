// Writes `<file>.br` and `<file>.gz` beside each file given, at the best
// compression, for the server to send as they are (the storefront's bundle;
// cargo-leptos does the same for its own with --precompress).
import { readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

for (const file of process.argv.slice(2)) {
  const data = readFileSync(file);
  writeFileSync(`${file}.br`, brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  }));
  writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
}
