import type { z } from 'zod';

/** Socket.IO's event map for a namespace's pushes, from the zod schema of each push's payload. */
export type ServerEvents<Schemas extends Record<string, z.ZodType>> = {
  [E in keyof Schemas]: (payload: z.infer<Schemas[E]>) => void;
};
