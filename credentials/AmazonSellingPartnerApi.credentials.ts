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
import { REGIONS, sellingPartnerApiUrl } from '../nodes/shared/amazonEndpoints';
import { accessTokenProperty, environmentProperties, lwaClientProperties } from './shared/lwaProperties';
import { lwaAccessToken } from '../nodes/shared/transport/lwaPreAuthentication';

// The API's host per environment and region, for the test request's expression (with no "}}" in
// it, which would end the expression).
const SP_HOSTS = JSON.stringify({
	production: Object.fromEntries(REGIONS.map((region) => [region, sellingPartnerApiUrl(region)])),
	sandbox: Object.fromEntries(REGIONS.map((region) => [region, sellingPartnerApiUrl(region, 'sandbox')])),
}).replace(/\}\}/g, '} }');

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
		...lwaClientProperties,
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
		...environmentProperties({
			name: 'Selling Partner API',
			baseUrl: sellingPartnerApiUrl('na'),
			others: [{ name: 'Sandbox', value: 'sandbox', description: 'Amazon’s static sandbox: it answers canned requests only' }],
		}),
		accessTokenProperty,
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
				`={{$credentials.environment === "custom" ? $credentials.apiBaseUrl.replace(/\\/+$/, "") : (${SP_HOSTS})[$credentials.environment === "sandbox" ? "sandbox" : "production"][$credentials.region]}}`,
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
