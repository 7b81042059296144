import type { z } from 'zod';

export interface MethodSchema<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  args: A;
  result: R;
}

export function method<A extends z.ZodType, R extends z.ZodType>(args: A, result: R): MethodSchema<A, R> {
  return { args, result };
}
