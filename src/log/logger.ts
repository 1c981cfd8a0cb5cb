// Structured logging to stderr in hclog's JSON form, which go-plugin parses line by line and
// Terraform shows under TF_LOG / TF_LOG_PROVIDER. Every layer logs through this interface.

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  trace(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  log(level: LogLevel, message: string, fields?: LogFields): void;
  enabled(level: LogLevel): boolean;
  /** A logger adding these fields to every entry. */
  with(fields: LogFields): Logger;
}

const RANK: Record<LogLevel | 'off', number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4, off: 5 };

/** The level Terraform asks for: TF_LOG_PROVIDER first, then TF_LOG (JSON means trace). */
export function levelFromEnv(env: NodeJS.ProcessEnv, fallback: LogLevel | 'off'): LogLevel | 'off' {
  const raw = (env['TF_LOG_PROVIDER'] || env['TF_LOG'] || '').trim().toLowerCase();
  if (raw === 'json') return 'trace';
  if (raw === 'off') return 'off';
  if (raw in RANK) return raw as LogLevel;
  return raw ? 'trace' : fallback; // Terraform treats an unrecognised non-empty level as TRACE.
}

// Safety net: values under these keys never reach the log, whatever the call site passed.
const SECRET_KEY = /token|password|secret|authorization|credential|database_url|connection_url|^url$/i;

export function redactFields(fields: LogFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = SECRET_KEY.test(k) && v !== undefined && v !== null ? '[redacted]' : v;
  return out;
}

/** RFC 3339 with microseconds, the layout hclog parses ("2006-01-02T15:04:05.000000Z07:00"). */
export function hclogTimestamp(date: Date = new Date(), microseconds = 0): string {
  const iso = date.toISOString(); // 2026-11-24T04:20:48.123Z
  return `${iso.slice(0, 23)}${String(microseconds).padStart(3, '0')}Z`;
}

export type LogSink = (line: string) => void;

export class HclogLogger implements Logger {
  constructor(
    private readonly threshold: LogLevel | 'off',
    private readonly sink: LogSink,
    private readonly fields: LogFields = {},
  ) {}

  enabled(level: LogLevel): boolean {
    return RANK[level] >= RANK[this.threshold];
  }

  log(level: LogLevel, message: string, fields?: LogFields): void {
    if (!this.enabled(level)) return;
    const now = performance.timeOrigin + performance.now();
    const micros = Math.floor((now * 1000) % 1000);
    const entry = {
      '@level': level,
      '@message': message,
      '@timestamp': hclogTimestamp(new Date(Math.floor(now)), micros),
      ...redactFields({ ...this.fields, ...(fields ?? {}) }),
    };
    this.sink(JSON.stringify(entry, jsonSafe));
  }

  trace(message: string, fields?: LogFields): void {
    this.log('trace', message, fields);
  }
  debug(message: string, fields?: LogFields): void {
    this.log('debug', message, fields);
  }
  info(message: string, fields?: LogFields): void {
    this.log('info', message, fields);
  }
  warn(message: string, fields?: LogFields): void {
    this.log('warn', message, fields);
  }
  error(message: string, fields?: LogFields): void {
    this.log('error', message, fields);
  }

  with(fields: LogFields): Logger {
    return new HclogLogger(this.threshold, this.sink, { ...this.fields, ...fields });
  }
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return value;
}

export const silentLogger: Logger = new HclogLogger('off', () => {});

export function stderrLogger(env: NodeJS.ProcessEnv = process.env, fallback: LogLevel | 'off' = 'warn'): Logger {
  return new HclogLogger(levelFromEnv(env, fallback), (line) => process.stderr.write(line + '\n'));
}
