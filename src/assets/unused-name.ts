/** `stem` + `extension` (with its dot), or `stem-2`, `stem-3`… when `used` has it; then used. */
export function unusedName(stem: string, extension: string, used: Set<string>): string {
  let name = `${stem}${extension}`;
  for (let n = 2; used.has(name); n++) name = `${stem}-${n}${extension}`;
  used.add(name);
  return name;
}
