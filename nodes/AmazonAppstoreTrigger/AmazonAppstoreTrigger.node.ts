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

import { appstoreConnection } from '../AmazonAppstoreReports/api';
import { toNodeError } from '../shared/errors';
import { testLwaCredential } from '../shared/transport/credentialTest';
import { appstoreTriggerProperties } from './description';
import { pollAppstore } from './poll';

export class AmazonAppstoreTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Appstore Trigger',
		name: 'amazonAppstoreTrigger',
		icon: { light: 'file:../../icons/amazonAppstore.svg', dark: 'file:../../icons/amazonAppstore.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] === "newMonthlyReport" ? "New monthly report" : "New sales transaction" }}',
		description: 'Starts the workflow on new Amazon Appstore sales, or when a monthly report appears',
		defaults: { name: 'Amazon Appstore Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'amazonAppstoreReportingApi',
				required: true,
				testedBy: 'amazonAppstoreReportingApiTest',
			},
		],
		properties: appstoreTriggerProperties,
	};

	methods = {
		credentialTest: {
			async amazonAppstoreReportingApiTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return await testLwaCredential(() => appstoreConnection(credential.data ?? {}).lwa);
			},
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		try {
			return await pollAppstore.call(this);
		} catch (error) {
			// A poll has no input items: the error names no item.
			const nodeError = toNodeError(this.getNode(), error, 0);
			delete nodeError.context.itemIndex;
			throw nodeError;
		}
	}
}
