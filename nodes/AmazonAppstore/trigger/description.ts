// The Amazon Appstore Trigger as the editor shows it, assembled from its events (one file each).
import type { INodeProperties } from 'n8n-workflow';

import { triggerProperties } from '../../shared/trigger/event';
import { APPSTORE_EVENTS } from './events';

export const appstoreTriggerProperties: INodeProperties[] = triggerProperties(
	'Amazon refreshes these reports once a day, up to 48 hours late. Whatever Poll Times says, the trigger checks Amazon at most every 3 hours (see "Check at Most Every"); each check makes 2 requests per report.',
	APPSTORE_EVENTS,
	'newSalesTransactions',
	'Amazon refreshes these files once a day.',
);
