import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { testAppstoreCredential } from './api';
import { appstoreProperties } from './description';
import { router } from './router';

export class AmazonAppstoreReports implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Appstore Reports',
		name: 'amazonAppstoreReports',
		icon: { light: 'file:../../icons/amazonAppstore.svg', dark: 'file:../../icons/amazonAppstore.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{ $parameter["operation"] === "getSubscriptionReport" ? "Subscription report" : "Sales report" }}',
		description: 'Get monthly sales and subscription reports from the Amazon Appstore, one item per row',
		defaults: { name: 'Amazon Appstore Reports' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'amazonAppstoreReportingApi',
				required: true,
				testedBy: 'amazonAppstoreReportingApiTest',
			},
		],
		properties: appstoreProperties,
	};

	methods = {
		credentialTest: { amazonAppstoreReportingApiTest: testAppstoreCredential },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
