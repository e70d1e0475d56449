import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { testSellingPartnerCredential } from './api';
import { sellingPartnerProperties } from './description';
import { router } from './router';

export class AmazonSellingPartnerReports implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Selling Partner Reports',
		name: 'amazonSellingPartnerReports',
		icon: { light: 'file:../../icons/amazonSellingPartner.svg', dark: 'file:../../icons/amazonSellingPartner.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle:
			'={{ ({ getAccountHealth: "Account health", getCouponPerformance: "Coupon performance", getCustomerMetrics: "Customer metrics", getPromotionPerformance: "Promotion performance", getSellerFeedback: "Seller feedback", requestAndDownload: "Request and download", create: "Create report", getStatus: "Report status", getMany: "Get many reports", cancel: "Cancel report", downloadDocument: "Download document" })[$parameter["operation"]] }}',
		description: 'Get seller feedback, account health, customer metrics, promotion, coupon and any other report from Amazon Seller Central',
		defaults: { name: 'Amazon Selling Partner Reports' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'amazonSellingPartnerApi',
				required: true,
				testedBy: 'amazonSellingPartnerApiTest',
			},
		],
		properties: sellingPartnerProperties,
	};

	methods = {
		credentialTest: { amazonSellingPartnerApiTest: testSellingPartnerCredential },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
