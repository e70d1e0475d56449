// The Amazon Selling Partner Trigger as the editor shows it, assembled from its events (one file each).
import type { INodeProperties } from 'n8n-workflow';

import { triggerProperties } from '../../shared/trigger/event';
import { SELLING_PARTNER_EVENTS } from './events';

export const sellingPartnerTriggerProperties: INodeProperties[] = triggerProperties(
	'Amazon lets an account create about one report a minute. Whatever Poll Times says, this trigger checks at most every hour for feedback and account health (reusing a report for an hour) and every 15 minutes for Report Ready (which only reads reports Amazon already made). See "Check at Most Every".',
	SELLING_PARTNER_EVENTS,
	'newFeedback',
	'A report still being made is collected on the next poll regardless.',
);
