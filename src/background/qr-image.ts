/** Decodes QR codes from an image data URL inside the service worker (OffscreenCanvas, no DOM). */
import { decodeQrCodes } from '../core/qr/decode';

export async function decodeQrImage(dataUrl: string): Promise<string[]> {
  const blob = await (await fetch(dataUrl)).blob();
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  if (!context) return [];
  context.drawImage(bitmap, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  bitmap.close();
  return decodeQrCodes({ data, width, height });
}
