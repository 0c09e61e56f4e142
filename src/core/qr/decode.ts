/**
 * Every QR code in an image, not just the first: jsQR finds one code, so each found code is painted
 * over and the image is scanned again (a setup page may show several, a Google export several batches).
 */
import jsQR from 'jsqr';

export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

const MAX_CODES = 10;

export function decodeQrCodes(image: RgbaImage): string[] {
  if (image.width <= 0 || image.height <= 0 || image.data.length !== image.width * image.height * 4) return [];
  const data = new Uint8ClampedArray(image.data);
  const texts: string[] = [];
  for (let round = 0; round < MAX_CODES; round++) {
    const found = jsQR(data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
    if (!found || found.data === '') break;
    texts.push(found.data);
    const corners = [found.location.topLeftCorner, found.location.topRightCorner, found.location.bottomLeftCorner, found.location.bottomRightCorner];
    const xs = corners.map((corner) => corner.x);
    const ys = corners.map((corner) => corner.y);
    // The finder patterns sit inside the corners; pad by a tenth so the whole symbol is covered.
    const pad = Math.ceil((Math.max(...xs) - Math.min(...xs)) / 10) + 2;
    const left = Math.max(0, Math.floor(Math.min(...xs)) - pad);
    const right = Math.min(image.width, Math.ceil(Math.max(...xs)) + pad);
    const top = Math.max(0, Math.floor(Math.min(...ys)) - pad);
    const bottom = Math.min(image.height, Math.ceil(Math.max(...ys)) + pad);
    for (let y = top; y < bottom; y++) data.fill(255, (y * image.width + left) * 4, (y * image.width + right) * 4);
  }
  return [...new Set(texts)];
}
