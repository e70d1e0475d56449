import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DOCS } from '../shared/docs';
import { toTriggerError } from '../shared/errors';
import { pollEvent } from '../shared/trigger/event';
import { searchReadableReportTypes } from './methods/listSearch';
import { getMarketplaces, getReportFields } from './methods/loadOptions';
import { reportTypeNameExpression } from './reports/registry';
import { sellingPartnerTriggerProperties } from './trigger/description';
import { SELLING_PARTNER_EVENTS } from './trigger/events';
import { connectTrigger } from './trigger/reports';

const EVENT_NAMES = JSON.stringify(Object.fromEntries(SELLING_PARTNER_EVENTS.map((event) => [event.option.value, event.option.name])));

export class AmazonSellingPartnerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Selling Partner Trigger',
		name: 'amazonSellingPartnerTrigger',
		icon: { light: 'file:../../icons/amazonSellingPartner.svg', dark: 'file:../../icons/amazonSellingPartner.dark.svg' },
		group: ['trigger'],
		version: 1,
		// "New Feedback", "Account Health Changed", "Report Ready: Settlement" (from the events and the registry)
		subtitle: `={{ (${EVENT_NAMES})[$parameter["event"]] + ($parameter["event"] === "reportReady" ? ": " + ${reportTypeNameExpression()} : "") }}`,
		description: 'Starts the workflow on new negative feedback, account health changes, or a newly finished report',
		documentationUrl: DOCS.sellingPartnerTrigger,
		defaults: { name: 'Amazon Selling Partner Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'amazonSellingPartnerApi',
				required: true,
			},
		],
		properties: sellingPartnerTriggerProperties,
	};

	methods = {
		loadOptions: { getMarketplaces, getReportFields },
		listSearch: { searchReadableReportTypes },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		try {
			return await pollEvent.call(this, SELLING_PARTNER_EVENTS, connectTrigger);
		} catch (error) {
			throw toTriggerError(this.getNode(), error);
		}
	}
}
