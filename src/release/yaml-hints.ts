/** `key: value` on one line, maybe as a list item: the key and the value as written. */
const FIELD_LINE = /^\s*(?:-\s+)?([^\s:#'"][^:#]*?):[ \t]+(.*?)\s*$/;

/**
 * A plain hint for the YAML mistakes press releases make most, on the line where the parser
 * failed: a value with `: ` in it (`title: Acme: a new era`, read as a mapping), and a value
 * that opens with a quote closed before its end (`title: "We are thrilled," says Acme`).
 * Both are fixed by quoting the whole value; the hint shows it quoted.
 */
export function yamlHint(line: string): { field: string; message: string } | undefined {
  const match = FIELD_LINE.exec(line);
  const field = match?.[1]?.trim();
  const value = match?.[2];
  if (!field || !value) return undefined;
  const first = value[0];
  if (first === '"' || first === "'") {
    const close = closingQuote(value, first);
    if (close === undefined || close === value.length - 1) return undefined;
    if (/^\s*(#.*)?$/.test(value.slice(close + 1))) return undefined;
    return {
      field,
      message:
        `the ${field} starts with a quote that closes before its end, so YAML cannot read the rest: ` +
        `put the whole ${field} in quotes, e.g. ${field}: ${quoted(value)}`,
    };
  }
  if (/:(\s|$)/.test(value)) {
    return {
      field,
      message:
        `the ${field} contains ": ", which YAML reads as the start of a field: ` +
        `put the whole ${field} in quotes, e.g. ${field}: ${quoted(value)}`,
    };
  }
  return undefined;
}

/** Where a quoted YAML scalar that opens at 0 closes, if on this line. */
function closingQuote(value: string, quote: string): number | undefined {
  for (let i = 1; i < value.length; i++) {
    if (quote === '"' && value[i] === '\\') i++;
    else if (value[i] === quote) {
      if (quote === "'" && value[i + 1] === "'") i++;
      else return i;
    }
  }
  return undefined;
}

/** `value` as one YAML scalar: in double quotes if it has none, else in single quotes. */
function quoted(value: string): string {
  if (!/["\\]/.test(value)) return `"${value}"`;
  return `'${value.replace(/'/g, "''")}'`;
}
