import pino from 'pino';

/** Structured JSON logs; expected errors go out at `warn`. */
export function createLogger(level: string, name: string) {
  return pino({ level, name, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}

export type Logger = ReturnType<typeof createLogger>;
