import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { testSellingPartnerCredential } from '../AmazonSellingPartnerReports/api';
import { toTriggerError } from '../shared/errors';
import { sellingPartnerTriggerProperties } from './description';
import { pollSellingPartner } from './poll';

export class AmazonSellingPartnerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Selling Partner Trigger',
		name: 'amazonSellingPartnerTrigger',
		icon: { light: 'file:../../icons/amazonSellingPartner.svg', dark: 'file:../../icons/amazonSellingPartner.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ ({ newFeedback: "New feedback", accountHealthChanged: "Account health changed", reportReady: "Report ready" })[$parameter["event"]] }}',
		description: 'Starts the workflow on new negative feedback, account health changes, or a new finished report',
		defaults: { name: 'Amazon Selling Partner Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'amazonSellingPartnerApi',
				required: true,
				testedBy: 'amazonSellingPartnerApiTest',
			},
		],
		properties: sellingPartnerTriggerProperties,
	};

	methods = {
		credentialTest: { amazonSellingPartnerApiTest: testSellingPartnerCredential },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		try {
			return await pollSellingPartner.call(this);
		} catch (error) {
			throw toTriggerError(this.getNode(), error);
		}
	}
}
