import { createContext } from '@lit/context';
import type { Backend } from '../../src/backend/backend.js';

/**
 * The backend every element uses when none is set on it directly: `customer-console` provides it,
 * children consume it with `@consume({ context: backendContext, subscribe: true })`.
 */
export const backendContext = createContext<Backend | undefined>(Symbol.for('customers-console.backend'));
