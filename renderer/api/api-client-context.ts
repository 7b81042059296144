import { createContext } from 'react';
import type { ApiClient } from './create-api-client.ts';

export const ApiClientContext = createContext<ApiClient | null>(null);
