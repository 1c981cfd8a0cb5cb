// The logger hook of the client configuration, and a wrapper that never lets a logger break a
// request. Callers of `log` pass only safe fields: never tokens, passwords, variable values,
// connection URLs or request/response bodies.

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export type Logger = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

export function safeLogger(logger: Logger | undefined): Logger {
  if (!logger) return () => {};
  return (level, message, fields) => {
    try {
      logger(level, message, fields);
    } catch {
      // A failing logger must not fail the request it describes.
    }
  };
}
