import "server-only";
import sharp from "sharp";

export type PictureType = "image/png" | "image/jpeg" | "image/webp";

/**
 * A picture as we keep it: turned upright by its orientation tag (rotate()), then written again
 * without EXIF, XMP or IPTC — a phone photo's GPS position, time and camera serial never reach
 * storage (sharp writes no metadata unless asked). Only the colour profile is kept, so the colours
 * stay as taken. JPEG and WebP are re-encoded at high quality; PNG stays lossless. Throws on a
 * picture sharp cannot read; callers turn that into a 400 on their field.
 */
export async function withoutMetadata(data: Buffer, type: PictureType): Promise<Buffer> {
  const upright = sharp(data).rotate().keepIccProfile();
  if (type === "image/png") return upright.png().toBuffer();
  if (type === "image/webp") return upright.webp({ quality: 90 }).toBuffer();
  return upright.jpeg({ quality: 92 }).toBuffer();
}
