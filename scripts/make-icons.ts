// `npm run icons`: draws appPackage/color.png (192×192) and appPackage/outline.png (32×32).
// `npm run icons -- --check`: exits 1 if the committed icons differ from what the design draws now.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_PACKAGE_DIR } from './app-package.js';
import { renderIcons } from './icons.js';
import { decodePng } from './png.js';

function samePixels(a: Uint8Array, b: Uint8Array): boolean {
  const x = decodePng(a);
  const y = decodePng(b);
  return x.width === y.width && x.height === y.height && Buffer.from(x.data).equals(Buffer.from(y.data));
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const icons = renderIcons();
  let stale = 0;
  for (const [name, png] of Object.entries(icons)) {
    const file = join(APP_PACKAGE_DIR, name);
    if (check) {
      let current: Buffer | undefined;
      try {
        current = readFileSync(file);
      } catch {
        current = undefined;
      }
      if (current === undefined || !samePixels(current, png)) {
        console.error(`${file} is missing or differs from the design: run npm run icons`);
        stale++;
      }
    } else {
      writeFileSync(file, png);
      console.log(`wrote ${file} (${png.length} bytes)`);
    }
  }
  return stale === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
