import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { spApiConnection } from '../AmazonSellingPartnerReports/api';
import { toNodeError } from '../shared/errors';
import { testLwaCredential } from '../shared/transport/credentialTest';
import { sellingPartnerTriggerProperties } from './description';
import { pollSellingPartner } from './poll';

export class AmazonSellingPartnerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Selling Partner Trigger',
		name: 'amazonSellingPartnerTrigger',
		icon: { light: 'file:../../icons/amazonSellingPartner.svg', dark: 'file:../../icons/amazonSellingPartner.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
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
		credentialTest: {
			async amazonSellingPartnerApiTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return await testLwaCredential(() => spApiConnection(credential.data ?? {}).lwa);
			},
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		try {
			return await pollSellingPartner.call(this);
		} catch (error) {
			// A poll has no input items: the error names no item.
			const nodeError = toNodeError(this.getNode(), error, 0);
			delete nodeError.context.itemIndex;
			throw nodeError;
		}
	}
}
