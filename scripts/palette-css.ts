/** npm run palette: writes the colour block of src/styles/charts.css from src/lib/charts/palette.ts. */
import { readFileSync, writeFileSync } from "node:fs";
import { paletteCss } from "../src/lib/charts/palette.ts";

const file = "src/styles/charts.css";
const css = readFileSync(file, "utf8");
const next = css.replace(
  /(\/\* palette:start \*\/\n)[\s\S]*?(\n\/\* palette:end \*\/)/,
  (_, start: string, end: string) => `${start}${paletteCss()}${end}`,
);
if (next === css) console.log(`${file}: colour block already up to date`);
else {
  writeFileSync(file, next);
  console.log(`${file}: colour block rewritten from palette.ts`);
}
