/** The contract suite against MemoryBackend, with the same seed, size and clock as the server. */
import { MemoryBackend } from '../../src/backend/memory-backend.js';
import { CONTRACT_FIXTURE, contractSuite } from './contract.js';

contractSuite('MemoryBackend', async (clock) => ({
  backend: new MemoryBackend({ seed: CONTRACT_FIXTURE.seed, size: CONTRACT_FIXTURE.size, now: clock }),
  close: async () => {},
}));
