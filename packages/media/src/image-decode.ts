import { runFfmpeg } from './ffmpeg-run.js';

/** The image types `decodeImage` reads, with ffmpeg's demuxer for each. */
const demuxers = { 'image/jpeg': 'jpeg_pipe', 'image/png': 'png_pipe' } as const;

/**
 * Decodes a whole image of the given type with ffmpeg, strictly (any decoding error fails): resolves when it is a
 * picture, rejects with ffmpeg's reason when it is not (a JPEG signature followed by anything else, a cut-short file).
 */
export async function decodeImage(
  ffmpegPath: string,
  contentType: keyof typeof demuxers,
  bytes: Uint8Array,
): Promise<void> {
  const args = ['-hide_banner', '-nostdin', '-v', 'error', '-xerror', '-err_detect', 'explode'];
  await runFfmpeg(
    ffmpegPath,
    [...args, '-f', demuxers[contentType], '-i', 'pipe:0', '-frames:v', '1', '-f', 'null', '-'],
    undefined,
    bytes,
  );
}
