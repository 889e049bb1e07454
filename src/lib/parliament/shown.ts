/** A JSON value as an error message shows it: strings as they are (the message quotes them), the rest as JSON. */
export function shown(v: unknown): string {
  return typeof v === "string" ? v : (JSON.stringify(v) ?? "missing");
}
