// Shell-quotes an argv so the printed command can be pasted into bash/zsh and re-run as is.
// Like execa's `escapedCommand`, control characters are made visible rather than passed raw.

const SAFE = /^[A-Za-z0-9_@%+=:,./^#-]+$/;

export function quoteArg(arg: string): string {
  if (arg !== '' && SAFE.test(arg)) return arg;
  // $'…' is the only quoting that can show a newline or tab readably; use it only when needed.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(arg)) {
    const body = arg
      .replace(/\\/g, '\\\\')
      .replace(/'/g, "\\'")
      .replace(/\n/g, '\\n')
      .replace(/\t/g, '\\t')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
    return `$'${body}'`;
  }
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function quoteCommand(argv: readonly string[], env: Readonly<Record<string, string>> = {}): string {
  const prefix = Object.entries(env).map(([k, v]) => `${k}=${quoteArg(v)}`);
  return [...prefix, ...argv.map(quoteArg)].join(' ');
}
