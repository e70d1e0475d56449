import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { spApiConnection } from '../nodes/AmazonSellingPartner/transport/reportsApi';
import { lwaAccessToken } from '../nodes/shared/transport/lwaPreAuthentication';

export class AmazonSellingPartnerApi implements ICredentialType {
	name = 'amazonSellingPartnerApi';

	displayName = 'Amazon Selling Partner API';

	icon: Icon = {
		light: 'file:../icons/amazonSellingPartner.svg',
		dark: 'file:../icons/amazonSellingPartner.dark.svg',
	};

	documentationUrl =
		'https://developer-docs.amazon.com/sp-api/docs/self-authorization';

	properties: INodeProperties[] = [
		{
			displayName:
				'Register a private app in Seller Central (Apps and Services > Develop Apps) with the Selling Partner Insights role, then authorize it to get a refresh token. The Client ID and Client Secret are under the app’s LWA credentials.',
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'amzn1.application-oa2-client.…',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'Atzr|…',
			description: 'The refresh token Seller Central shows when you authorize the app',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{
					name: 'North America',
					value: 'na',
					description: 'United States, Canada, Mexico, Brazil',
				},
				{
					name: 'Europe',
					value: 'eu',
					description:
						'United Kingdom, Germany, France, Italy, Spain, Netherlands, Sweden, Poland, Belgium, Ireland, Turkey, Egypt, Saudi Arabia, UAE, India, South Africa',
				},
				{
					name: 'Far East',
					value: 'fe',
					description: 'Japan, Australia, Singapore',
				},
			],
			default: 'na',
			description: 'The region of the marketplaces you sell in; one credential serves one region',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production' },
				{
					name: 'Sandbox',
					value: 'sandbox',
					description: 'Amazon’s static sandbox: it answers canned requests only',
				},
				{
					name: 'Custom',
					value: 'custom',
					description:
						'Other endpoints: a proxy, or the Amazon emulator in the package’s source repository (npm run emulator) for trying it out',
				},
			],
			default: 'production',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: 'https://api.amazon.com/auth/o2/token',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://sellingpartnerapi-na.amazon.com',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * Exchanges the client credentials for an access token before a request needs one (n8n keeps it
	 * in the hidden, expirable Access Token field and calls this again when Amazon refuses it). It
	 * serves the Test button, and the HTTP Request node for endpoints this package does not cover;
	 * the package's own nodes keep their own shared token cache. A refusal says what to fix.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		return await lwaAccessToken(this, (send) => spApiConnection(credentials, send).lwa);
	}

	// Used by the Test button and the HTTP Request node (the package's nodes send the token themselves).
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'x-amz-access-token': '={{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.environment === "custom" ? $credentials.apiBaseUrl.replace(/\\/+$/, "") : ($credentials.environment === "sandbox" ? "https://sandbox.sellingpartnerapi-" : "https://sellingpartnerapi-") + $credentials.region + ".amazon.com"}}',
			url: '/reports/2021-06-30/reports',
			qs: { reportTypes: 'GET_V2_SELLER_PERFORMANCE_REPORT', pageSize: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'Amazon denied access to the Reports API: the app needs the Selling Partner Insights role and the seller’s authorization, in the credential’s region.',
				},
			},
		],
	};
}
