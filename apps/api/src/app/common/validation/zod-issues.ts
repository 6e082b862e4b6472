import type { z } from 'zod';
import type { FieldError } from '@switchboard/contracts';
import { AppError } from '../errors/app-error';

export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

/** Parses with a contract schema or throws `validation_failed` listing the bad fields. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('validation_failed', undefined, toFieldErrors(result.error));
  return result.data;
}
