import { BASE_KEY, ENGINE_KEY, isolatedScope } from './handoff';
import { startEngine } from './main';

// Injected at most once per frame, and only beside the base (which the manifest loads everywhere).
const base = isolatedScope[BASE_KEY];
if (base && !isolatedScope[ENGINE_KEY]) {
  isolatedScope[ENGINE_KEY] = true;
  startEngine(base, document);
}
