/** immediate: the same switch as blue-green, but the old slot is stopped once the new one serves (no instant rollback). */
import { switchAll } from './blue-green.js';
import type { DeployStrategy } from './index.js';

export const immediate: DeployStrategy = { shift: switchAll, keepsPrevious: false };
