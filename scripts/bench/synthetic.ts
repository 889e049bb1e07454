/** Synthetic scaled copies of data/ for timing builds at 10× and 100× the trusts (never published). */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A copy of data/ with every trust repeated `factor` times under synthetic codes (for timing only). */
export function syntheticData(factor: number, dataDir = "data"): string {
  const dir = mkdtempSync(join(tmpdir(), `epr-bench-x${factor}-`));
  cpSync(dataDir, dir, { recursive: true });
  const read = (file: string) => readFileSync(join(dir, file), "utf8").trimEnd().split("\n");
  const codes = [
    ...new Set([...read("trusts.csv").slice(1), ...read("epr-status.csv").slice(1)].map((r) => r.split(",")[0]!)),
  ].sort();
  // Z + four base-36 digits: unique per (copy, trust), and never a real ODS code.
  const synthetic = (k: number, code: string) =>
    `Z${(k * 1000 + codes.indexOf(code)).toString(36).toUpperCase().padStart(4, "0")}`;
  for (const file of ["trusts.csv", "epr-status.csv"]) {
    const [header, ...rows] = read(file);
    const out = [header!, ...rows];
    for (let k = 1; k < factor; k++)
      for (const row of rows) out.push(row.replace(/^[^,]+/, (code) => synthetic(k, code)));
    writeFileSync(join(dir, file), out.join("\n") + "\n");
  }
  return dir;
}

if (import.meta.main) console.log(syntheticData(Number(process.argv[2] ?? 10)));
