import { z } from 'zod';
import { ZodPipe } from './zod.pipe';

/** `@Param('id', uuidParam)`: a malformed id is a 400 naming `id`, not a database error. */
export const uuidParam = new ZodPipe(z.uuid({ error: 'must be a UUID' }));
