// What the Appstore trigger's events share: the connection of a poll, and its pace.
import type { IPollFunctions } from 'n8n-workflow';

import { sendThroughN8n } from '../../shared/transport/http';
import type { AppstoreConnection } from '../transport/reportingApi';
import { APPSTORE_CREDENTIAL, appstoreConnection } from '../transport/reportingApi';

/** Amazon refreshes these files once a day, up to 48 hours late: every 3 hours is plenty. */
export const APPSTORE_CHECK_MINUTES = 180;

/** "Fetch Test Event" gives this many items at most. */
export const SAMPLE_SIZE = 5;

export async function connectTrigger(this: IPollFunctions): Promise<AppstoreConnection> {
	return {
		...appstoreConnection(await this.getCredentials(APPSTORE_CREDENTIAL), sendThroughN8n(this.helpers)),
		progress: (message: string) => this.logger.info(message),
	};
}
