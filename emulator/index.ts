export { AmazonEmulator, EmulatorClock, startAmazonEmulator } from './server';
export type { Injection, RecordedRequest } from './server';
export { EMULATOR_APPSTORE_CLIENT, EMULATOR_SP_API_CLIENT } from './lwa';
export { buildZip } from './zip';
