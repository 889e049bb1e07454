import { rmSync } from "node:fs";

/**
 * Removes the profile folder once Chromium has gone. Chromium's helper processes can still be writing
 * into it for a moment after the main one exits (rmSync then fails with ENOTEMPTY), so removal is
 * retried, and a folder that still will not go is reported and left: it is a unique temporary folder,
 * and the scores are already measured.
 */
export function removeProfile(profile: string, remove: typeof rmSync = rmSync): void {
  try {
    remove(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (e) {
    console.error(
      `Could not remove Chromium's profile folder ${profile} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); leaving it.`,
    );
  }
}
