import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { removeProfile } from "../../scripts/lib/profile.ts";

describe("Lighthouse's Chromium profile folder", () => {
  it("is removed with its contents, retrying while files are still being written", () => {
    const dir = mkdtempSync(join(tmpdir(), "epr-profile-test-"));
    mkdirSync(join(dir, "Default"));
    writeFileSync(join(dir, "Default", "Cookies"), "x");
    const remove = vi.fn();
    removeProfile(dir, remove);
    expect(remove).toHaveBeenCalledWith(
      dir,
      expect.objectContaining({ recursive: true, force: true, maxRetries: expect.any(Number) }),
    );
    removeProfile(dir);
    expect(existsSync(dir)).toBe(false);
  });

  it("does not fail the run when the folder will not go (ENOTEMPTY), and says so", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const busy = () => {
      throw Object.assign(new Error("directory not empty"), { code: "ENOTEMPTY" });
    };
    expect(() => removeProfile("/tmp/epr-lighthouse-profile-x", busy)).not.toThrow();
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/epr-lighthouse-profile-x \(ENOTEMPTY\); leaving it/));
    error.mockRestore();
  });
});
