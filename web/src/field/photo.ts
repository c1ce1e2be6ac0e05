import { PHOTO_HARD_LIMIT_BYTES, PHOTO_MAX_BYTES, scaledSize } from './rules';

const QUALITIES = [0.82, 0.7, 0.55, 0.4];

/**
 * A photo made small on the device before it waits in the outbox: at most 1600 px on its longest
 * side, JPEG, lower quality until it fits. Drawing it again also leaves its metadata (the camera's
 * GPS, the phone's model) behind. Undefined when the file is no image the browser can read.
 */
export async function resizedPhoto(file: Blob): Promise<Blob | undefined> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return undefined;
  }
  const { width, height } = scaledSize(bitmap.width, bitmap.height);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) return undefined;
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  let blob: Blob | undefined;
  for (const quality of QUALITIES) {
    blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    if (blob.size <= PHOTO_MAX_BYTES) break;
  }
  return blob && blob.size <= PHOTO_HARD_LIMIT_BYTES ? blob : undefined;
}
