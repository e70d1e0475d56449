import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DOCS } from '../shared/docs';
import { toTriggerError } from '../shared/errors';
import { getMarketplaces, getReportFields } from './methods/loadOptions';
import { reportNamesLiteral } from './reports/registry';
import { sellingPartnerTriggerProperties } from './trigger/description';
import { pollSellingPartner } from './trigger/poll';

export class AmazonSellingPartnerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Selling Partner Trigger',
		name: 'amazonSellingPartnerTrigger',
		icon: { light: 'file:../../icons/amazonSellingPartner.svg', dark: 'file:../../icons/amazonSellingPartner.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ $parameter["event"] === "reportReady" ? "Report Ready: " + (${reportNamesLiteral()}[$parameter["reportType"]] || $parameter["reportType"]) : ({ newFeedback: "New Feedback", accountHealthChanged: "Account Health Changed" })[$parameter["event"]] }}`,
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
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		try {
			return await pollSellingPartner.call(this);
		} catch (error) {
			throw toTriggerError(this.getNode(), error);
		}
	}
}
