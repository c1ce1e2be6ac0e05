import { createHash } from 'node:crypto';
import exifr from 'exifr';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { DiboliError } from '../domain/errors.js';

/** The photo types a field device may send, as their bytes say (never as the request claims). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** A phone photo is 12–50 megapixels; more than this from 5 MB is a decompression bomb. */
const MAX_PIXELS = 60_000_000;

export interface CleanPhoto {
  bytes: Buffer;
  sha256: string;
  contentType: PhotoType;
  /** Where the camera's GPS tags put it, read before they were stripped; null without them. */
  location: { lat: number; lon: number } | null;
}

/**
 * A photo as the node keeps it: its type checked by its bytes, its pixels re-encoded into a new
 * file that carries no metadata (EXIF, XMP, IPTC, comments could name the device, its owner, or
 * where it was), turned upright as the camera said. The GPS position is read before, so that the
 * observation can take it as its location.
 */
export async function cleanPhoto(original: Buffer): Promise<CleanPhoto> {
  const sniffed = await fileTypeFromBuffer(original);
  const contentType = PHOTO_TYPES.find((t) => t === sniffed?.mime);
  if (!contentType) throw new DiboliError('ERR_PHOTO_TYPE');
  const location = await gpsOf(original);
  let bytes: Buffer;
  try {
    const image = sharp(original, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
    bytes = await (contentType === 'image/jpeg'
      ? image.jpeg({ quality: 85, mozjpeg: true })
      : contentType === 'image/png'
        ? image.png()
        : image.webp({ quality: 85 })
    ).toBuffer();
  } catch (error) {
    throw new DiboliError('ERR_PHOTO_UNREADABLE', { detail: error instanceof Error ? error.message.slice(0, 200) : 'decode' });
  }
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), contentType, location };
}

async function gpsOf(original: Buffer): Promise<{ lat: number; lon: number } | null> {
  try {
    const gps = await exifr.gps(original);
    const lat = gps?.latitude;
    const lon = gps?.longitude;
    if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) return null;
    return { lat, lon };
  } catch {
    // Unreadable tags are no position; the pixels are still checked by the decoder.
    return null;
  }
}
