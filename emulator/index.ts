import { EMULATOR_APPSTORE_CLIENT, EMULATOR_SP_API_CLIENT } from './lwa';
import type { AmazonEmulator } from './server';

export { AmazonEmulator, EmulatorClock, startAmazonEmulator } from './server';
export type { Injection, RecordedRequest } from './server';
export { EMULATOR_APPSTORE_CLIENT, EMULATOR_SP_API_CLIENT } from './lwa';
export { buildZip } from './zip';

/** Both credentials of the package, pointed at this emulator (Environment: Custom). */
export function emulatorCredentials(emulator: AmazonEmulator) {
	return {
		amazonAppstoreReportingApi: {
			...EMULATOR_APPSTORE_CLIENT,
			environment: 'custom',
			tokenUrl: emulator.tokenUrl,
			apiBaseUrl: emulator.appstoreApiBaseUrl,
		},
		amazonSellingPartnerApi: {
			...EMULATOR_SP_API_CLIENT,
			region: 'na',
			environment: 'custom',
			tokenUrl: emulator.tokenUrl,
			apiBaseUrl: emulator.spApiBaseUrl,
		},
	};
}
