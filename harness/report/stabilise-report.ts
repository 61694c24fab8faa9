// Makes report text comparable between runs, as vitest's stabilizeReport: durations,
// timestamps, hostnames, temporary folders and cache keys blanked. For snapshot tests.
export function stabiliseReport(text: string, hostname?: string): string {
  let s = text
    .replace(/\/tmp\/flakecase-[a-z]+-[\w-]+/g, '<tmp>')
    .replace(/\/tmp\/fc-[a-z]+-[\w]+/g, '<root>')
    .replace(/\/[^\s"'`]*\/flakecase\/upstream-cache\/[0-9a-f]+/g, '<upstream-cache>')
    .replace(/flakecase-upstream-1:[A-Za-z0-9+/=]+/g, 'flakecase-upstream-1:<key>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<timestamp>')
    .replace(/time="[\d.]+"/g, 'time="<t>"')
    .replace(/\b\d+(\.\d+)?(ms|s)\b/g, '<t>')
    .replace(/"(durationMs)": [\d.]+/g, '"$1": 0');
  if (hostname) s = s.replaceAll(`hostname="${hostname}"`, 'hostname="<host>"');
  return s;
}
