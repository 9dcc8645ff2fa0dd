import { ffmpegCapabilitiesOrExplain, locateFfmpeg } from '@vigie/media';

/** The ffmpeg the tests run (FFMPEG_PATH, the system one, else npm's), as Vigie finds it. */
export const testFfmpegPath = locateFfmpeg().path;

/** What that ffmpeg can do, probed once per test file as the server does at start. */
export const testFfmpegCapabilities = await ffmpegCapabilitiesOrExplain(testFfmpegPath);
